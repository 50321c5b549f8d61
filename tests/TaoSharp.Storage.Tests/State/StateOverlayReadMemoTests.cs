using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.State;

/// <summary>
/// The overlay remembers what it read from its backing state while the backing's version stays the same: repeated
/// reads skip the store, and any change of the backing (a store write, a commit, a parent overlay's write or rollback)
/// is seen by the next read.
/// </summary>
public sealed class StateOverlayReadMemoTests
{
    /// <summary>Counts reads reaching a real in-memory store column; versioned or not.</summary>
    private sealed class CountingReader(IKeyValueStore store, bool versioned) : IStateReader, IVersionedReader
    {
        public int Reads { get; private set; }

        public long? ReadVersion => versioned ? ((IVersionedReader)store).ReadVersion : null;

        public byte[]? Get(ReadOnlySpan<byte> key)
        {
            Reads++;
            return store.Get(KvColumn.State, key);
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(byte[] prefix) => store.IteratePrefix(KvColumn.State, prefix);
    }

    private static void Put(IKeyValueStore store, byte[] key, byte[]? value)
    {
        using var batch = store.CreateBatch();
        if (value is null) batch.Delete(KvColumn.State, key);
        else batch.Put(KvColumn.State, key, value);
        store.Write(batch);
    }

    [Fact]
    public void Repeated_reads_of_an_unwritten_key_reach_a_versioned_backing_once()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10));
        var backing = new CountingReader(store, versioned: true);
        var overlay = new StateOverlay(backing);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(B(10), overlay.Get(B(1)));
            Assert.Null(overlay.Get(B(2)));
        }
        Assert.Equal(2, backing.Reads);
    }

    [Fact]
    public void A_backing_without_a_version_is_read_every_time()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10));
        var backing = new CountingReader(store, versioned: false);
        var overlay = new StateOverlay(backing);
        for (int i = 0; i < 3; i++) Assert.Equal(B(10), overlay.Get(B(1)));
        Assert.Equal(3, backing.Reads);
    }

    [Fact]
    public void A_store_write_after_a_read_is_seen_by_the_next_read()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        Assert.Equal(B(10), overlay.Get(B(1)));
        Assert.Null(overlay.Get(B(2)));
        Put(store, B(1), B(11));
        Put(store, B(2), B(20));
        Assert.Equal(B(11), overlay.Get(B(1)));
        Assert.Equal(B(20), overlay.Get(B(2)));
        Put(store, B(1), null);
        Assert.Null(overlay.Get(B(1)));
    }

    [Fact]
    public void Changing_a_returned_array_does_not_change_the_next_read()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10, 11));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        var first = overlay.Get(B(1))!;
        first[0] = 99;
        Assert.Equal(B(10, 11), overlay.Get(B(1)));
    }

    [Fact]
    public void Own_writes_and_rollbacks_win_over_remembered_reads()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        Assert.Equal(B(10), overlay.Get(B(1)));
        overlay.BeginTransaction();
        overlay.Set(B(1), B(12));
        Assert.Equal(B(12), overlay.Get(B(1)));
        overlay.RollbackTransaction();
        Assert.Equal(B(10), overlay.Get(B(1)));
        overlay.RemovePrefix(B(1));
        Assert.Null(overlay.Get(B(1)));
    }

    [Fact]
    public void An_overlay_on_an_overlay_sees_the_parents_later_writes_and_rollbacks()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10));
        var parent = new StateOverlay(new ColumnStateReader(store));
        var child = new StateOverlay(parent);
        Assert.Equal(B(10), child.Get(B(1)));
        parent.BeginTransaction();
        parent.Set(B(1), B(13));
        Assert.Equal(B(13), child.Get(B(1)));
        parent.RollbackTransaction();
        Assert.Equal(B(10), child.Get(B(1)));
        Put(store, B(1), B(14));
        Assert.Equal(B(14), child.Get(B(1)));
    }

    [Fact]
    public void On_RocksDB_a_commit_of_another_overlay_is_seen_by_an_open_one()
    {
        using var dir = new TempDirectory();
        using var store = RocksDbKeyValueStore.Open(dir.Path, new RocksDbStoreOptions { BlockCacheBytes = 1 << 20, WriteBufferBytes = 1 << 20 });
        var db = StateDb.Open(store);
        var first = db.CreateOverlay();
        first.Set(B(1), B(10));
        db.Commit(first);

        var reader = db.CreateOverlay();
        Assert.Equal(B(10), reader.Get(B(1)));
        Assert.Null(reader.Get(B(2)));
        var writer = db.CreateOverlay();
        writer.Set(B(1), B(11));
        writer.Set(B(2), B(21));
        db.Commit(writer);
        Assert.Equal(B(11), reader.Get(B(1)));
        Assert.Equal(B(21), reader.Get(B(2)));
    }

    [Fact]
    public void Snapshots_never_change_version()
    {
        using var store = new InMemoryKeyValueStore();
        Put(store, B(1), B(10));
        using var snapshot = store.GetSnapshot();
        var before = ((IVersionedReader)snapshot).ReadVersion;
        Put(store, B(1), B(11));
        Assert.Equal(before, ((IVersionedReader)snapshot).ReadVersion);
        Assert.NotEqual(before, store.ReadVersion);
        Assert.Equal(B(10), new StateOverlay(new ColumnStateReader(snapshot)).Get(B(1)));
    }
}
