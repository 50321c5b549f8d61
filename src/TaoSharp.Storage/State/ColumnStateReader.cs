using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage;

/// <summary>Presents one column of a raw store (live or snapshot) as runtime state.</summary>
public sealed class ColumnStateReader(IKeyValueReader reader, KvColumn column = KvColumn.State) : IStateReader, IVersionedReader
{
    /// <summary>The store's version when it keeps one (any column's write counts: a conservative answer).</summary>
    public long? ReadVersion => reader is IVersionedReader versioned ? versioned.ReadVersion : null;

    public byte[]? Get(ReadOnlySpan<byte> key) => reader.Get(column, key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(byte[] prefix) => reader.IteratePrefix(column, prefix);
}
