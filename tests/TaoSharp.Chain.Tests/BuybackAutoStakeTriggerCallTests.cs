using TaoSharp.Primitives;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives.Scale;
using TaoSharp.Math;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// add_stake_burn (132), set_coldkey_auto_stake_hotkey (114) and trigger_epoch (141) as signed extrinsics through the
/// call table and the block hooks: effects, events, and refusals that change nothing but the fee and the nonce.
/// </summary>
public class BuybackAutoStakeTriggerCallTests
{
    private const ushort Net = 1;

    [Fact]
    public void Add_stake_burn_buys_and_burns_in_one_extrinsic()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var n = new NetUid(Net);
        var alphaOut = SubtensorStorage.SubnetAlphaOut.Get(c.State, n);
        var burned = SubtensorStorage.AlphaBurned.Get(c.State, n);
        var free = TaoBalances.Free(c.State, c.Cold(3)).Rao;

        // A coldkey that is not the owner may buy back (any signed origin at HEAD), here onto the owner's hotkey.
        var r = c.RunOk(c.Coldkeys[3], AddStakeBurn(c.Hot(0), Net, 2 * RuntimeChain.Tao, null));
        var ev = Assert.Single(r.Events, e => e.Name == "AddStakeBurn");
        var alpha = ulong.Parse(ev["alpha"]!);
        Assert.Equal((2 * RuntimeChain.Tao).ToString(), ev["amount"]);
        Assert.Contains(r.Events, e => e.Name == "AlphaBurned" && e["amount"] == ev["alpha"]);
        Assert.Equal(free - 2 * RuntimeChain.Tao - r.Fee, TaoBalances.Free(c.State, c.Cold(3)).Rao);
        Assert.Equal(0UL, SubtensorStorage.Alpha.Get(c.State, c.Hot(0), (c.Cold(3), n)) == UInt128.Zero ? 0UL : 1UL);
        // The block's emission also moves these counters: the burned alpha is at least in both.
        Assert.True(SubtensorStorage.AlphaBurned.Get(c.State, n) >= burned + alpha);
        Assert.True(SubtensorStorage.SubnetAlphaOut.Get(c.State, n) >= alphaOut + alpha);
        Assert.Empty(Runtime.Staking.DtaoInvariants.Check(c.State));

        // With a limit: price × 1.1 admits the 1 TAO buy.
        var price = new SubnetPools(EconomicsProfile.Current).Price(c.State, n).SaturatingMul(U64F64.FromUInt(RuntimeChain.Tao)).SaturatingToU64();
        c.RunOk(c.Coldkeys[3], AddStakeBurn(c.Hot(0), Net, RuntimeChain.Tao, price * 11 / 10));
    }

    [Fact]
    public void Add_stake_burn_refusals_change_nothing_but_the_fee()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        c.AssertFailsUnchanged(c.Coldkeys[3], AddStakeBurn(c.Hot(0), 9, RuntimeChain.Tao, null), "SubnetNotExists", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[3], AddStakeBurn(c.Hot(7), Net, RuntimeChain.Tao, null), "HotKeyAccountNotExists", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[3], AddStakeBurn(c.Hot(0), Net, 10_000 * RuntimeChain.Tao, 1), "PriceLimitExceeded", paysFee: true);
        // Above 1000 × SubnetTAO the reference refuses the input size before it looks at the balance.
        c.AssertFailsUnchanged(c.Coldkeys[3], AddStakeBurn(c.Hot(0), Net, 2 * RuntimeChain.Endowment, null), "InsufficientLiquidity", paysFee: true);
        // Root: the stake leg would succeed; the burn leg's refusal undoes it.
        c.AssertFailsUnchanged(c.Coldkeys[3], AddStakeBurn(c.Hot(0), 0, RuntimeChain.Tao, null), "CannotBurnOrRecycleOnRootSubnet", paysFee: true);
    }

    [Fact]
    public void Set_auto_stake_hotkey_through_the_call_table()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 2);
        var n = new NetUid(Net);
        c.AssertFailsUnchanged(c.Coldkeys[2], SetAutoStake(9, c.Hot(2)), "SubnetNotExists", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], SetAutoStake(Net, c.Hot(6)), "HotKeyNotRegisteredInSubNet", paysFee: true);
        var r = c.RunOk(c.Coldkeys[2], SetAutoStake(Net, c.Hot(2)));
        Assert.Contains(r.Events, e => e.Name == "AutoStakeDestinationSet" && e["hotkey"] == c.Hot(2).ToHex() && e["coldkey"] == c.Cold(2).ToHex());
        Assert.Equal(c.Hot(2), SubtensorStorage.AutoStakeDestination.Get(c.State, c.Cold(2), n));
        c.AssertFailsUnchanged(c.Coldkeys[2], SetAutoStake(Net, c.Hot(2)), "SameAutoStakeHotkeyAlreadySet", paysFee: true);
    }

    [Fact]
    public void Trigger_epoch_by_the_owner_fires_after_the_window()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var n = new NetUid(Net);
        c.Sudo(AdminGlobalU16(74, 10)); // the reference's AdminFreezeWindow
        c.Sudo(AdminU16(30, Net, 360)); // sudo_set_tempo: the automatic epoch is 360 blocks away

        c.AssertFailsUnchanged(c.Coldkeys[2], TriggerEpoch(Net), "BadOrigin", paysFee: true);
        c.Sudo(AdminBool(49, Net, true));
        c.AssertFailsUnchanged(c.Coldkeys[1], TriggerEpoch(Net), "DynamicTempoBlockedByCommitReveal", paysFee: true);
        c.Sudo(AdminBool(49, Net, false));

        var r = c.RunOk(c.Coldkeys[1], TriggerEpoch(Net));
        var firesAt = c.Head + 10;
        Assert.Contains(r.Events, e => e.Name == "EpochTriggered" && e["fires_at"] == firesAt.ToString() && e["by"] == c.Cold(1).ToHex());
        c.AssertFailsUnchanged(c.Coldkeys[1], TriggerEpoch(Net), "EpochTriggerAlreadyPending", paysFee: true);
        // The countdown arms the freeze window for the owner's setters.
        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU64(3, Net, 5), "AdminActionProhibitedDuringWeightsWindow", paysFee: true);

        while (c.Head < firesAt - 1) c.Author();
        Assert.NotEqual(firesAt, SubtensorStorage.LastEpochBlock.Get(c.State, n));
        var block = c.Author();
        Assert.Equal(firesAt, block.Block.Header.Number);
        Assert.Equal(firesAt, SubtensorStorage.LastEpochBlock.Get(c.State, n));
        Assert.Equal(0UL, SubtensorStorage.PendingEpochAt.Get(c.State, n));
        c.AssertFailsUnchanged(c.Coldkeys[1], TriggerEpoch(Net), "TxRateLimitExceeded", paysFee: true);
        Assert.Empty(Runtime.Staking.DtaoInvariants.Check(c.State));
    }

    private static byte[] AddStakeBurn(AccountId hotkey, ushort netuid, ulong rao, ulong? limit)
    {
        var w = CallBuilder.Begin(PalletIndices.SubtensorModule, 132);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid);
        w.WriteU64(rao);
        ScaleCodecs.Option(ScaleCodecs.U64).Encode(w, limit);
        return w.ToArray();
    }

    private static byte[] SetAutoStake(ushort netuid, AccountId hotkey)
    {
        var w = CallBuilder.Begin(PalletIndices.SubtensorModule, 114);
        w.WriteU16(netuid);
        w.WriteFixed(hotkey.AsSpan());
        return w.ToArray();
    }

    private static byte[] TriggerEpoch(ushort netuid)
    {
        var w = CallBuilder.Begin(PalletIndices.SubtensorModule, 141);
        w.WriteU16(netuid);
        return w.ToArray();
    }
}
