using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.KeySwaps;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// Key swaps through signed extrinsics and real blocks: swap_hotkey, the coldkey announce → too early → execute flow,
/// the guard that confines an announced coldkey to the swap calls (the refused call is included and pays its fee), a
/// dispute freezing the coldkey until root resets it, and root's swap_coldkey.
/// </summary>
public class KeySwapCallTests
{
    private const ushort Net = 1;
    private const ulong Tao = RuntimeChain.Tao;

    private static ScaleWriter Sub(byte index) => CallBuilder.Begin(PalletIndices.SubtensorModule, index);

    private static byte[] SwapHotkey(AccountId oldHot, AccountId newHot, ushort? netuid, bool? keepStake = null)
    {
        var w = Sub(keepStake is null ? KeySwapCalls.SwapHotkey : KeySwapCalls.SwapHotkeyV2);
        w.WriteFixed(oldHot.AsSpan());
        w.WriteFixed(newHot.AsSpan());
        if (netuid is { } n)
        {
            w.WriteU8(1);
            w.WriteU16(n);
        }
        else w.WriteU8(0);
        if (keepStake is { } keep) w.WriteBool(keep);
        return w.ToArray();
    }

    private static byte[] Announce(AccountId newColdkey)
    {
        var w = Sub(KeySwapCalls.AnnounceColdkeySwap);
        w.WriteFixed(ColdkeySwap.HashOf(newColdkey).AsSpan());
        return w.ToArray();
    }

    private static byte[] Execute(AccountId newColdkey)
    {
        var w = Sub(KeySwapCalls.SwapColdkeyAnnounced);
        w.WriteFixed(newColdkey.AsSpan());
        return w.ToArray();
    }

    private static byte[] NoArgs(byte index) => Sub(index).ToArray();

    private static byte[] RootSwapColdkey(AccountId oldColdkey, AccountId newColdkey, ulong cost)
    {
        var w = Sub(KeySwapCalls.SwapColdkey);
        w.WriteFixed(oldColdkey.AsSpan());
        w.WriteFixed(newColdkey.AsSpan());
        w.WriteU64(cost);
        return w.ToArray();
    }

    private static byte[] Reset(AccountId coldkey)
    {
        var w = Sub(KeySwapCalls.ResetColdkeySwap);
        w.WriteFixed(coldkey.AsSpan());
        return w.ToArray();
    }

    private static byte[] SetAnnouncementDelay(uint blocks)
    {
        var w = CallBuilder.Begin(PalletIndices.AdminUtils, 86);
        w.WriteU32(blocks);
        return w.ToArray();
    }

    [Fact]
    public void Swap_hotkey_moves_the_neuron_and_its_stake_and_refusals_change_nothing_but_the_fee()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var n = new NetUid(Net);
        c.RunOk(c.Coldkeys[2], AddStake(c.Hot(1), Net, 10 * Tao));
        var stake = StakeLedger.Stake(c.State, c.Hot(1), c.Cold(2), n);

        c.AssertFailsUnchanged(c.Coldkeys[3], SwapHotkey(c.Hot(1), c.Hot(5), null), "NonAssociatedColdKey", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], SwapHotkey(c.Hot(1), c.Hot(1), null), "NewHotKeyIsSameWithOld", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], SwapHotkey(c.Hot(1), c.Hot(0), null), "NonAssociatedColdKey", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], SwapHotkey(c.Hot(1), c.Hot(5), Net, keepStake: false), "HotKeySwapOnSubnetIntervalNotPassed", paysFee: true);

        var free = TaoBalances.Free(c.State, c.Cold(2)).Rao;
        var r = c.RunOk(c.Coldkeys[2], SwapHotkey(c.Hot(1), c.Hot(5), null));
        Assert.Contains(r.Events, e => e.Name == "HotkeySwapped" && e["new_hotkey"] == c.Hot(5).ToHex());
        Assert.Equal(free - r.Fee - KeySwapConstants.KeySwapCost, TaoBalances.Free(c.State, c.Cold(2)).Rao);
        Assert.Equal((ushort)1, SubtensorStorage.Uids.Get(c.State, n, c.Hot(5)));
        Assert.False(SubtensorStorage.Owner.Contains(c.State, c.Hot(1)));
        Assert.Equal(stake, StakeLedger.Stake(c.State, c.Hot(5), c.Cold(2), n));
        Assert.Empty(DtaoInvariants.Check(c.State));

        // The coldkey's rate limit: a second swap right away is refused.
        c.AssertFailsUnchanged(c.Coldkeys[2], SwapHotkey(c.Hot(5), c.Hot(6), null), "HotKeySetTxRateLimitExceeded", paysFee: true);
    }

    [Fact]
    public void Announced_coldkey_swap_is_refused_too_early_other_calls_are_blocked_then_it_executes()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var n = new NetUid(Net);
        c.Sudo(SetAnnouncementDelay(3));
        c.RunOk(c.Coldkeys[2], AddStake(c.Hot(1), Net, 10 * Tao));
        var stake = StakeLedger.Stake(c.State, c.Hot(1), c.Cold(2), n);
        var newCold = AccountId.FromBytes(Enumerable.Repeat((byte)0x5A, 32).ToArray());

        var announce = c.RunOk(c.Coldkeys[2], Announce(newCold));
        Assert.Contains(announce.Events, e => e.Name == "ColdkeySwapAnnounced");
        c.AssertFailsUnchanged(c.Coldkeys[2], Execute(newCold), "ColdkeySwapTooEarly", paysFee: true);
        // The guard: everything but the swap calls fails for an announced coldkey, and still pays its fee.
        c.AssertFailsUnchanged(c.Coldkeys[2], AddStake(c.Hot(1), Net, Tao), "ColdkeySwapAnnounced", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], CallBuilder.TransferAllowDeath(c.Cold(3), Tao), "ColdkeySwapAnnounced", paysFee: true);

        c.AuthorEmpty(3);
        c.AssertFailsUnchanged(c.Coldkeys[2], Execute(c.Cold(3)), "AnnouncedColdkeyHashDoesNotMatch", paysFee: true);
        var r = c.RunOk(c.Coldkeys[2], Execute(newCold));
        Assert.Contains(r.Events, e => e.Name == "ColdkeySwapped");
        Assert.Equal(stake, StakeLedger.Stake(c.State, c.Hot(1), newCold, n));
        Assert.Equal(newCold, SubtensorStorage.Owner.Get(c.State, c.Hot(1)));
        Assert.True(TaoBalances.Free(c.State, newCold).Rao > RuntimeChain.Endowment - 20 * Tao);
        Assert.Equal(0UL, TaoBalances.Free(c.State, c.Cold(2)).Rao);
        Assert.False(SubtensorStorage.ColdkeySwapAnnouncements.Contains(c.State, c.Cold(2)));
        Assert.Empty(DtaoInvariants.Check(c.State));
    }

    [Fact]
    public void A_disputed_swap_blocks_every_call_of_the_coldkey_until_root_resets_it()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        c.Sudo(SetAnnouncementDelay(1));
        var newCold = AccountId.FromBytes(Enumerable.Repeat((byte)0x5B, 32).ToArray());
        c.RunOk(c.Coldkeys[2], Announce(newCold));
        c.AssertFailsUnchanged(c.Coldkeys[3], NoArgs(KeySwapCalls.DisputeColdkeySwap), "ColdkeySwapAnnouncementNotFound", paysFee: true);
        var dispute = c.RunOk(c.Coldkeys[2], NoArgs(KeySwapCalls.DisputeColdkeySwap));
        Assert.Contains(dispute.Events, e => e.Name == "ColdkeySwapDisputed");
        c.AuthorEmpty(2);

        c.AssertFailsUnchanged(c.Coldkeys[2], Execute(newCold), "ColdkeySwapDisputed", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], AddStake(c.Hot(1), Net, Tao), "ColdkeySwapDisputed", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], NoArgs(KeySwapCalls.ClearColdkeySwapAnnouncement), "ColdkeySwapDisputed", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], Reset(c.Cold(2)), "ColdkeySwapDisputed", paysFee: true);

        c.Sudo(Reset(c.Cold(2)));
        Assert.False(SubtensorStorage.ColdkeySwapDisputes.Contains(c.State, c.Cold(2)));
        c.RunOk(c.Coldkeys[2], AddStake(c.Hot(1), Net, Tao));
    }

    [Fact]
    public void Root_swap_coldkey_charges_the_given_cost_and_moves_subnet_ownership()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 0);
        var n = new NetUid(Net);
        var newCold = AccountId.FromBytes(Enumerable.Repeat((byte)0x5C, 32).ToArray());
        c.AssertFailsUnchanged(c.Coldkeys[1], RootSwapColdkey(c.Cold(1), newCold, 0), "BadOrigin", paysFee: true);
        // A coldkey that has staked is in use: it cannot receive a swap.
        c.RunOk(c.Coldkeys[2], AddStake(c.Hot(0), Net, Tao));
        c.Sudo(RootSwapColdkey(c.Cold(1), c.Cold(2), 0), "Err(ColdKeyAlreadyAssociated)");
        var free = TaoBalances.Free(c.State, c.Cold(1)).Rao;
        c.Sudo(RootSwapColdkey(c.Cold(1), newCold, Tao));
        Assert.Equal(newCold, SubtensorStorage.SubnetOwner.Get(c.State, n));
        Assert.Equal(newCold, SubtensorStorage.Owner.Get(c.State, c.Hot(0)));
        Assert.Equal(free - Tao, TaoBalances.Free(c.State, newCold).Rao);
        Assert.Empty(DtaoInvariants.Check(c.State));
    }
}
