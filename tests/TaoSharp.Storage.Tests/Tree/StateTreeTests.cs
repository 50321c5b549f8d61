using CsCheck;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.Tree;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.Tree;

public sealed class StateTreeTests
{
    private static KeyValuePair<byte[], byte[]?> Put(byte[] key, byte[] value) => new(key, value);

    private static KeyValuePair<byte[], byte[]?> Delete(byte[] key) => new(key, null);

    /// <summary>Applies changes to a tree persisted in <paramref name="store"/>, one batch per call.</summary>
    private static Hash256 Apply(InMemoryKeyValueStore store, StateTree tree, params KeyValuePair<byte[], byte[]?>[] changes)
    {
        using var batch = store.CreateBatch();
        var root = tree.Apply(changes, batch);
        store.Write(batch);
        return root;
    }

    private static byte[] H(params byte[][] parts) => Blake2b.Hash256(parts.SelectMany(p => p).ToArray()).ToArray();

    [Fact]
    public void Empty_state_has_the_zero_root()
    {
        using var store = new InMemoryKeyValueStore();
        Assert.Equal(Hash256.Zero, StateTree.Open(store, StateTree.EmptyRoot).Root);
        Assert.Equal(Hash256.Zero, StateTree.ComputeRoot([]));
    }

    [Fact]
    public void Single_entry_root_is_the_leaf_hash()
    {
        var expected = H([0x00], H(B(1, 2)), H(B(9)));
        Assert.Equal(ToHex(expected), ToHex(StateTree.ComputeRoot([new(B(1, 2), B(9))]).ToArray()));
    }

    [Fact]
    public void Two_entry_root_is_a_branch_at_the_first_differing_path_bit()
    {
        var (a, b) = (B(1), B(2));
        var (pathA, pathB) = (H(a), H(b));
        int bit = 0;
        while (((pathA[bit / 8] ^ pathB[bit / 8]) & (0x80 >> (bit % 8))) == 0) bit++;
        bool aFirst = pathA.AsSpan().SequenceCompareTo(pathB) < 0;
        var leafA = H([0x00], pathA, H(B(10)));
        var leafB = H([0x00], pathB, H(B(20)));
        var expected = aFirst ? H([0x01, (byte)bit], leafA, leafB) : H([0x01, (byte)bit], leafB, leafA);
        Assert.Equal(ToHex(expected), ToHex(StateTree.ComputeRoot([new(a, B(10)), new(b, B(20))]).ToArray()));
    }

    [Fact]
    public void Prepare_does_not_move_the_tree_and_a_stale_update_is_refused()
    {
        using var store = new InMemoryKeyValueStore();
        var tree = StateTree.Open(store, StateTree.EmptyRoot);
        var update = tree.Prepare([Put(B(1), B(1))]);
        Assert.Equal(Hash256.Zero, tree.Root);
        Assert.NotEqual(Hash256.Zero, update.Root);
        Apply(store, tree, Put(B(2), B(2)));
        Assert.Throws<InvalidOperationException>(() => tree.Advance(update));
    }

    [Fact]
    public void Deleting_a_key_restores_the_previous_root()
    {
        using var store = new InMemoryKeyValueStore();
        var tree = StateTree.Open(store, StateTree.EmptyRoot);
        var before = Apply(store, tree, Put(B(1), B(1)), Put(B(2), B(2)), Put(B(3), B(3)));
        var with = Apply(store, tree, Put(B(4), B(4)));
        Assert.NotEqual(before, with);
        Assert.Equal(before, Apply(store, tree, Delete(B(4))));
        Assert.Equal(before, Apply(store, tree, Delete(B(99))));
        Apply(store, tree, Delete(B(1)), Delete(B(2)), Delete(B(3)));
        Assert.Equal(Hash256.Zero, tree.Root);
    }

    [Fact]
    public void Rewriting_the_same_values_creates_no_nodes()
    {
        using var store = new InMemoryKeyValueStore();
        var tree = StateTree.Open(store, StateTree.EmptyRoot);
        var entries = Enumerable.Range(0, 50).Select(i => Put(BitConverter.GetBytes(i), B((byte)i))).ToArray();
        Apply(store, tree, entries);
        var update = tree.Prepare(entries);
        Assert.Equal(tree.Root, update.Root);
        Assert.Equal(0, update.NewNodeCount);
    }

    [Fact]
    public void Update_cost_grows_with_the_change_not_the_state()
    {
        using var store = new InMemoryKeyValueStore();
        var tree = StateTree.Open(store, StateTree.EmptyRoot);
        Apply(store, tree, Enumerable.Range(0, 20_000).Select(i => Put(BitConverter.GetBytes(i), B(1))).ToArray());
        var update = tree.Prepare([Put(BitConverter.GetBytes(7), B(2))]);
        // One leaf plus the branches on its path (depth ~ log2(20 000) ≈ 15, a little more for unlucky paths).
        Assert.InRange(update.NewNodeCount, 2, 40);
    }

    private static readonly Gen<byte[]> Key = Gen.Byte[0, 15].Array[1, 3];

    [Fact]
    public void Root_is_independent_of_write_order_and_batching()
    {
        Gen.Select(Gen.Select(Key, Gen.Byte).Array[0, 60], Gen.Int, Gen.Int[1, 8]).Sample((entries, seed, batches) =>
        {
            var final = new Dictionary<string, (byte[] Key, byte[] Value)>();
            foreach (var (key, value) in entries) final[ToHex(key)] = (key, B(value));
            var expected = StateTree.ComputeRoot(final.Values.Select(e => new KeyValuePair<byte[], byte[]>(e.Key, e.Value)));

            var shuffled = final.Values.OrderBy(_ => 0).ToArray();
            new Random(seed).Shuffle(shuffled);
            using var store = new InMemoryKeyValueStore();
            var tree = StateTree.Open(store, StateTree.EmptyRoot);
            int size = System.Math.Max(1, shuffled.Length / batches);
            foreach (var chunk in shuffled.Chunk(size))
                Apply(store, tree, chunk.Select(e => Put(e.Key, e.Value)).ToArray());
            Assert.Equal(expected, tree.Root);
        }, iter: 300);
    }

    [Fact]
    public void Incremental_updates_match_a_from_scratch_build()
    {
        var change = Gen.Select(Key, Gen.Byte, Gen.Int[0, 3]);
        change.Array[1, 40].Array[1, 6].Sample(blocks =>
        {
            using var store = new InMemoryKeyValueStore();
            var tree = StateTree.Open(store, StateTree.EmptyRoot);
            var model = new Dictionary<string, (byte[] Key, byte[] Value)>();
            foreach (var block in blocks)
            {
                var changes = new List<KeyValuePair<byte[], byte[]?>>();
                foreach (var (key, value, kind) in block)
                {
                    if (kind == 0)
                    {
                        changes.Add(Delete(key));
                        model.Remove(ToHex(key));
                    }
                    else
                    {
                        changes.Add(Put(key, B(value)));
                        model[ToHex(key)] = (key, B(value));
                    }
                }
                var root = Apply(store, tree, changes.ToArray());
                var expected = StateTree.ComputeRoot(model.Values.Select(e => new KeyValuePair<byte[], byte[]>(e.Key, e.Value)));
                Assert.Equal(expected, root);
                // The persisted nodes alone must reproduce the same tree.
                var reopened = StateTree.Open(store, root);
                Assert.Equal(root, reopened.Root);
            }
        }, iter: 200);
    }

    [Fact]
    public void Reopened_tree_continues_exactly_like_the_live_one()
    {
        using var store = new InMemoryKeyValueStore();
        var live = StateTree.Open(store, StateTree.EmptyRoot);
        var first = Apply(store, live, Enumerable.Range(0, 500).Select(i => Put(BitConverter.GetBytes(i), BitConverter.GetBytes(i * 7))).ToArray());
        var reopened = StateTree.Open(store, first);
        var next = new[] { Put(BitConverter.GetBytes(3), B(1)), Delete(BitConverter.GetBytes(4)), Put(BitConverter.GetBytes(9999), B(2)) };
        Assert.Equal(Apply(store, live, next), Apply(store, reopened, next));
    }

    [Fact]
    public void Cache_trimming_keeps_the_tree_correct()
    {
        using var store = new InMemoryKeyValueStore();
        var options = new StateTreeOptions { ResidentNodeBudget = 100, PinnedDepth = 2 };
        var tree = StateTree.Open(store, StateTree.EmptyRoot, options);
        var model = new Dictionary<int, byte[]>();
        var random = new Random(7);
        for (int block = 0; block < 20; block++)
        {
            var changes = new List<KeyValuePair<byte[], byte[]?>>();
            for (int i = 0; i < 50; i++)
            {
                int key = random.Next(300);
                if (random.Next(4) == 0)
                {
                    model.Remove(key);
                    changes.Add(Delete(BitConverter.GetBytes(key)));
                }
                else
                {
                    model[key] = BitConverter.GetBytes(random.Next());
                    changes.Add(Put(BitConverter.GetBytes(key), model[key]));
                }
            }
            Apply(store, tree, changes.ToArray());
        }
        Assert.Equal(StateTree.ComputeRoot(model.Select(e => new KeyValuePair<byte[], byte[]>(BitConverter.GetBytes(e.Key), e.Value))), tree.Root);
    }

    [Fact]
    public void Missing_root_node_is_reported_as_corruption()
    {
        using var store = new InMemoryKeyValueStore();
        Assert.Throws<StateTreeCorruptException>(() => StateTree.Open(store, Blake2b.Hash256(B(1))));
    }

    [Fact]
    public void Malformed_node_is_reported_as_corruption()
    {
        using var store = new InMemoryKeyValueStore();
        var hash = Blake2b.Hash256(B(1));
        using (var batch = store.CreateBatch())
        {
            batch.Put(KvColumn.StateTree, hash.AsSpan(), B(0x07, 1, 2));
            store.Write(batch);
        }
        Assert.Throws<StateTreeCorruptException>(() => StateTree.Open(store, hash));
    }
}
