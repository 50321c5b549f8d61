using System.Text;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// Identity, symbol and owner-hotkey calls through the executor's call table (signed extrinsics, real signatures):
/// SubtensorModule 68, 78, 79, 112 and AdminUtils 64 / 67. Refusals change nothing but fee and nonce.
/// </summary>
public class IdentityCallTests
{
    private const ushort Net = 1;

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static void Fields(ScaleWriter w, params byte[][] fields)
    {
        foreach (var f in fields) w.WriteBytes(f);
    }

    private static byte[][] SubnetFields(string name, int descriptionBytes = 4) =>
        [B(name), B("github.com/x/y"), B("c@x"), B("https://x"), B("x#1"), new byte[descriptionBytes], B("https://x/logo.png"), B("extra")];

    private static byte[] SetIdentity(byte[] name, byte[]? image = null) => Build(PalletIndices.SubtensorModule, 68,
        w => Fields(w, name, B("https://me"), B("github.com/me"), image ?? B("img"), B("me#1"), B("about me"), B("more")));

    private static byte[] SetSubnetIdentity(ushort netuid, byte[][] fields) => Build(PalletIndices.SubtensorModule, 78, w =>
    {
        w.WriteU16(netuid);
        Fields(w, fields);
    });

    private static byte[] RegisterNetworkWithIdentity(AccountId hotkey, byte[][]? fields) => Build(PalletIndices.SubtensorModule, 79, w =>
    {
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU8(fields is null ? (byte)0 : (byte)1);
        if (fields is not null) Fields(w, fields);
    });

    private static byte[] UpdateSymbol(ushort netuid, byte[] symbol) => Build(PalletIndices.SubtensorModule, 112, w =>
    {
        w.WriteU16(netuid);
        w.WriteBytes(symbol);
    });

    private static byte[] OwnerHotkey(byte index, ushort netuid, AccountId hotkey) => Build(PalletIndices.AdminUtils, index, w =>
    {
        w.WriteU16(netuid);
        w.WriteFixed(hotkey.AsSpan());
    });

    private static byte[] Build(byte pallet, byte call, Action<ScaleWriter> args)
    {
        var w = CallBuilder.Begin(pallet, call);
        args(w);
        return w.ToArray();
    }

    [Fact]
    public void Register_network_with_identity_stores_it_and_refuses_an_invalid_one_unchanged()
    {
        using var c = new RuntimeChain();
        c.AssertFailsUnchanged(c.Coldkeys[1], RegisterNetworkWithIdentity(c.Hot(0), SubnetFields("x", descriptionBytes: 1025)), "InvalidIdentity", paysFee: true);

        var r = c.RunOk(c.Coldkeys[1], RegisterNetworkWithIdentity(c.Hot(0), SubnetFields("forecast")));
        Assert.Contains(r.Events, e => e.Name == "SubnetIdentitySet" && e["netuid"] == "1");
        Assert.Contains(r.Events, e => e.Name == "NetworkAdded");
        Assert.True(SubtensorStorage.SubnetIdentitiesV3.TryGet(c.State, new NetUid(Net), out var id));
        Assert.Equal("forecast", Encoding.UTF8.GetString(id.SubnetName));
        Assert.Equal("https://x/logo.png", Encoding.UTF8.GetString(id.LogoUrl));
        Assert.Equal("α", Encoding.UTF8.GetString(SubtensorStorage.TokenSymbol.Get(c.State, new NetUid(Net))));

        // None registers like register_network.
        c.Sudo(Build(PalletIndices.AdminUtils, 29, w => w.WriteU64(0)));
        var r2 = c.RunOk(c.Coldkeys[2], RegisterNetworkWithIdentity(c.Hot(1), null));
        Assert.DoesNotContain(r2.Events, e => e.Name == "SubnetIdentitySet");
        Assert.False(SubtensorStorage.SubnetIdentitiesV3.Contains(c.State, new NetUid(2)));
    }

    [Fact]
    public void Set_subnet_identity_and_update_symbol_follow_the_owner_rules()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var n = new NetUid(Net);
        c.AssertFailsUnchanged(c.Coldkeys[2], SetSubnetIdentity(Net, SubnetFields("mine")), "NotSubnetOwner", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], SetSubnetIdentity(Net, SubnetFields("x", descriptionBytes: 1025)), "InvalidIdentity", paysFee: true);
        var r = c.RunOk(c.Coldkeys[1], SetSubnetIdentity(Net, SubnetFields("renamed")));
        Assert.Contains(r.Events, e => e.Name == "SubnetIdentitySet");
        Assert.Equal("renamed", Encoding.UTF8.GetString(SubtensorStorage.SubnetIdentitiesV3.Get(c.State, n).SubnetName));

        c.AssertFailsUnchanged(c.Coldkeys[2], UpdateSymbol(Net, B("γ")), "BadOrigin", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], UpdateSymbol(Net, B("Τ")), "SymbolDoesNotExist", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], UpdateSymbol(Net, B("α")), "SymbolAlreadyInUse", paysFee: true);
        var u = c.RunOk(c.Coldkeys[1], UpdateSymbol(Net, B("γ")));
        Assert.Contains(u.Events, e => e.Name == "SymbolUpdated" && e["symbol"] == "γ");
        c.Sudo(UpdateSymbol(Net, B("t")));
        Assert.Equal("t", Encoding.UTF8.GetString(SubtensorStorage.TokenSymbol.Get(c.State, n)));
    }

    [Fact]
    public void Set_identity_needs_a_registered_hotkey_and_valid_lengths()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        // Coldkey 2 registered hotkey 1; coldkey 4 has none.
        c.AssertFailsUnchanged(c.Coldkeys[4], SetIdentity(B("nobody")), "HotKeyNotRegisteredInNetwork", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], SetIdentity(B("me"), image: new byte[1025]), "InvalidIdentity", paysFee: true);
        var r = c.RunOk(c.Coldkeys[2], SetIdentity(B("miner one")));
        Assert.Contains(r.Events, e => e.Name == "ChainIdentitySet");
        Assert.Equal("miner one", Encoding.UTF8.GetString(SubtensorStorage.IdentitiesV2.Get(c.State, c.Cold(2)).Name));
    }

    [Fact]
    public void Owner_hotkey_calls_64_and_67_take_owner_or_root_and_are_rate_limited()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var n = new NetUid(Net);
        c.AssertFailsUnchanged(c.Coldkeys[2], OwnerHotkey(64, Net, c.Hot(5)), "BadOrigin", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], OwnerHotkey(67, 9, c.Hot(5)), "BadOrigin", paysFee: true);
        var r = c.RunOk(c.Coldkeys[1], OwnerHotkey(64, Net, c.Hot(5)));
        Assert.Contains(r.Events, e => e.Name == "SubnetOwnerHotkeySet" && e["hotkey"] == c.Hot(5).ToHex());
        Assert.Equal(c.Hot(5), SubtensorStorage.SubnetOwnerHotkey.Get(c.State, n));
        c.AssertFailsUnchanged(c.Coldkeys[1], OwnerHotkey(67, Net, c.Hot(6)), "TxRateLimitExceeded", paysFee: true);
        // Root is rate limited too (the reference's check does not look at the origin).
        c.Sudo(OwnerHotkey(67, Net, c.Hot(6)), "Err(TxRateLimitExceeded)");
        c.Sudo(OwnerHotkey(64, 9, c.Hot(6)), "Err(SubnetNotExists)");
    }
}
