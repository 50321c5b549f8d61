using System.Text;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests;

/// <summary>Subnet and coldkey identities, token symbols and the owner hotkey (spec-dtao §6.6) on the storage-backed runtime.</summary>
public class IdentityAndSymbolTests
{
    private static readonly AccountId Alice = DtaoTestChain.Key(1);
    private static readonly AccountId Bob = DtaoTestChain.Key(2);
    private static readonly AccountId Poor = DtaoTestChain.Key(3);
    private static readonly AccountId AliceHot = DtaoTestChain.Key(1, 0xA0);
    private static readonly AccountId BobHot = DtaoTestChain.Key(2, 0xA0);

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Bytes(int n) => Enumerable.Repeat((byte)'x', n).ToArray();

    private static SubnetIdentity Subnet(string name = "forecast", int nameBytes = -1, int github = 0, int contact = 0, int url = 0,
        int discord = 0, int description = 0, int logo = 0, int additional = 0) =>
        new(nameBytes >= 0 ? Bytes(nameBytes) : B(name), Bytes(github), Bytes(contact), Bytes(url), Bytes(discord), Bytes(description),
            Bytes(logo), Bytes(additional));

    private static ChainIdentity Chain(int name = 4, int url = 0, int github = 0, int image = 0, int discord = 0, int description = 0, int additional = 0) =>
        new(Bytes(name), Bytes(url), Bytes(github), Bytes(image), Bytes(discord), Bytes(description), Bytes(additional));

    private static string Symbol(DtaoTestChain c, NetUid n) => Encoding.UTF8.GetString(SubtensorStorage.TokenSymbol.Get(c.State, n));

    private static string Changes(DtaoTestChain c) =>
        string.Join(";", c.State.Changes.Select(e => Convert.ToHexString(e.Key) + "=" + (e.Value is null ? "-" : Convert.ToHexString(e.Value))));

    /// <summary>Asserts <paramref name="op"/> fails with <paramref name="error"/> and leaves state and events unchanged.</summary>
    private static void FailsUnchanged(DtaoTestChain c, DispatchError error, Action op)
    {
        var before = Changes(c);
        var events = c.Events.Events.Count;
        Assert.Equal(error, c.Try(op));
        Assert.Equal(before, Changes(c));
        Assert.Equal(events, c.Events.Events.Count);
    }

    [Fact]
    public void The_symbol_table_is_the_references()
    {
        Assert.Equal(439, SubnetSymbols.Count);
        var all = Enumerable.Range(0, SubnetSymbols.Count).Select(SubnetSymbols.At).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Τ", all[0]);
        Assert.Equal("α", all[1]);
        Assert.Equal("t", all[19]);   // ASCII in the reference, not a Greek tau
        Assert.Equal("ω", all[24]);
        Assert.Equal("א", all[25]);
        Assert.Equal("Τ", Encoding.UTF8.GetString(SubnetSymbols.ForNetuid(new NetUid(5000))));
        Assert.False(SubnetSymbols.IsSelectable(B("Τ")), "root's symbol cannot be chosen");
        Assert.True(SubnetSymbols.IsSelectable(B("t")));
        Assert.False(SubnetSymbols.IsSelectable(B("TAO")));
        Assert.Equal("root", SubnetNames.Fallback(NetUid.Root));
        Assert.Equal("apex", SubnetNames.Fallback(new NetUid(1)));
        Assert.Equal("ra", SubnetNames.Fallback(new NetUid(438)));
        Assert.Equal("unknown", SubnetNames.Fallback(new NetUid(439)));
    }

    [Fact]
    public void Registration_takes_the_netuids_symbol_or_the_first_unused_and_dissolution_frees_it()
    {
        var c = new DtaoTestChain(Alice, Bob);
        Assert.Equal("Τ", Symbol(c, NetUid.Root));
        var one = c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events);
        Assert.Equal("α", Symbol(c, one));
        IdentityOperations.UpdateSymbol(c.State, one, B("β"), c.Events);
        Assert.Contains(c.Events.Events, e => e.Name == "SymbolUpdated" && e["symbol"] == "β");

        // Netuid 2's own "β" is held by subnet 1: it gets the first free entry after root's, "α".
        var two = c.Networks.Register(c.State, Bob, BobHot, c.Block, c.Events);
        Assert.Equal((ushort)2, two.Value);
        Assert.Equal("α", Symbol(c, two));

        NetworkDissolution.Dissolve(c.State, two, c.Events);
        Assert.False(SubtensorStorage.TokenSymbol.Contains(c.State, two));
        IdentityOperations.UpdateSymbol(c.State, one, B("α"), c.Events);   // free again
        Assert.Equal("α", Symbol(c, one));

        // The reused netuid 2 finds its own "β" free now.
        var again = c.Networks.Register(c.State, Bob, BobHot, c.Block, c.Events);
        Assert.Equal(two, again);
        Assert.Equal("β", Symbol(c, again));
    }

    [Fact]
    public void Update_symbol_refuses_unknown_root_and_taken_symbols_without_changes()
    {
        var c = new DtaoTestChain(Alice, Bob);
        var one = c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events);
        var two = c.Networks.Register(c.State, Bob, BobHot, c.Block, c.Events);
        FailsUnchanged(c, DispatchError.SymbolDoesNotExist, () => IdentityOperations.UpdateSymbol(c.State, one, B("ALPHA"), c.Events));
        FailsUnchanged(c, DispatchError.SymbolDoesNotExist, () => IdentityOperations.UpdateSymbol(c.State, one, B("Τ"), c.Events));
        FailsUnchanged(c, DispatchError.SymbolDoesNotExist, () => IdentityOperations.UpdateSymbol(c.State, one, [], c.Events));
        FailsUnchanged(c, DispatchError.SymbolAlreadyInUse, () => IdentityOperations.UpdateSymbol(c.State, one, B("β"), c.Events));
        // Its own current symbol counts as taken, as in the reference.
        FailsUnchanged(c, DispatchError.SymbolAlreadyInUse, () => IdentityOperations.UpdateSymbol(c.State, one, B("α"), c.Events));
        Assert.Equal("α", Symbol(c, one));
        Assert.Equal("β", Symbol(c, two));
    }

    [Fact]
    public void Identity_length_rules_match_the_reference_at_every_bound()
    {
        Assert.True(Subnet(nameBytes: 256, github: 1024, contact: 1024, url: 1024, discord: 256, description: 1024, logo: 1024, additional: 1024).IsValid);
        Assert.True(Subnet(nameBytes: 0).IsValid, "no field is required");
        Assert.False(Subnet(nameBytes: 257).IsValid);
        Assert.False(Subnet(github: 1025).IsValid);
        Assert.False(Subnet(contact: 1025).IsValid);
        Assert.False(Subnet(url: 1025).IsValid);
        Assert.False(Subnet(discord: 257).IsValid);
        Assert.False(Subnet(description: 1025).IsValid);
        Assert.False(Subnet(logo: 1025).IsValid);
        Assert.False(Subnet(additional: 1025).IsValid);

        Assert.True(Chain(name: 256, url: 256, github: 256, image: 1024, discord: 256, description: 1024, additional: 1024).IsValid);
        Assert.False(Chain(name: 257).IsValid);
        Assert.False(Chain(url: 257).IsValid);
        Assert.False(Chain(github: 257).IsValid);
        Assert.False(Chain(image: 1025).IsValid);
        Assert.False(Chain(discord: 257).IsValid);
        Assert.False(Chain(description: 1025).IsValid);
        Assert.False(Chain(additional: 1025).IsValid);
    }

    [Fact]
    public void Register_with_identity_stores_it_and_an_invalid_one_changes_nothing()
    {
        var c = new DtaoTestChain(Alice, Bob);
        FailsUnchanged(c, DispatchError.InvalidIdentity, () => c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events, Subnet(nameBytes: 257)));
        // The reference checks affordability before the identity.
        FailsUnchanged(c, DispatchError.CannotAffordLockCost, () => c.Networks.Register(c.State, Poor, AliceHot, c.Block, c.Events, Subnet(nameBytes: 257)));
        Assert.False(SubtensorStorage.NetworksAdded.Get(c.State, new NetUid(1)));

        var n = c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events, Subnet("forecast", github: 3));
        Assert.True(SubtensorStorage.SubnetIdentitiesV3.TryGet(c.State, n, out var stored));
        Assert.Equal("forecast", Encoding.UTF8.GetString(stored.SubnetName));
        Assert.Equal(3, stored.GithubRepo.Length);
        Assert.Equal("forecast", Encoding.UTF8.GetString(SubnetNames.For(c.State, n)));
        Assert.Contains(c.Events.Events, e => e.Name == "SubnetIdentitySet" && e["netuid"] == "1");
        Assert.Contains(c.Events.Events, e => e.Name == "SubnetOwnerHotkeySet" && e["netuid"] == "1");

        // Without an identity there is none, and the name is the reference's table entry.
        var m = c.Networks.Register(c.State, Bob, BobHot, c.Block, c.Events);
        Assert.False(SubtensorStorage.SubnetIdentitiesV3.Contains(c.State, m));
        Assert.Equal("omron", Encoding.UTF8.GetString(SubnetNames.For(c.State, m)));
    }

    [Fact]
    public void Set_subnet_identity_is_the_owners_and_dissolution_removes_it()
    {
        var c = new DtaoTestChain(Alice, Bob);
        var n = c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events);
        FailsUnchanged(c, DispatchError.NotSubnetOwner, () => IdentityOperations.SetSubnetIdentity(c.State, Bob, n, Subnet(), c.Events));
        FailsUnchanged(c, DispatchError.NotSubnetOwner, () => IdentityOperations.SetSubnetIdentity(c.State, Alice, new NetUid(7), Subnet(), c.Events));
        FailsUnchanged(c, DispatchError.InvalidIdentity, () => IdentityOperations.SetSubnetIdentity(c.State, Alice, n, Subnet(logo: 1025), c.Events));

        IdentityOperations.SetSubnetIdentity(c.State, Alice, n, Subnet("renamed"), c.Events);
        Assert.Equal("renamed", Encoding.UTF8.GetString(SubnetNames.For(c.State, n)));
        // An empty name falls back to the table.
        IdentityOperations.SetSubnetIdentity(c.State, Alice, n, Subnet(nameBytes: 0, url: 5), c.Events);
        Assert.Equal("apex", Encoding.UTF8.GetString(SubnetNames.For(c.State, n)));

        NetworkDissolution.Dissolve(c.State, n, c.Events);
        Assert.False(SubtensorStorage.SubnetIdentitiesV3.Contains(c.State, n));
        Assert.Contains(c.Events.Events, e => e.Name == "SubnetIdentityRemoved" && e["netuid"] == "1");
    }

    [Fact]
    public void Set_identity_needs_a_registered_hotkey_of_the_coldkey()
    {
        var c = new DtaoTestChain(Alice, Bob);
        c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events);
        FailsUnchanged(c, DispatchError.HotKeyNotRegisteredInNetwork, () => IdentityOperations.SetChainIdentity(c.State, Bob, Chain(), c.Events));
        // Owning a hotkey that holds no UID is not enough.
        SubtensorStorage.Owner.Set(c.State, BobHot, Bob);
        FailsUnchanged(c, DispatchError.HotKeyNotRegisteredInNetwork, () => IdentityOperations.SetChainIdentity(c.State, Bob, Chain(), c.Events));
        FailsUnchanged(c, DispatchError.InvalidIdentity, () => IdentityOperations.SetChainIdentity(c.State, Alice, Chain(image: 1025), c.Events));

        IdentityOperations.SetChainIdentity(c.State, Alice, Chain(name: 5, github: 256), c.Events);
        Assert.True(SubtensorStorage.IdentitiesV2.TryGet(c.State, Alice, out var id));
        Assert.Equal(5, id.Name.Length);
        Assert.Contains(c.Events.Events, e => e.Name == "ChainIdentitySet" && e["coldkey"] == Alice.ToHex());
    }

    [Fact]
    public void Owner_hotkey_changes_are_rate_limited_per_subnet()
    {
        var c = new DtaoTestChain(Alice, Bob);
        var n = c.Networks.Register(c.State, Alice, AliceHot, c.Block, c.Events);
        FailsUnchanged(c, DispatchError.SubnetNotExists, () => IdentityOperations.SetSubnetOwnerHotkey(c.State, new NetUid(9), BobHot, 100, c.Events));
        FailsUnchanged(c, DispatchError.CannotUseSystemAccount,
            () => IdentityOperations.SetSubnetOwnerHotkey(c.State, n, StakingAccounts.BurnAccount, 100, c.Events));

        IdentityOperations.SetSubnetOwnerHotkey(c.State, n, BobHot, 100, c.Events);
        Assert.Equal(BobHot, SubtensorStorage.SubnetOwnerHotkey.Get(c.State, n));
        FailsUnchanged(c, DispatchError.TxRateLimitExceeded,
            () => IdentityOperations.SetSubnetOwnerHotkey(c.State, n, AliceHot, 100 + IdentityOperations.OwnerHotkeyRateLimit - 1, c.Events));
        IdentityOperations.SetSubnetOwnerHotkey(c.State, n, AliceHot, 100 + IdentityOperations.OwnerHotkeyRateLimit, c.Events);
        Assert.Equal(AliceHot, SubtensorStorage.SubnetOwnerHotkey.Get(c.State, n));
        Assert.True(TaoBalances.Free(c.State, Alice).Rao > 0);
    }
}
