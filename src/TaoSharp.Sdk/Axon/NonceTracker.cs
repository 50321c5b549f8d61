using System.Collections.Concurrent;
using System.Globalization;

namespace TaoSharp.Sdk;

/// <summary>
/// Per-caller nonce rules of the axon's default verification (spec-client §3.5), keyed by
/// <c>{dendrite.hotkey}:{dendrite.uuid}</c>: the first nonce must be fresh (newer than now − 4 s − timeout),
/// later ones strictly greater than the last accepted. Check first, verify the signature, then <see cref="TryCommit"/>
/// atomically so two concurrent copies of one request cannot both pass.
/// </summary>
internal sealed class NonceTracker(long retentionNs, int maxEntries)
{
    private const long BaseWindowNs = 4_000_000_000;

    private readonly ConcurrentDictionary<string, long> _lastNonce = new(StringComparer.Ordinal);
    private int _count;
    private long _lastPruneNs;

    /// <summary>Null when acceptable, else the Python error text.</summary>
    public string? Check(string endpointKey, long nonce, long nowNs, double timeoutSeconds)
    {
        bool known = _lastNonce.TryGetValue(endpointKey, out long last);
        if (known && nonce <= last) return "Nonce is too old, a newer one was last processed";

        // Python skips the window for pre-7.2 clients; we apply it to every first request whatever the version,
        // so forgetting stale callers (Prune) can never re-open a replay.
        if (!known)
        {
            long allowedDeltaNs = BaseWindowNs + (long)(timeoutSeconds * 1_000_000_000d);
            if (nonce <= nowNs - allowedDeltaNs)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Nonce is too old: acceptable delta is {allowedDeltaNs / 1e9:F2} seconds but request was {(nowNs - nonce) / 1e9:F2} seconds old");
            }
        }
        return null;
    }

    /// <summary>Stores the nonce if it is still greater than the caller's last one; false if another request won the race.</summary>
    public bool TryCommit(string endpointKey, long nonce, long nowNs)
    {
        while (true)
        {
            if (_lastNonce.TryGetValue(endpointKey, out long last))
            {
                if (nonce <= last) return false;
                if (_lastNonce.TryUpdate(endpointKey, nonce, last)) return true;
            }
            else if (_lastNonce.TryAdd(endpointKey, nonce))
            {
                if (Interlocked.Increment(ref _count) > maxEntries) Prune(nowNs);
                return true;
            }
        }
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Forgets callers whose last nonce is older than the longest freshness window: any replay of their nonces would
    /// fail the first-request window anyway. Runs at most once a second when the table is over capacity.
    /// </summary>
    private void Prune(long nowNs)
    {
        long previous = Volatile.Read(ref _lastPruneNs);
        if (nowNs - previous < 1_000_000_000 || Interlocked.CompareExchange(ref _lastPruneNs, nowNs, previous) != previous) return;
        long cutoff = nowNs - retentionNs;
        foreach (var (key, last) in _lastNonce)
        {
            if (last < cutoff && _lastNonce.TryRemove(new KeyValuePair<string, long>(key, last)))
                Interlocked.Decrement(ref _count);
        }
    }
}
