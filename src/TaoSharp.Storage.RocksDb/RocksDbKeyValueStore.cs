using RocksDbSharp;
using TaoSharp.Storage.KeyValue;
using KvWriteBatch = TaoSharp.Storage.KeyValue.IWriteBatch;
using Native = RocksDbSharp.RocksDb;

namespace TaoSharp.Storage.RocksDb;

/// <summary>
/// <see cref="IKeyValueStore"/> on RocksDB. Each <see cref="KvColumn"/> is a column family, so a
/// batch spanning state, tree nodes and block data still commits atomically (one WAL record).
/// Thread-safe as RocksDB is; dispose once no snapshot or iteration is in use.
/// </summary>
public sealed class RocksDbKeyValueStore : IKeyValueStore, IVersionedReader
{
    // Bumped after each applied batch (see IVersionedReader): lets an overlay reuse what it read from this store.
    private long _writeVersion;
    private readonly Native _db;
    private readonly ColumnFamilyHandle[] _columns;
    private readonly WriteOptions _writeOptions;
    // Reused for every live read: creating native options per call costs more than a warm point read.
    private readonly ReadOptions _readOptions = new();
    private bool _disposed;

    private RocksDbKeyValueStore(Native db, ColumnFamilyHandle[] columns, WriteOptions writeOptions, string path)
    {
        _db = db;
        _columns = columns;
        _writeOptions = writeOptions;
        Path = path;
    }

    public string Path { get; }

    public long? ReadVersion => Volatile.Read(ref _writeVersion);

    /// <summary>Opens (creating if missing) the database in <paramref name="path"/>.</summary>
    public static RocksDbKeyValueStore Open(string path, RocksDbStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new RocksDbStoreOptions();
        Directory.CreateDirectory(path);

        var cache = Cache.CreateLru((ulong)options.BlockCacheBytes);
        var dbOptions = new DbOptions()
            .SetCreateIfMissing(true)
            .SetCreateMissingColumnFamilies(true)
            .IncreaseParallelism(options.Parallelism);
        var families = new ColumnFamilies(ColumnOptions(cache, options, KvColumn.Chain));
        foreach (var column in KvColumns.All) families.Add(ColumnName(column), ColumnOptions(cache, options, column));

        Native db;
        try
        {
            db = Native.Open(dbOptions, path, families);
        }
        catch (RocksDbException ex)
        {
            throw new IOException($"cannot open RocksDB at '{path}': {ex.Message}", ex);
        }
        var handles = KvColumns.All.Select(column => db.GetColumnFamily(ColumnName(column))).ToArray();
        var writeOptions = new WriteOptions().SetSync(options.SyncWrites);
        return new RocksDbKeyValueStore(db, handles, writeOptions, path);
    }

    public byte[]? Get(KvColumn column, ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _db.Get(key, Handle(column), _readOptions);
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(KvColumn column, byte[] prefix) =>
        Iterate(column, prefix, snapshot: null);

    public KvWriteBatch CreateBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Batch(this);
    }

    public void Write(KvWriteBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch is not Batch ours || !ReferenceEquals(ours.Owner, this))
            throw new ArgumentException("batch was not created by this RocksDB store", nameof(batch));
        _db.Write(ours.Native, _writeOptions);
        // After the write is visible, so a reader that saw the old version re-reads.
        Interlocked.Increment(ref _writeVersion);
    }

    public IKeyValueSnapshot GetSnapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Snapshot(this, _db.CreateSnapshot());
    }

    /// <summary>
    /// Compacts every column now (blocking). Useful after a bulk import such as genesis: reads then
    /// hit one sorted level instead of many freshly flushed files, and no compaction runs behind them.
    /// </summary>
    public void CompactAll()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var handle in _columns) _db.CompactRange(Array.Empty<byte>(), null, handle);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _db.Dispose();
    }

    private static string ColumnName(KvColumn column) => column switch
    {
        KvColumn.State => "state",
        KvColumn.StateTree => "state-tree",
        KvColumn.Chain => "chain",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "unknown key-value column"),
    };

    private static ColumnFamilyOptions ColumnOptions(Cache cache, RocksDbStoreOptions options, KvColumn column)
    {
        var table = new BlockBasedTableOptions()
            .SetBlockCache(cache)
            // Point reads dominate (state gets, tree node loads): a bloom filter skips most table files.
            .SetFilterPolicy(BloomFilterPolicy.Create(10, false))
            .SetCacheIndexAndFilterBlocks(true);
        return new ColumnFamilyOptions()
            .SetBlockBasedTableFactory(table)
            .SetWriteBufferSize(options.WriteBufferBytes)
            // Tree nodes are hashes and do not compress; state and block data (SCALE) do.
            .SetCompression(column == KvColumn.StateTree ? Compression.No : Compression.Lz4);
    }

    private ColumnFamilyHandle Handle(KvColumn column) => _columns[KvColumns.Index(column)];

    private IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(KvColumn column, byte[] prefix, RocksDbSharp.Snapshot? snapshot)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(prefix);
        var handle = Handle(column);
        return IterateCore(handle, (byte[])prefix.Clone(), snapshot);
    }

    private IEnumerable<KeyValuePair<byte[], byte[]>> IterateCore(ColumnFamilyHandle handle, byte[] prefix, RocksDbSharp.Snapshot? snapshot)
    {
        var readOptions = new ReadOptions();
        if (snapshot is not null) readOptions.SetSnapshot(snapshot);
        // The upper bound lets RocksDB stop at the end of the prefix instead of reading one block past it.
        if (KeyPrefix.UpperBound(prefix) is { } upper) readOptions.SetIterateUpperBound(upper);
        using var iterator = _db.NewIterator(handle, readOptions);
        for (iterator.Seek(prefix); iterator.Valid(); iterator.Next())
        {
            var key = iterator.Key();
            if (!key.AsSpan().StartsWith(prefix)) yield break;
            yield return new(key, iterator.Value());
        }
    }

    private sealed class Snapshot(RocksDbKeyValueStore store, RocksDbSharp.Snapshot native) : IKeyValueSnapshot, IVersionedReader
    {
        public long? ReadVersion => 0;

        private readonly ReadOptions _readOptions = new ReadOptions().SetSnapshot(native);
        private bool _disposed;

        public byte[]? Get(KvColumn column, ReadOnlySpan<byte> key)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return store._db.Get(key, store.Handle(column), _readOptions);
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(KvColumn column, byte[] prefix)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return store.Iterate(column, prefix, native);
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            native.Dispose();
        }
    }

    private sealed class Batch(RocksDbKeyValueStore owner) : KvWriteBatch
    {
        public RocksDbKeyValueStore Owner { get; } = owner;

        public WriteBatch Native { get; } = new();

        public int Count { get; private set; }

        public void Put(KvColumn column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            Native.Put(key, value, Owner.Handle(column));
            Count++;
        }

        public void Delete(KvColumn column, ReadOnlySpan<byte> key)
        {
            Native.Delete(key, Owner.Handle(column));
            Count++;
        }

        public void Dispose() => Native.Dispose();
    }
}
