using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage.KeyValue;
using static TaoSharp.Storage.Tests.TestBytes;

namespace TaoSharp.Storage.Tests.Typed;

public sealed class TypedStorageTests
{
    private static readonly AccountId Alice = AccountId.FromBytes(Hex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"));
    private static readonly AccountId Bob = AccountId.FromBytes(Hex("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"));

    private static readonly StorageValue<ulong> Now = new("Timestamp", "Now", ScaleCodecs.U64, 0);
    private static readonly StorageMap<AccountId, TaoBalance> Account =
        new("System", "Account", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.TaoBalance, new TaoBalance(0));
    private static readonly StorageMap<NetUid, ushort> Tempo =
        new("SubtensorModule", "Tempo", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, 360);
    private static readonly StorageMap<NetUid, ushort> Hashed =
        new("SubtensorModule", "Hashed", StorageHasher.Blake2_128, ScaleCodecs.NetUid, ScaleCodecs.U16, 0);
    private static readonly StorageDoubleMap<NetUid, AccountId, ulong> Alpha =
        new("SubtensorModule", "Alpha", StorageHasher.Twox64Concat, StorageHasher.Blake2_128Concat,
            ScaleCodecs.NetUid, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    private static StateOverlay NewState() => new(new ColumnStateReader(new InMemoryKeyValueStore()));

    [Fact]
    public void Value_key_is_twox128_of_pallet_and_item()
    {
        Assert.Equal("f0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb", ToHex(Now.Key()));
    }

    [Fact]
    public void Blake2_128Concat_map_key_matches_substrate_system_account()
    {
        Assert.Equal(
            "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
            + "de1e86a9a8c739864cf3cc5ec2bea59f" + "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
            ToHex(Account.Key(Alice)));
    }

    [Fact]
    public void Double_map_key_is_prefix_then_both_hashed_keys()
    {
        var netuid = Scale.Encode(ScaleCodecs.NetUid, new NetUid(3));
        var expected = StorageKeys.Prefix("SubtensorModule", "Alpha")
            .Concat(Twox.Hash64(netuid)).Concat(netuid)
            .Concat(Blake2b.Hash128(Alice.AsSpan())).Concat(Alice.ToArray());
        Assert.Equal(ToHex(expected.ToArray()), ToHex(Alpha.Key(new NetUid(3), Alice)));
        Assert.Equal(ToHex(expected.Take(32 + 8 + 2).ToArray()), ToHex(Alpha.PrefixOf(new NetUid(3))));
    }

    [Fact]
    public void Value_round_trips_and_absent_reads_default()
    {
        var state = NewState();
        Assert.Equal(0UL, Now.Get(state));
        Assert.False(Now.Exists(state));
        Now.Set(state, 1_700_000_000_000);
        Assert.True(Now.Exists(state));
        Assert.Equal(1_700_000_000_000UL, Now.Get(state));
        Assert.Equal("0068e5cf8b010000", ToHex(state.Get(Now.Key())!));
        Assert.Equal(1_700_000_000_001UL, Now.Mutate(state, v => v + 1));
        Now.Remove(state);
        Assert.False(Now.TryGet(state, out var v));
        Assert.Equal(0UL, v);
    }

    [Fact]
    public void Map_round_trips_iterates_and_clears()
    {
        var state = NewState();
        Assert.Equal(new TaoBalance(0), Account.Get(state, Alice));
        Account.Set(state, Alice, new TaoBalance(5));
        Account.Set(state, Bob, new TaoBalance(7));
        Assert.True(Account.Contains(state, Bob));
        Assert.Equal(new TaoBalance(7), Account.Get(state, Bob));
        var all = Account.Iterate(state).ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal(2, all.Count);
        Assert.Equal(new TaoBalance(5), all[Alice]);
        Account.Remove(state, Alice);
        Assert.False(Account.Contains(state, Alice));
        Account.Clear(state);
        Assert.Empty(Account.Iterate(state));
    }

    [Fact]
    public void Identity_map_iterates_in_key_order()
    {
        var state = NewState();
        foreach (ushort id in new ushort[] { 3, 1, 2 }) Tempo.Set(state, new NetUid(id), (ushort)(id * 10));
        // Identity keys are the SCALE (little-endian) bytes, so small netuids sort by value.
        Assert.Equal([(new NetUid(1), (ushort)10), (new NetUid(2), (ushort)20), (new NetUid(3), (ushort)30)], Tempo.Iterate(state).ToList());
        Assert.Equal(360, Tempo.Get(state, new NetUid(9)));
    }

    [Fact]
    public void Non_concat_hasher_cannot_iterate()
    {
        var state = NewState();
        Hashed.Set(state, new NetUid(1), 1);
        Assert.Equal(1, Hashed.Get(state, new NetUid(1)));
        Assert.Throws<InvalidOperationException>(() => Hashed.Iterate(state));
    }

    [Fact]
    public void Double_map_iterates_by_first_key_and_removes_prefix()
    {
        var state = NewState();
        Alpha.Set(state, new NetUid(1), Alice, 10);
        Alpha.Set(state, new NetUid(1), Bob, 11);
        Alpha.Set(state, new NetUid(2), Alice, 20);
        Assert.Equal(11UL, Alpha.Get(state, new NetUid(1), Bob));
        Assert.Equal(0UL, Alpha.Get(state, new NetUid(2), Bob));
        Assert.Equal(new Dictionary<AccountId, ulong> { [Alice] = 10, [Bob] = 11 },
            Alpha.IteratePrefix(state, new NetUid(1)).ToDictionary(e => e.Key2, e => e.Value));
        Assert.Equal(3, Alpha.Iterate(state).Count());
        Assert.Contains((new NetUid(2), Alice, 20UL), Alpha.Iterate(state));
        Alpha.RemovePrefix(state, new NetUid(1));
        Assert.Equal([(new NetUid(2), Alice, 20UL)], Alpha.Iterate(state).ToList());
        Alpha.Remove(state, new NetUid(2), Alice);
        Assert.False(Alpha.Contains(state, new NetUid(2), Alice));
    }

    [Fact]
    public void Corrupt_stored_value_reports_the_item()
    {
        var state = NewState();
        state.Set(Now.Key(), B(1, 2, 3));
        var error = Assert.Throws<ScaleDecodeException>(() => Now.Get(state));
        Assert.Contains("Timestamp.Now", error.Message);
    }

    [Fact]
    public void Trailing_bytes_in_a_stored_value_are_rejected()
    {
        var state = NewState();
        state.Set(Account.Key(Alice), B(1, 0, 0, 0, 0, 0, 0, 0, 9));
        Assert.Throws<ScaleDecodeException>(() => Account.Get(state, Alice));
    }

    [Fact]
    public void Truncated_stored_key_is_reported_while_iterating()
    {
        var state = NewState();
        state.Set(Account.PrefixArray().Concat(B(1, 2, 3)).ToArray(), B(0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Throws<ScaleDecodeException>(() => Account.Iterate(state).ToList());
    }
}
