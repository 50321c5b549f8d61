using TaoSharp.Primitives;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;
using TaoSharp.Storage.Tree;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.State;

public sealed class StateDbTests
{
    private static KeyValuePair<byte[], byte[]> Entry(byte[] key, byte[] value) => new(key, value);

    [Fact]
    public void Commit_writes_state_root_and_extra_data_in_one_batch()
    {
        using var store = new InMemoryKeyValueStore();
        var db = StateDb.Open(store);
        Assert.Equal(StateTree.EmptyRoot, db.StateRoot);
        var overlay = db.CreateOverlay();
        overlay.Set(B(1), B(10));
        overlay.Set(B(2), B(20));
        var preview = db.PreviewRoot(overlay);
        Assert.Equal(StateTree.EmptyRoot, db.StateRoot);

        Hash256 seenRoot = default;
        var root = db.Commit(overlay, (newRoot, batch) =>
        {
            seenRoot = newRoot;
            batch.Put(KvColumn.Chain, B(0xB1), newRoot.AsSpan());
        });

        Assert.Equal(preview, root);
        Assert.Equal(root, seenRoot);
        Assert.Equal(root, db.StateRoot);
        Assert.Equal(StateTree.ComputeRoot([Entry(B(1), B(10)), Entry(B(2), B(20))]), root);
        Assert.Equal(B(10), db.State.Get(B(1)));
        Assert.Equal(root.ToArray(), store.Get(KvColumn.Chain, B(0xB1)));
    }

    [Fact]
    public void Failed_extra_write_leaves_store_and_root_untouched()
    {
        using var store = new InMemoryKeyValueStore();
        var db = StateDb.Open(store);
        var overlay = db.CreateOverlay();
        overlay.Set(B(1), B(1));
        Assert.Throws<InvalidOperationException>(() => db.Commit(overlay, (_, _) => throw new InvalidOperationException("block data invalid")));
        Assert.Equal(StateTree.EmptyRoot, db.StateRoot);
        Assert.Null(db.State.Get(B(1)));
        Assert.Equal(db.Commit(overlay), db.StateRoot);
    }

    [Fact]
    public void Changes_made_after_a_preview_are_committed_too()
    {
        using var store = new InMemoryKeyValueStore();
        var db = StateDb.Open(store);
        var overlay = db.CreateOverlay();
        overlay.Set(B(1), B(1));
        var preview = db.PreviewRoot(overlay);
        overlay.Set(B(2), B(2));
        var root = db.Commit(overlay);
        Assert.NotEqual(preview, root);
        Assert.Equal(StateTree.ComputeRoot([Entry(B(1), B(1)), Entry(B(2), B(2))]), root);
        Assert.Equal(B(2), db.State.Get(B(2)));
    }

    [Fact]
    public void A_preview_from_before_another_commit_is_not_reused()
    {
        using var store = new InMemoryKeyValueStore();
        var db = StateDb.Open(store);
        var first = db.CreateOverlay();
        first.Set(B(1), B(1));
        db.PreviewRoot(first);
        var second = db.CreateOverlay();
        second.Set(B(2), B(2));
        db.Commit(second);
        var root = db.Commit(first);
        Assert.Equal(StateTree.ComputeRoot([Entry(B(1), B(1)), Entry(B(2), B(2))]), root);
    }

    [Fact]
    public void Commit_with_an_open_transaction_is_refused()
    {
        using var store = new InMemoryKeyValueStore();
        var db = StateDb.Open(store);
        var overlay = db.CreateOverlay();
        overlay.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => db.Commit(overlay));
    }

    [Fact]
    public void Snapshot_keeps_the_old_state_and_root()
    {
        using var store = new InMemoryKeyValueStore();
        var db = StateDb.Open(store);
        var overlay = db.CreateOverlay();
        overlay.Set(B(1), B(1));
        var first = db.Commit(overlay);
        using var snapshot = db.OpenSnapshot();
        overlay = db.CreateOverlay();
        overlay.Remove(B(1));
        db.Commit(overlay);
        Assert.Equal(B(1), snapshot.Get(B(1)));
        Assert.Equal(first, snapshot.StateRoot);
        Assert.Null(db.State.Get(B(1)));
        Assert.Equal(StateTree.EmptyRoot, db.StateRoot);
    }

    [Fact]
    public void RocksDb_state_reopens_at_the_committed_root_and_keeps_going()
    {
        using var dir = new TempDirectory();
        Hash256 root;
        using (var store = RocksDbKeyValueStore.Open(dir.Path))
        {
            var db = StateDb.Open(store);
            var overlay = db.CreateOverlay();
            for (int i = 0; i < 300; i++) overlay.Set(BitConverter.GetBytes(i), BitConverter.GetBytes(i * 3));
            db.Commit(overlay);
            overlay = db.CreateOverlay();
            overlay.RemovePrefix(B(7));
            root = db.Commit(overlay);
        }
        using (var store = RocksDbKeyValueStore.Open(dir.Path))
        {
            var db = StateDb.Open(store);
            Assert.Equal(root, db.StateRoot);
            var expected = Enumerable.Range(0, 300).Where(i => BitConverter.GetBytes(i)[0] != 7)
                .Select(i => Entry(BitConverter.GetBytes(i), BitConverter.GetBytes(i * 3)));
            Assert.Equal(StateTree.ComputeRoot(expected), root);
            var overlay = db.CreateOverlay();
            overlay.Set(B(1, 2, 3), B(4));
            var next = db.Commit(overlay);
            Assert.Equal(StateTree.ComputeRoot(expected.Append(Entry(B(1, 2, 3), B(4)))), next);
        }
    }

    [Fact]
    public void Damaged_head_record_is_reported()
    {
        using var store = new InMemoryKeyValueStore();
        using (var batch = store.CreateBatch())
        {
            batch.Put(KvColumn.StateTree, StateDb.HeadRootKey, B(1, 2, 3));
            store.Write(batch);
        }
        Assert.Throws<StateTreeCorruptException>(() => StateDb.Open(store));
    }
}
