using TaoSharp.Storage.KeyValue;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.KeyValue;

/// <summary>The behaviour every <see cref="IKeyValueStore"/> must have; run once per implementation.</summary>
public abstract class KeyValueStoreContractTests : IDisposable
{
    protected abstract IKeyValueStore Store { get; }

    public abstract void Dispose();

    private void Put(KvColumn column, byte[] key, byte[] value)
    {
        using var batch = Store.CreateBatch();
        batch.Put(column, key, value);
        Store.Write(batch);
    }

    private List<string> Keys(IKeyValueReader reader, byte[] prefix, KvColumn column = KvColumn.State) =>
        reader.IteratePrefix(column, prefix).Select(e => ToHex(e.Key)).ToList();

    [Fact]
    public void Missing_key_reads_null()
    {
        Assert.Null(Store.Get(KvColumn.State, B(1, 2, 3)));
    }

    [Fact]
    public void Put_then_get_round_trips_and_overwrites()
    {
        Put(KvColumn.State, B(1), B(10));
        Assert.Equal(B(10), Store.Get(KvColumn.State, B(1)));
        Put(KvColumn.State, B(1), B(11, 12));
        Assert.Equal(B(11, 12), Store.Get(KvColumn.State, B(1)));
    }

    [Fact]
    public void Empty_value_is_distinct_from_absent()
    {
        Put(KvColumn.State, B(7), []);
        Assert.Equal([], Store.Get(KvColumn.State, B(7))!);
    }

    [Fact]
    public void Batch_is_invisible_until_written_then_fully_visible()
    {
        using var batch = Store.CreateBatch();
        batch.Put(KvColumn.State, B(1), B(1));
        batch.Put(KvColumn.StateTree, B(2), B(2));
        batch.Put(KvColumn.Chain, B(3), B(3));
        Assert.Equal(3, batch.Count);
        Assert.Null(Store.Get(KvColumn.State, B(1)));
        Store.Write(batch);
        Assert.Equal(B(1), Store.Get(KvColumn.State, B(1)));
        Assert.Equal(B(2), Store.Get(KvColumn.StateTree, B(2)));
        Assert.Equal(B(3), Store.Get(KvColumn.Chain, B(3)));
    }

    [Fact]
    public void Batch_operations_apply_in_recording_order()
    {
        Put(KvColumn.State, B(2), B(20));
        using var batch = Store.CreateBatch();
        batch.Put(KvColumn.State, B(1), B(1));
        batch.Delete(KvColumn.State, B(1));
        batch.Delete(KvColumn.State, B(2));
        batch.Put(KvColumn.State, B(2), B(21));
        Store.Write(batch);
        Assert.Null(Store.Get(KvColumn.State, B(1)));
        Assert.Equal(B(21), Store.Get(KvColumn.State, B(2)));
    }

    [Fact]
    public void Columns_are_independent_key_spaces()
    {
        Put(KvColumn.State, B(1), B(1));
        Put(KvColumn.Chain, B(1), B(2));
        Assert.Equal(B(1), Store.Get(KvColumn.State, B(1)));
        Assert.Equal(B(2), Store.Get(KvColumn.Chain, B(1)));
        Assert.Null(Store.Get(KvColumn.StateTree, B(1)));
        Assert.Equal(["01"], Keys(Store, [], KvColumn.Chain));
    }

    [Fact]
    public void Delete_removes_and_deleting_absent_is_harmless()
    {
        Put(KvColumn.State, B(1), B(1));
        using var batch = Store.CreateBatch();
        batch.Delete(KvColumn.State, B(1));
        batch.Delete(KvColumn.State, B(9));
        Store.Write(batch);
        Assert.Null(Store.Get(KvColumn.State, B(1)));
    }

    [Fact]
    public void Prefix_iteration_is_ascending_bytewise_and_bounded()
    {
        foreach (var key in new[] { B(1, 0xFF), B(1), B(0), B(1, 0, 5), B(2), B(1, 0), B(0xFF, 0xFF), B(0xFF, 0xFF, 0) })
            Put(KvColumn.State, key, key);
        Assert.Equal(["01", "0100", "010005", "01ff"], Keys(Store, B(1)));
        Assert.Equal(["0100", "010005"], Keys(Store, B(1, 0)));
        Assert.Equal(["ffff", "ffff00"], Keys(Store, B(0xFF)));
        Assert.Equal(["00", "01", "0100", "010005", "01ff", "02", "ffff", "ffff00"], Keys(Store, []));
        Assert.Empty(Keys(Store, B(3)));
        Assert.All(Store.IteratePrefix(KvColumn.State, B(1)), e => Assert.Equal(e.Key, e.Value));
    }

    [Fact]
    public void Snapshot_keeps_seeing_the_state_it_was_taken_at()
    {
        Put(KvColumn.State, B(1), B(1));
        Put(KvColumn.State, B(2), B(2));
        using var snapshot = Store.GetSnapshot();
        using (var batch = Store.CreateBatch())
        {
            batch.Put(KvColumn.State, B(1), B(100));
            batch.Delete(KvColumn.State, B(2));
            batch.Put(KvColumn.State, B(3), B(3));
            Store.Write(batch);
        }
        Assert.Equal(B(1), snapshot.Get(KvColumn.State, B(1)));
        Assert.Equal(B(2), snapshot.Get(KvColumn.State, B(2)));
        Assert.Null(snapshot.Get(KvColumn.State, B(3)));
        Assert.Equal(["01", "02"], Keys(snapshot, []));
        Assert.Equal(["01", "03"], Keys(Store, []));
    }

    [Fact]
    public void Returned_arrays_do_not_alias_the_store()
    {
        Put(KvColumn.State, B(1), B(5));
        Store.Get(KvColumn.State, B(1))![0] = 99;
        Store.IteratePrefix(KvColumn.State, []).Single().Value[0] = 99;
        Assert.Equal(B(5), Store.Get(KvColumn.State, B(1)));
    }

    [Fact]
    public void Large_batch_is_written_atomically_and_iterates_in_order()
    {
        var random = new Random(42);
        var expected = new SortedDictionary<byte[], byte[]>(ByteKeyComparer.Instance);
        using (var batch = Store.CreateBatch())
        {
            for (int i = 0; i < 2000; i++)
            {
                var key = new byte[random.Next(1, 6)];
                random.NextBytes(key);
                expected[key] = BitConverter.GetBytes(i);
                batch.Put(KvColumn.State, key, expected[key]);
            }
            Store.Write(batch);
        }
        var actual = Store.IteratePrefix(KvColumn.State, []).ToList();
        Assert.Equal(expected.Keys.Select(ToHex), actual.Select(e => ToHex(e.Key)));
        Assert.Equal(expected.Values.Select(ToHex), actual.Select(e => ToHex(e.Value)));
    }

    [Fact]
    public void Batch_from_another_store_is_rejected()
    {
        using var other = new InMemoryKeyValueStore();
        using var foreign = Store is InMemoryKeyValueStore ? (IWriteBatch)new ForeignBatch() : other.CreateBatch();
        Assert.Throws<ArgumentException>(() => Store.Write(foreign));
    }

    [Fact]
    public void Unknown_column_is_rejected_clearly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.Get((KvColumn)77, B(1)));
    }

    private sealed class ForeignBatch : IWriteBatch
    {
        public int Count => 0;

        public void Put(KvColumn column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) { }

        public void Delete(KvColumn column, ReadOnlySpan<byte> key) { }

        public void Dispose() { }
    }
}

public sealed class InMemoryKeyValueStoreTests : KeyValueStoreContractTests
{
    private readonly InMemoryKeyValueStore _store = new();

    protected override IKeyValueStore Store => _store;

    public override void Dispose() => _store.Dispose();

    [Fact]
    public void Use_after_dispose_throws_object_disposed()
    {
        _store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _store.Get(KvColumn.State, B(1)));
    }
}
