using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// The staking extrinsics through the real call table: the position cap of remove_stake (and its absence in
/// remove_stake_limit), and the reference's check order when a call is wrong in two ways. A refusal changes nothing.
/// </summary>
public sealed class StakeErrorOrderTests
{
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);
    private static readonly AccountId Alice = DtaoTestChain.Key(2);
    private static readonly AccountId Stranger = DtaoTestChain.Key(7, 0xA0);

    private const byte AddStakeIndex = 2;
    private const byte RemoveStakeIndex = 3;
    private const byte AddStakeLimitIndex = 88;
    private const byte MoveStakeIndex = 85;
    private const byte TransferStakeIndex = 86;
    private const byte RemoveStakeLimitIndex = 89;
    private const byte RemoveStakeFullLimitIndex = 103;

    [Fact]
    public void RemoveStakeLimit_AboveThePosition_IsRefused_AndChangesNothing()
    {
        var (chain, n, held) = Staked();
        var before = Books(chain, n);

        foreach (var partial in new[] { false, true })
        {
            var error = Dispatch(chain, Alice, RemoveStakeLimitIndex, w =>
            {
                Hotkey(w, OwnerHot);
                w.WriteU16(n.Value);
                w.WriteU64(held + 1);
                w.WriteU64(500_000_000);
                w.WriteBool(partial);
            });
            Assert.Equal(DispatchError.NotEnoughStakeToWithdraw, error);
            Assert.Equal(before, Books(chain, n));
        }

        Assert.DoesNotContain(chain.Events.Events, e => e.Name == "StakeRemoved");
    }

    [Fact]
    public void RemoveStake_AboveThePosition_SellsExactlyThePosition()
    {
        var (capped, n, held) = Staked();
        var (exact, _, _) = Staked();

        Assert.Null(Dispatch(capped, Alice, RemoveStakeIndex, w => { Hotkey(w, OwnerHot); w.WriteU16(n.Value); w.WriteU64(held * 3); }));
        Assert.Null(Dispatch(exact, Alice, RemoveStakeIndex, w => { Hotkey(w, OwnerHot); w.WriteU16(n.Value); w.WriteU64(held); }));

        Assert.Equal(0UL, StakeLedger.Stake(capped.State, OwnerHot, Alice, n));
        Assert.Equal(Books(exact, n), Books(capped, n));
        var removed = Assert.Single(capped.Events.Events, e => e.Name == "StakeRemoved");
        Assert.Equal(Assert.Single(exact.Events.Events, e => e.Name == "StakeRemoved")["tao"], removed["tao"]);
        capped.AssertInvariants();
    }

    [Fact]
    public void RemoveStakeFullLimit_WithALimit_SellsTheWholePosition()
    {
        var (chain, n, _) = Staked();
        var error = Dispatch(chain, Alice, RemoveStakeFullLimitIndex, w =>
        {
            Hotkey(w, OwnerHot);
            w.WriteU16(n.Value);
            w.WriteU8(1);
            w.WriteU64(500_000_000);
        });
        Assert.Null(error);
        Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
        chain.AssertInvariants();
    }

    [Fact]
    public void RemoveStake_ChecksTheSubtokenFirst_AndTheHotkeyAfterTheAmount()
    {
        var (chain, n, held) = Staked();
        var before = Books(chain, n);

        // Unknown hotkey on a subnet that does not exist: SubtokenDisabled comes first (a missing subnet is disabled).
        Assert.Equal(DispatchError.SubtokenDisabled, Dispatch(chain, Alice, RemoveStakeIndex, w => { Hotkey(w, Stranger); w.WriteU16(9); w.WriteU64(held); }));
        // Unknown hotkey (no position on it) and a zero amount: the amount check comes before the hotkey check.
        Assert.Equal(DispatchError.AmountTooLow, Dispatch(chain, Alice, RemoveStakeIndex, w => { Hotkey(w, Stranger); w.WriteU16(n.Value); w.WriteU64(0); }));
        // remove_stake_limit: the position check comes before the hotkey check.
        Assert.Equal(DispatchError.NotEnoughStakeToWithdraw, Dispatch(chain, Alice, RemoveStakeLimitIndex, w =>
        {
            Hotkey(w, Stranger);
            w.WriteU16(n.Value);
            w.WriteU64(held);
            w.WriteU64(500_000_000);
            w.WriteBool(false);
        }));
        // remove_stake_limit on a subnet that does not exist: SubnetNotExists before the position and hotkey.
        Assert.Equal(DispatchError.SubnetNotExists, Dispatch(chain, Alice, RemoveStakeLimitIndex, w =>
        {
            Hotkey(w, Stranger);
            w.WriteU16(9);
            w.WriteU64(held);
            w.WriteU64(500_000_000);
            w.WriteBool(false);
        }));
        Assert.Equal(before, Books(chain, n));
        Assert.DoesNotContain(chain.Events.Events, e => e.Name == "StakeRemoved");
    }

    [Fact]
    public void RemoveStakeLimit_HasNoSubtokenCheck_UnlikeRemoveStake()
    {
        var (chain, n, held) = Staked();
        SubtensorStorage.SubtokenEnabled.Set(chain.State, n, false);
        var before = Books(chain, n);

        Assert.Equal(DispatchError.SubtokenDisabled, Dispatch(chain, Alice, RemoveStakeIndex, w => { Hotkey(w, OwnerHot); w.WriteU16(n.Value); w.WriteU64(held); }));
        Assert.Equal(before, Books(chain, n));

        Assert.Null(Dispatch(chain, Alice, RemoveStakeLimitIndex, w =>
        {
            Hotkey(w, OwnerHot);
            w.WriteU16(n.Value);
            w.WriteU64(held);
            w.WriteU64(500_000_000);
            w.WriteBool(false);
        }));
        Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
    }

    [Fact]
    public void MoveStake_FollowsTheTransitionCheckOrder()
    {
        var (chain, n, held) = Staked();
        var before = Books(chain, n);

        // Same hotkey and subnet: SameNetuid before anything else (even an unknown subnet would come later).
        Assert.Equal(DispatchError.SameNetuid, Dispatch(chain, Alice, MoveStakeIndex, w => Move(w, OwnerHot, OwnerHot, n, n, held)));
        // Origin disabled and destination missing: both subnets must exist before any subtoken check.
        SubtensorStorage.SubtokenEnabled.Set(chain.State, n, false);
        Assert.Equal(DispatchError.SubnetNotExists, Dispatch(chain, Alice, MoveStakeIndex, w => Move(w, OwnerHot, OwnerHot, n, new NetUid(9), held)));
        // Destination hotkey unknown and origin disabled: the subtoken check comes before the hotkeys.
        Assert.Equal(DispatchError.SubtokenDisabled, Dispatch(chain, Alice, MoveStakeIndex, w => Move(w, OwnerHot, Stranger, n, NetUid.Root, held)));
        Assert.Equal(before, Books(chain, n));
    }

    [Fact]
    public void AddStake_ChecksAmountAndSlippage_ThenBalance_ThenHotkey()
    {
        var (chain, n, _) = Staked();
        var before = Books(chain, n);
        var poor = DtaoTestChain.Key(8);
        var modest = DtaoTestChain.Key(9);
        TaoBalances.SetFree(chain.State, modest, new TaoBalance(20_000_000_000));

        // Unknown hotkey and an amount below the minimum: AmountTooLow first.
        Assert.Equal(DispatchError.AmountTooLow, Dispatch(chain, Alice, AddStakeIndex, w => { Hotkey(w, Stranger); w.WriteU16(n.Value); w.WriteU64(1_000); }));
        // No balance and an amount below the minimum: AmountTooLow first.
        Assert.Equal(DispatchError.AmountTooLow, Dispatch(chain, poor, AddStakeIndex, w => { Hotkey(w, OwnerHot); w.WriteU16(n.Value); w.WriteU64(1_000); }));
        // Unknown hotkey and more than the balance: the balance comes before the hotkey.
        Assert.Equal(DispatchError.NotEnoughBalanceToStake, Dispatch(chain, modest, AddStakeIndex, w => { Hotkey(w, Stranger); w.WriteU16(n.Value); w.WriteU64(20_000_000_001); }));
        // Unknown hotkey and a limit the amount exceeds (fill-or-kill): SlippageTooHigh first.
        Assert.Equal(DispatchError.SlippageTooHigh, Dispatch(chain, Alice, AddStakeLimitIndex, w =>
        {
            Hotkey(w, Stranger);
            w.WriteU16(n.Value);
            w.WriteU64(10_000_000_000_000);
            w.WriteU64(2_000_000_000);
            w.WriteBool(false);
        }));
        // Only the hotkey is wrong: HotKeyAccountNotExists.
        Assert.Equal(DispatchError.HotKeyAccountNotExists, Dispatch(chain, Alice, AddStakeIndex, w => { Hotkey(w, Stranger); w.WriteU16(n.Value); w.WriteU64(1_000_000_000); }));
        // A subnet that does not exist comes before everything else.
        Assert.Equal(DispatchError.SubnetNotExists, Dispatch(chain, poor, AddStakeIndex, w => { Hotkey(w, Stranger); w.WriteU16(9); w.WriteU64(1_000); }));
        Assert.Equal(before, Books(chain, n));
    }

    [Fact]
    public void AddStakeLimit_Partial_NeedsOnlyTheBalanceTheLimitAdmits()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        TaoBalances.SetFree(chain.State, Alice, new TaoBalance(20_000_000_000));
        // Price 1.0; a limit of 1.01 admits about 0.5 TAO, far less than the 20 TAO balance; the request is 50 TAO.
        Assert.Null(Dispatch(chain, Alice, AddStakeLimitIndex, w =>
        {
            Hotkey(w, OwnerHot);
            w.WriteU16(n.Value);
            w.WriteU64(50_000_000_000);
            w.WriteU64(1_010_000_000);
            w.WriteBool(true);
        }));
        Assert.InRange(StakeLedger.Stake(chain.State, OwnerHot, Alice, n), 400_000_000UL, 600_000_000UL);
    }

    [Fact]
    public void TransferStake_ChecksThePositionBeforeTheTransferToggle()
    {
        var (chain, n, held) = Staked();
        SubtensorStorage.TransferToggle.Set(chain.State, n, false);
        var before = Books(chain, n);

        Assert.Equal(DispatchError.NotEnoughStakeToWithdraw, Dispatch(chain, Alice, TransferStakeIndex, w => Transfer(w, n, held + 1)));
        Assert.Equal(DispatchError.TransferDisallowed, Dispatch(chain, Alice, TransferStakeIndex, w => Transfer(w, n, held)));
        Assert.Equal(before, Books(chain, n));
    }

    private static void Transfer(ScaleWriter w, NetUid n, ulong alpha)
    {
        Hotkey(w, Owner);
        Hotkey(w, OwnerHot);
        w.WriteU16(n.Value);
        w.WriteU16(n.Value);
        w.WriteU64(alpha);
    }

    private static void Move(ScaleWriter w, AccountId originHot, AccountId destHot, NetUid origin, NetUid dest, ulong alpha)
    {
        Hotkey(w, originHot);
        Hotkey(w, destHot);
        w.WriteU16(origin.Value);
        w.WriteU16(dest.Value);
        w.WriteU64(alpha);
    }

    /// <summary>An open subnet on which Alice holds alpha bought with 5 TAO on the owner's hotkey.</summary>
    private static (DtaoTestChain Chain, NetUid Netuid, ulong Held) Staked()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var held = chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 5_000_000_000, null, false, chain.Events);
        return (chain, n, held);
    }

    private static (ulong Free, ulong Stake, ulong SubnetTao, ulong AlphaIn, ulong AlphaOut, ulong TotalStake) Books(DtaoTestChain chain, NetUid n) => (
        TaoBalances.Free(chain.State, Alice).Rao,
        StakeLedger.Stake(chain.State, OwnerHot, Alice, n),
        SubtensorStorage.SubnetTAO.Get(chain.State, n),
        SubtensorStorage.SubnetAlphaIn.Get(chain.State, n),
        SubtensorStorage.SubnetAlphaOut.Get(chain.State, n),
        SubtensorStorage.TotalStake.Get(chain.State));

    private static void Hotkey(ScaleWriter w, AccountId hotkey) => w.WriteFixed(hotkey.AsSpan());

    /// <summary>Encodes SubtensorModule call <paramref name="index"/>, decodes it with the runtime's table and
    /// dispatches it signed by <paramref name="who"/> as one extrinsic.</summary>
    private static DispatchError? Dispatch(DtaoTestChain chain, AccountId who, byte index, Action<ScaleWriter> args)
    {
        var w = new ScaleWriter();
        w.WriteU8(PalletIndices.SubtensorModule);
        w.WriteU8(index);
        args(w);
        var call = RuntimeCalls.CreateTable().Decode(w.WrittenSpan);
        return chain.Try(() => call.Dispatch(new CallContext(chain.State, Origin.Signed(who), new BlockNumber(chain.Block), chain.Events)));
    }
}
