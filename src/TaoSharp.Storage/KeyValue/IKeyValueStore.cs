namespace TaoSharp.Storage.KeyValue;

/// <summary>Read side of a raw key-value store (live, or frozen in a snapshot).</summary>
public interface IKeyValueReader
{
    /// <summary>The value stored under <paramref name="key"/>, or null. The returned array belongs to the caller.</summary>
    byte[]? Get(KvColumn column, ReadOnlySpan<byte> key);

    /// <summary>All entries whose key starts with <paramref name="prefix"/>, keys ascending (bytewise).</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(KvColumn column, byte[] prefix);
}

/// <summary>A consistent, read-only view of the store at the moment it was taken.</summary>
public interface IKeyValueSnapshot : IKeyValueReader, IDisposable
{
}

/// <summary>Writes collected in memory and applied all-or-nothing by <see cref="IKeyValueStore.Write"/>.</summary>
public interface IWriteBatch : IDisposable
{
    void Put(KvColumn column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(KvColumn column, ReadOnlySpan<byte> key);

    /// <summary>Number of operations recorded so far.</summary>
    int Count { get; }
}

/// <summary>
/// The raw store under the state and the chain. One writer at a time; readers may run concurrently
/// with it and see either all or nothing of each batch.
/// </summary>
public interface IKeyValueStore : IKeyValueReader, IDisposable
{
    IWriteBatch CreateBatch();

    /// <summary>Applies every operation of <paramref name="batch"/> atomically, in recording order.</summary>
    void Write(IWriteBatch batch);

    IKeyValueSnapshot GetSnapshot();
}
