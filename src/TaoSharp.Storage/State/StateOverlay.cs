using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage;

/// <summary>
/// A changeset buffered over a read-only state. Block execution writes here; nothing reaches the
/// store until <see cref="StateDb.Commit"/>. Nested transactions give all-or-nothing extrinsics:
/// <see cref="BeginTransaction"/> opens a level, <see cref="RollbackTransaction"/> drops everything
/// written since, <see cref="CommitTransaction"/> folds it into the level below.
/// Not thread-safe: one overlay belongs to one executing block.
/// </summary>
public sealed class StateOverlay : IStateAccess
{
    /// <summary>Bounds nesting so a runaway recursion fails clearly instead of exhausting memory.</summary>
    public const int MaxTransactionDepth = 256;

    private readonly IStateReader _backing;
    private readonly List<OverlayLayer> _layers = [new()];

    public StateOverlay(IStateReader backing)
    {
        ArgumentNullException.ThrowIfNull(backing);
        _backing = backing;
    }

    /// <summary>Incremented by every change to the overlay, so a cached result derived from it can be checked for staleness.</summary>
    public long Version { get; private set; }

    /// <summary>Number of open transactions (0 = only the block-level changeset).</summary>
    public int TransactionDepth => _layers.Count - 1;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var keyArray = key.ToArray();
        if (TryResolve(key, keyArray, out var value)) return value is null ? null : (byte[])value.Clone();
        return _backing.Get(key);
    }

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Top.Write(key.ToArray(), value.ToArray());
        Version++;
    }

    public void Remove(ReadOnlySpan<byte> key)
    {
        Top.Write(key.ToArray(), null);
        Version++;
    }

    public void RemovePrefix(byte[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Top.RemovePrefix((byte[])prefix.Clone());
        Version++;
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(byte[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var ownPrefix = (byte[])prefix.Clone();
        // Capture the overlay's keys now so writes made while the caller iterates cannot break the enumeration.
        var overlayKeys = new SortedSet<byte[]>(ByteKeyComparer.Instance);
        foreach (var layer in _layers)
            foreach (var key in layer.KeysWithPrefix(ownPrefix)) overlayKeys.Add(key);
        return Merge(overlayKeys.ToArray(), _backing.IteratePrefix(ownPrefix));
    }

    public void BeginTransaction()
    {
        if (TransactionDepth >= MaxTransactionDepth)
            throw new InvalidOperationException($"state transactions nested deeper than {MaxTransactionDepth}");
        _layers.Add(new OverlayLayer());
    }

    public void CommitTransaction()
    {
        var top = PopTransaction(nameof(CommitTransaction));
        top.MergeInto(Top);
    }

    public void RollbackTransaction()
    {
        PopTransaction(nameof(RollbackTransaction));
        Version++;
    }

    /// <summary>
    /// The net effect of the overlay on the backing state: sorted by key, one entry per key, null
    /// value = delete. Prefix removals are expanded to the backing keys they delete. Only valid with no
    /// open transaction, so a half-finished extrinsic can never be committed.
    /// </summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes
    {
        get
        {
            if (TransactionDepth != 0)
                throw new InvalidOperationException($"cannot take the changes of an overlay with {TransactionDepth} open transaction(s)");
            var root = _layers[0];
            var changes = new SortedDictionary<byte[], byte[]?>(ByteKeyComparer.Instance);
            foreach (var prefix in root.RemovedPrefixes)
                foreach (var (key, _) in _backing.IteratePrefix(prefix))
                    changes[key] = null;
            foreach (var (key, value) in root.Writes)
                changes[key] = value is null ? null : (byte[])value.Clone();
            return changes.ToList();
        }
    }

    private OverlayLayer Top => _layers[^1];

    private OverlayLayer PopTransaction(string operation)
    {
        if (TransactionDepth == 0)
            throw new InvalidOperationException($"{operation} without an open transaction");
        var top = Top;
        _layers.RemoveAt(_layers.Count - 1);
        return top;
    }

    private bool TryResolve(ReadOnlySpan<byte> key, byte[] keyArray, out byte[]? value)
    {
        for (int i = _layers.Count - 1; i >= 0; i--)
            if (_layers[i].TryResolve(key, keyArray, out value)) return true;
        value = null;
        return false;
    }

    private IEnumerable<KeyValuePair<byte[], byte[]>> Merge(byte[][] overlayKeys, IEnumerable<KeyValuePair<byte[], byte[]>> backing)
    {
        using var backingEnum = backing.GetEnumerator();
        bool hasBacking = backingEnum.MoveNext();
        int next = 0;
        while (hasBacking || next < overlayKeys.Length)
        {
            int order = !hasBacking ? 1
                : next >= overlayKeys.Length ? -1
                : ByteKeyComparer.Instance.Compare(backingEnum.Current.Key, overlayKeys[next]);
            if (order < 0)
            {
                // Key only in the backing state: visible unless a level deleted it (directly or by prefix).
                var (key, value) = backingEnum.Current;
                if (!TryResolve(key, key, out var overlaid)) yield return new(key, value);
                else if (overlaid is not null) yield return new(key, (byte[])overlaid.Clone());
                hasBacking = backingEnum.MoveNext();
                continue;
            }
            var overlayKey = overlayKeys[next++];
            byte[]? backingValue = null;
            if (order == 0)
            {
                backingValue = backingEnum.Current.Value;
                hasBacking = backingEnum.MoveNext();
            }
            // A key captured from a level that was rolled back mid-iteration no longer resolves: show the backing value.
            var resolved = TryResolve(overlayKey, overlayKey, out var current) ? current : backingValue;
            if (resolved is not null) yield return new((byte[])overlayKey.Clone(), (byte[])resolved.Clone());
        }
    }
}
