using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.KeyValue;

public sealed class RocksDbKeyValueStoreTests : KeyValueStoreContractTests
{
    private readonly TempDirectory _dir = new();
    private RocksDbKeyValueStore _store;

    public RocksDbKeyValueStoreTests()
    {
        _store = RocksDbKeyValueStore.Open(_dir.Path, SmallOptions);
    }

    private static RocksDbStoreOptions SmallOptions => new() { BlockCacheBytes = 8 << 20, WriteBufferBytes = 4 << 20, Parallelism = 2 };

    protected override IKeyValueStore Store => _store;

    public override void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Data_survives_dispose_and_reopen()
    {
        using (var batch = _store.CreateBatch())
        {
            batch.Put(KvColumn.State, B(1), B(1));
            batch.Put(KvColumn.Chain, B(2), B(2));
            _store.Write(batch);
        }
        _store.Dispose();
        _store = RocksDbKeyValueStore.Open(_dir.Path, SmallOptions with { SyncWrites = true });
        Assert.Equal(B(1), _store.Get(KvColumn.State, B(1)));
        Assert.Equal(B(2), _store.Get(KvColumn.Chain, B(2)));
    }

    [Fact]
    public void Use_after_dispose_throws_object_disposed()
    {
        _store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _store.Get(KvColumn.State, B(1)));
        Assert.Throws<ObjectDisposedException>(() => _store.CreateBatch());
    }

    [Fact]
    public void Opening_a_path_that_is_a_file_fails_with_io_error()
    {
        var file = Path.Combine(_dir.Path, "not-a-dir");
        File.WriteAllText(file, "x");
        Assert.ThrowsAny<IOException>(() => RocksDbKeyValueStore.Open(file));
    }
}
