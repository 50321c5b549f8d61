using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage;

/// <summary>
/// One level of a <see cref="StateOverlay"/>: the writes made since the level began (null value =
/// deleted) and the prefixes removed wholesale. A prefix removal deletes every key under it in the
/// levels below; writes made after it are kept in <see cref="_writes"/> and win over it.
/// </summary>
internal sealed class OverlayLayer
{
    private readonly Dictionary<byte[], byte[]?> _writes = new(ByteKeyComparer.Instance);
    // Sorted index over _writes' keys so prefix iteration and removal need not scan every write.
    private readonly SortedSet<byte[]> _sortedKeys = new(ByteKeyComparer.Instance);
    private readonly List<byte[]> _removedPrefixes = [];

    public int WriteCount => _writes.Count;

    public IReadOnlyList<byte[]> RemovedPrefixes => _removedPrefixes;

    public IEnumerable<KeyValuePair<byte[], byte[]?>> Writes => _writes;

    /// <summary>True when this level decides the key's value (written, deleted, or under a removed prefix).</summary>
    public bool TryResolve(ReadOnlySpan<byte> key, byte[] keyArray, out byte[]? value)
    {
        if (_writes.TryGetValue(keyArray, out value)) return true;
        foreach (var prefix in _removedPrefixes)
        {
            if (key.StartsWith(prefix))
            {
                value = null;
                return true;
            }
        }
        return false;
    }

    public void Write(byte[] key, byte[]? value)
    {
        if (_writes.TryAdd(key, value)) _sortedKeys.Add(key);
        else _writes[key] = value;
    }

    public void RemovePrefix(byte[] prefix)
    {
        foreach (var key in KeysWithPrefix(prefix).ToList())
        {
            _writes.Remove(key);
            _sortedKeys.Remove(key);
        }
        // Keep the prefix list minimal: a shorter prefix already covering this one makes it redundant,
        // and this one makes any longer ones redundant.
        foreach (var existing in _removedPrefixes)
            if (prefix.AsSpan().StartsWith(existing)) return;
        _removedPrefixes.RemoveAll(existing => existing.AsSpan().StartsWith(prefix));
        _removedPrefixes.Add(prefix);
    }

    /// <summary>Keys written (or deleted) in this level under <paramref name="prefix"/>, ascending.</summary>
    public IEnumerable<byte[]> KeysWithPrefix(byte[] prefix)
    {
        if (_sortedKeys.Count == 0) return [];
        var upper = KeyPrefix.UpperBound(prefix);
        var max = _sortedKeys.Max!;
        if (upper is null)
        {
            return ByteKeyComparer.Instance.Compare(prefix, max) > 0
                ? []
                : _sortedKeys.GetViewBetween(prefix, max).Where(k => k.AsSpan().StartsWith(prefix));
        }
        // GetViewBetween is inclusive on both ends; the upper bound itself never starts with the prefix.
        return ByteKeyComparer.Instance.Compare(prefix, upper) >= 0
            ? []
            : _sortedKeys.GetViewBetween(prefix, upper).Where(k => k.AsSpan().StartsWith(prefix));
    }

    /// <summary>Folds this level into the one below, as if its operations had been made there.</summary>
    public void MergeInto(OverlayLayer lower)
    {
        foreach (var prefix in _removedPrefixes) lower.RemovePrefix(prefix);
        foreach (var (key, value) in _writes) lower.Write(key, value);
    }
}
