namespace TaoSharp.Storage.KeyValue;

/// <summary>
/// Orders and compares byte keys the way every store in TaoSharp does: unsigned lexicographic,
/// a shorter key sorting before any key it is a prefix of (RocksDB's default bytewise comparator).
/// </summary>
public sealed class ByteKeyComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
{
    public static readonly ByteKeyComparer Instance = new();

    private ByteKeyComparer() { }

    public int Compare(byte[]? x, byte[]? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        return x.AsSpan().SequenceCompareTo(y);
    }

    public bool Equals(byte[]? x, byte[]? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        return x.AsSpan().SequenceEqual(y);
    }

    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}

/// <summary>Prefix arithmetic shared by the stores and the overlay.</summary>
public static class KeyPrefix
{
    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/>, or null when
    /// no such key exists (empty prefix, or all bytes 0xFF) and the range is open-ended.
    /// </summary>
    public static byte[]? UpperBound(ReadOnlySpan<byte> prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                var bound = prefix[..(i + 1)].ToArray();
                bound[i]++;
                return bound;
            }
        }
        return null;
    }
}
