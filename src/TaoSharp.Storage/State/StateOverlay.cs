using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage;

/// <summary>
/// A changeset buffered over a read-only state. Block execution writes here; nothing reaches the
/// store until <see cref="StateDb.Commit"/>. Nested transactions give all-or-nothing extrinsics:
/// <see cref="BeginTransaction"/> opens a level, <see cref="RollbackTransaction"/> drops everything
/// written since, <see cref="CommitTransaction"/> folds it into the level below.
/// Not thread-safe: one overlay belongs to one executing block.
/// <para>
/// Reads that fall through to the backing state are remembered (key → value or absence) while the backing reports the
/// same <see cref="IVersionedReader.ReadVersion"/>: a block reads the same items again and again (the subnet's flags,
/// the hotkey's owner, swap settings, the author) and on RocksDB each read is a native call. Any write to the backing
/// changes its version and empties the memo; a backing that keeps no version is read every time, as before.
/// </para>
/// </summary>
public sealed class StateOverlay : IStateAccess, IVersionedReader
{
    /// <summary>Bounds nesting so a runaway recursion fails clearly instead of exhausting memory.</summary>
    public const int MaxTransactionDepth = 256;

    /// <summary>Bounds the memo of backing reads (a block reading more distinct keys reads the rest from the backing).</summary>
    public const int MaxRememberedReads = 65_536;

    private readonly IStateReader _backing;
    private readonly IVersionedReader? _versionedBacking;
    private readonly List<OverlayLayer> _layers = [new()];
    private readonly Dictionary<byte[], byte[]?> _backingReads = new(ByteKeyComparer.Instance);
    private long _backingReadsVersion;

    public StateOverlay(IStateReader backing)
    {
        ArgumentNullException.ThrowIfNull(backing);
        _backing = backing;
        _versionedBacking = backing as IVersionedReader;
    }

    /// <summary>Incremented by every change to the overlay, so a cached result derived from it can be checked for staleness.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// Changes with the overlay's own changes and with its backing's version (null when the backing keeps none), so an
    /// overlay stacked on this one may remember what it read here. Both counters only grow, so any change of either
    /// gives a larger number.
    /// </summary>
    long? IVersionedReader.ReadVersion =>
        _versionedBacking?.ReadVersion is { } backingVersion ? unchecked(Version * 1_000_003 + backingVersion) : null;

    /// <summary>Number of open transactions (0 = only the block-level changeset).</summary>
    public int TransactionDepth => _layers.Count - 1;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var keyArray = key.ToArray();
        if (TryResolve(key, keyArray, out var value)) return value is null ? null : (byte[])value.Clone();
        return ReadBacking(key, keyArray);
    }

    /// <summary>A read of the backing state, from the memo when the backing has not changed since it was made.</summary>
    private byte[]? ReadBacking(ReadOnlySpan<byte> key, byte[] keyArray)
    {
        // The version is taken before the read: a write racing with it changes the version, so its value is dropped.
        if (_versionedBacking?.ReadVersion is not { } version) return _backing.Get(key);
        if (version != _backingReadsVersion)
        {
            _backingReads.Clear();
            _backingReadsVersion = version;
        }
        if (!_backingReads.TryGetValue(keyArray, out var stored))
        {
            stored = _backing.Get(key);
            if (_backingReads.Count < MaxRememberedReads) _backingReads[keyArray] = stored;
        }
        // Callers own what Get returns; the memo keeps its own copy.
        return stored is null ? null : (byte[])stored.Clone();
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
