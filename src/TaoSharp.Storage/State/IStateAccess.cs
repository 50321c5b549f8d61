namespace TaoSharp.Storage;

/// <summary>Read access to runtime state (Substrate-style keys, SCALE values).</summary>
public interface IStateReader
{
    /// <summary>The value under <paramref name="key"/>, or null when absent.</summary>
    byte[]? Get(ReadOnlySpan<byte> key);

    /// <summary>Every entry whose key starts with <paramref name="prefix"/>, keys ascending (bytewise).</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(byte[] prefix);
}

/// <summary>Read-write access to runtime state; the runtime only ever writes through this.</summary>
public interface IStateAccess : IStateReader
{
    void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Remove(ReadOnlySpan<byte> key);

    /// <summary>Removes every key starting with <paramref name="prefix"/> (including ones written earlier in this overlay).</summary>
    void RemovePrefix(byte[] prefix);
}
