using CsCheck;
using TaoSharp.Storage.KeyValue;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.State;

public sealed class StateOverlayTests
{
    private static InMemoryKeyValueStore StoreWith(params (byte[] Key, byte[] Value)[] entries)
    {
        var store = new InMemoryKeyValueStore();
        using var batch = store.CreateBatch();
        foreach (var (key, value) in entries) batch.Put(KvColumn.State, key, value);
        store.Write(batch);
        return store;
    }

    private static List<string> Entries(IStateReader state, byte[] prefix) =>
        state.IteratePrefix(prefix).Select(e => ToHex(e.Key) + "=" + ToHex(e.Value)).ToList();

    [Fact]
    public void Reads_fall_through_to_the_backing_state_until_overwritten()
    {
        using var store = StoreWith((B(1), B(10)), (B(2), B(20)));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        Assert.Equal(B(10), overlay.Get(B(1)));
        overlay.Set(B(1), B(11));
        overlay.Remove(B(2));
        Assert.Equal(B(11), overlay.Get(B(1)));
        Assert.Null(overlay.Get(B(2)));
        Assert.Equal(B(20), store.Get(KvColumn.State, B(2)));
    }

    [Fact]
    public void Remove_prefix_hides_backing_keys_but_later_writes_survive()
    {
        using var store = StoreWith((B(1, 1), B(1)), (B(1, 2), B(2)), (B(2, 1), B(3)));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        overlay.Set(B(1, 3), B(4));
        overlay.RemovePrefix(B(1));
        Assert.Null(overlay.Get(B(1, 1)));
        Assert.Null(overlay.Get(B(1, 3)));
        overlay.Set(B(1, 2), B(5));
        Assert.Equal(["0102=05", "0201=03"], Entries(overlay, []));
        Assert.Equal(["0102=05"], Entries(overlay, B(1)));
    }

    [Fact]
    public void Rolled_back_transaction_changes_nothing()
    {
        using var store = StoreWith((B(1), B(10)), (B(2, 0), B(20)));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        overlay.Set(B(3), B(30));
        overlay.BeginTransaction();
        overlay.Set(B(1), B(11));
        overlay.Remove(B(3));
        overlay.RemovePrefix(B(2));
        overlay.Set(B(4), B(40));
        Assert.Equal(["01=0b", "04=28"], Entries(overlay, []));
        overlay.RollbackTransaction();
        Assert.Equal(0, overlay.TransactionDepth);
        Assert.Equal(["01=0a", "0200=14", "03=1e"], Entries(overlay, []));
    }

    [Fact]
    public void Nested_transactions_commit_and_roll_back_independently()
    {
        using var store = StoreWith((B(1), B(1)));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        overlay.BeginTransaction();
        overlay.Set(B(2), B(2));
        overlay.BeginTransaction();
        overlay.Set(B(3), B(3));
        overlay.RemovePrefix(B(1));
        overlay.RollbackTransaction(); // inner undone
        overlay.BeginTransaction();
        overlay.Set(B(4), B(4));
        overlay.CommitTransaction(); // inner kept
        Assert.Equal(["01=01", "02=02", "04=04"], Entries(overlay, []));
        overlay.CommitTransaction();
        Assert.Equal(["01=01", "02=02", "04=04"], Entries(overlay, []));
        Assert.Equal(["02=02", "04=04"], overlay.Changes.Select(c => ToHex(c.Key) + "=" + ToHex(c.Value!)));
    }

    [Fact]
    public void Changes_expand_prefix_removal_and_are_sorted()
    {
        using var store = StoreWith((B(1, 1), B(1)), (B(1, 2), B(2)), (B(5), B(5)));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        overlay.Set(B(9), B(9));
        overlay.RemovePrefix(B(1));
        overlay.Set(B(1, 2), B(7));
        overlay.Remove(B(5));
        var changes = overlay.Changes.Select(c => ToHex(c.Key) + "=" + (c.Value is null ? "del" : ToHex(c.Value))).ToList();
        Assert.Equal(["0101=del", "0102=07", "05=del", "09=09"], changes);
    }

    [Fact]
    public void Changes_with_an_open_transaction_are_refused()
    {
        var overlay = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        overlay.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => overlay.Changes);
    }

    [Fact]
    public void Commit_or_rollback_without_transaction_is_refused()
    {
        var overlay = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        Assert.Throws<InvalidOperationException>(overlay.CommitTransaction);
        Assert.Throws<InvalidOperationException>(overlay.RollbackTransaction);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var overlay = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        for (int i = 0; i < StateOverlay.MaxTransactionDepth; i++) overlay.BeginTransaction();
        Assert.Throws<InvalidOperationException>(overlay.BeginTransaction);
    }

    [Fact]
    public void Writes_during_iteration_do_not_break_it()
    {
        using var store = StoreWith((B(1, 1), B(1)), (B(1, 2), B(2)));
        var overlay = new StateOverlay(new ColumnStateReader(store));
        overlay.Set(B(1, 3), B(3));
        var seen = new List<string>();
        foreach (var (key, _) in overlay.IteratePrefix(B(1)))
        {
            seen.Add(ToHex(key));
            overlay.Remove(key);
        }
        Assert.Equal(["0101", "0102", "0103"], seen);
        Assert.Empty(Entries(overlay, B(1)));
    }

    [Fact]
    public void Values_handed_out_do_not_alias_the_overlay()
    {
        var overlay = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        var value = B(1);
        overlay.Set(B(1), value);
        value[0] = 9;
        overlay.Get(B(1))![0] = 9;
        Assert.Equal(B(1), overlay.Get(B(1)));
    }

    private static readonly Gen<byte[]> SmallKey = Gen.Byte[0, 3].Array[1, 3];
    private static readonly Gen<(int Kind, byte[] Key, byte Value)> Operation =
        Gen.Select(Gen.Int[0, 7], SmallKey, Gen.Byte);

    /// <summary>
    /// Model check: random operations with nested transactions against a stack of plain dictionaries
    /// (each transaction a full copy). Reads, prefix iteration and the final changeset must agree.
    /// </summary>
    [Fact]
    public void Behaves_like_a_stack_of_copied_dictionaries()
    {
        Gen.Select(SmallKey.Array[0, 12], Operation.Array[1, 60]).Sample((baseKeys, ops) =>
        {
            var baseEntries = baseKeys.DistinctBy(ToHex).Select((k, i) => (k, B((byte)i))).ToArray();
            using var store = StoreWith(baseEntries);
            var overlay = new StateOverlay(new ColumnStateReader(store));
            var model = new Stack<SortedDictionary<string, string>>();
            model.Push(new SortedDictionary<string, string>(baseEntries.ToDictionary(e => ToHex(e.k), e => ToHex(e.Item2)), StringComparer.Ordinal));

            foreach (var (kind, key, value) in ops)
            {
                var top = model.Peek();
                switch (kind)
                {
                    case 0 or 1:
                        overlay.Set(key, B(value));
                        top[ToHex(key)] = ToHex(B(value));
                        break;
                    case 2:
                        overlay.Remove(key);
                        top.Remove(ToHex(key));
                        break;
                    case 3:
                        var prefix = key[..^1];
                        overlay.RemovePrefix(prefix);
                        foreach (var k in top.Keys.Where(k => k.StartsWith(ToHex(prefix), StringComparison.Ordinal)).ToList()) top.Remove(k);
                        break;
                    case 4:
                        overlay.BeginTransaction();
                        model.Push(new SortedDictionary<string, string>(top, StringComparer.Ordinal));
                        break;
                    case 5 when model.Count > 1:
                        overlay.CommitTransaction();
                        var committed = model.Pop();
                        model.Pop();
                        model.Push(committed);
                        break;
                    case 6 or 7 when model.Count > 1:
                        overlay.RollbackTransaction();
                        model.Pop();
                        break;
                }
                var current = model.Peek();
                var probe = key[..^1];
                var expected = current.Where(e => e.Key.StartsWith(ToHex(probe), StringComparison.Ordinal)).Select(e => e.Key + "=" + e.Value);
                Assert.Equal(expected, Entries(overlay, probe));
                Assert.Equal(current.GetValueOrDefault(ToHex(key)), overlay.Get(key) is { } got ? ToHex(got) : null);
            }

            while (overlay.TransactionDepth > 0) overlay.CommitTransaction();
            while (model.Count > 1)
            {
                var committed = model.Pop();
                model.Pop();
                model.Push(committed);
            }
            var final = model.Peek();
            using var batch = store.CreateBatch();
            foreach (var (k, v) in overlay.Changes)
            {
                if (v is null) batch.Delete(KvColumn.State, k);
                else batch.Put(KvColumn.State, k, v);
            }
            store.Write(batch);
            Assert.Equal(final.Select(e => e.Key + "=" + e.Value), Entries(new ColumnStateReader(store), []));
        }, iter: 300);
    }
}
