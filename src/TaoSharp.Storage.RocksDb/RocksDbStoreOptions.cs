namespace TaoSharp.Storage.RocksDb;

/// <summary>Tuning of a <see cref="RocksDbKeyValueStore"/>.</summary>
public sealed record RocksDbStoreOptions
{
    /// <summary>
    /// fsync the write-ahead log on every batch. Off by default: a crash may lose the last blocks,
    /// never corrupt them, and blocks can be re-imported; nodes that must not lose them turn it on.
    /// </summary>
    public bool SyncWrites { get; init; }

    /// <summary>Shared LRU block cache for all columns.</summary>
    public long BlockCacheBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Memtable size per column before it is flushed to a table file.</summary>
    public ulong WriteBufferBytes { get; init; } = 64UL * 1024 * 1024;

    /// <summary>Background compaction and flush threads.</summary>
    public int Parallelism { get; init; } = System.Math.Max(2, Environment.ProcessorCount);
}
