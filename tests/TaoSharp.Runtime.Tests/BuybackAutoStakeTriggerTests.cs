using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests;

/// <summary>add_stake_burn (132), set_coldkey_auto_stake_hotkey (114) and trigger_epoch (141) on the Runtime's storage.</summary>
public sealed class BuybackAutoStakeTriggerTests
{
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);
    private static readonly AccountId Alice = DtaoTestChain.Key(2);
    private static readonly AccountId Bob = DtaoTestChain.Key(3);
    private static readonly AccountId Carol = DtaoTestChain.Key(4);

    // ---- add_stake_burn ----

    [Fact]
    public void AddStakeBurn_BuysThroughThePool_ThenBurnsExactlyTheAlphaBought()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var free = TaoBalances.Free(chain.State, Alice).Rao;
        var taoReserve = SubtensorStorage.SubnetTAO.Get(chain.State, n);
        var alphaOut = SubtensorStorage.SubnetAlphaOut.Get(chain.State, n);
        var burned = SubtensorStorage.AlphaBurned.Get(chain.State, n);

        var alpha = StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, n, 1_000_000_000, null, chain.Events);

        // The buy is add_stake's (same 503 547 RAO fee as StakingTests' 1 TAO buy); nothing stays staked.
        Assert.True(alpha > 0);
        Assert.Equal(free - 1_000_000_000, TaoBalances.Free(chain.State, Alice).Rao);
        Assert.Equal(taoReserve + 1_000_000_000 - 503_547, SubtensorStorage.SubnetTAO.Get(chain.State, n));
        Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
        // Burned, not recycled: alpha issuance still counts it; it is unowned.
        Assert.Equal(alphaOut + alpha, SubtensorStorage.SubnetAlphaOut.Get(chain.State, n));
        Assert.Equal(burned + alpha, SubtensorStorage.AlphaBurned.Get(chain.State, n));
        var names = chain.Events.Events.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf("StakeAdded") < names.IndexOf("AlphaBurned") && names.IndexOf("AlphaBurned") < names.IndexOf("AddStakeBurn"));
        Assert.Contains(chain.Events.Events, e => e.Name == "AddStakeBurn" && e["amount"] == "1000000000" && e["alpha"] == alpha.ToString()
            && e["hotkey"] == OwnerHot.ToHex() && e["netuid"] == n.Value.ToString());
        chain.AssertInvariants();
    }

    [Fact]
    public void AddStakeBurn_LeavesAnExistingPositionAsItWas()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var held = chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 3_000_000_000, null, false, chain.Events);
        StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, n, 2_000_000_000, null, chain.Events);
        // Shares are minted and withdrawn at the pool's rate: at most one unit of rounding.
        Assert.InRange(StakeLedger.Stake(chain.State, OwnerHot, Alice, n), held - 1, held);
        chain.AssertInvariants();
    }

    [Fact]
    public void AddStakeBurn_WithLimit_IsFillOrKill()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        // Price 1.0: a limit of 1.01 τ/α admits ~0.5 TAO; 10 TAO would move the price further and is refused whole.
        Assert.Equal(DispatchError.SlippageTooHigh,
            chain.Try(() => StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, n, 10_000_000_000, 1_010_000_000, chain.Events)));
        var alpha = StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, n, 100_000_000, 1_010_000_000, chain.Events);
        Assert.True(alpha > 0);
        Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
        chain.AssertInvariants();
    }

    [Fact]
    public void AddStakeBurn_Refusals_ChangeNothing()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var before = Fingerprint(chain);
        Assert.Equal(DispatchError.SubnetNotExists, chain.Try(() => StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, new NetUid(9), 1_000_000_000, null, chain.Events)));
        Assert.Equal(DispatchError.HotKeyAccountNotExists, chain.Try(() => StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, Bob, n, 1_000_000_000, null, chain.Events)));
        Assert.Equal(DispatchError.NotEnoughBalanceToStake, chain.Try(() => StakeBurn.AddStakeBurn(chain.Staking, chain.State, Bob, OwnerHot, n, 1_000_000_000, null, chain.Events)));
        Assert.Equal(DispatchError.AmountTooLow, chain.Try(() => StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, n, 1_000, null, chain.Events)));
        // Root: the stake leg succeeds, the burn leg is refused; the stake is undone with it.
        Assert.Equal(DispatchError.CannotBurnOrRecycleOnRootSubnet,
            chain.Try(() => StakeBurn.AddStakeBurn(chain.Staking, chain.State, Alice, OwnerHot, NetUid.Root, 1_000_000_000, null, chain.Events)));
        Assert.Equal(before, Fingerprint(chain));
        Assert.DoesNotContain(chain.Events.Events, e => e.Name is "AddStakeBurn" or "AlphaBurned");
    }

    // ---- set_coldkey_auto_stake_hotkey ----

    [Fact]
    public void SetAutoStake_Rules_InTheReferenceOrder()
    {
        var chain = new DtaoTestChain(Owner, Alice, Bob);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var miner = Register(chain, n, Bob, 3);
        var other = DtaoTestChain.Key(5, 0xA0);

        Assert.Equal(DispatchError.SubnetNotExists, chain.Try(() => AutoStake.SetDestination(chain.State, Bob, new NetUid(9), miner, chain.Events)));
        Assert.Equal(DispatchError.HotKeyNotRegisteredInSubNet, chain.Try(() => AutoStake.SetDestination(chain.State, Bob, n, other, chain.Events)));
        Assert.Empty(SubtensorStorage.AutoStakeDestination.Iterate(chain.State));

        AutoStake.SetDestination(chain.State, Bob, n, OwnerHot, chain.Events);
        Assert.Equal(OwnerHot, AutoStake.Destination(chain.State, Bob, n));
        Assert.Equal([Bob], SubtensorStorage.AutoStakeDestinationColdkeys.Get(chain.State, OwnerHot, n));
        Assert.Contains(chain.Events.Events, e => e.Name == "AutoStakeDestinationSet" && e["coldkey"] == Bob.ToHex() && e["hotkey"] == OwnerHot.ToHex());
        Assert.Equal(DispatchError.SameAutoStakeHotkeyAlreadySet, chain.Try(() => AutoStake.SetDestination(chain.State, Bob, n, OwnerHot, chain.Events)));

        // Changing the choice moves the coldkey in the reverse index.
        AutoStake.SetDestination(chain.State, Bob, n, miner, chain.Events);
        AutoStake.SetDestination(chain.State, Alice, n, miner, chain.Events);
        Assert.Equal(miner, AutoStake.Destination(chain.State, Bob, n));
        Assert.False(SubtensorStorage.AutoStakeDestinationColdkeys.Contains(chain.State, OwnerHot, n));
        Assert.Equal([Bob, Alice], SubtensorStorage.AutoStakeDestinationColdkeys.Get(chain.State, miner, n));
        Assert.Equal([(n, miner)], AutoStake.Destinations(chain.State, Bob));
        Assert.Null(AutoStake.Destination(chain.State, Carol, n));
    }

    [Fact]
    public void KeySwaps_CarryTheDestination()
    {
        var chain = new DtaoTestChain(Owner, Alice, Bob);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var miner = Register(chain, n, Bob, 3);
        AutoStake.SetDestination(chain.State, Bob, n, miner, chain.Events);
        AutoStake.SetDestination(chain.State, Alice, n, miner, chain.Events);

        // Coldkey swap Bob → Carol: Carol's choice, listed once.
        AutoStake.MoveColdkey(chain.State, n, Bob, Carol);
        Assert.Null(AutoStake.Destination(chain.State, Bob, n));
        Assert.Equal(miner, AutoStake.Destination(chain.State, Carol, n));
        Assert.Equal([Alice, Carol], SubtensorStorage.AutoStakeDestinationColdkeys.Get(chain.State, miner, n));

        // Hotkey swap miner → fresh: both coldkeys follow.
        var fresh = DtaoTestChain.Key(9, 0xA0);
        AutoStake.MoveHotkey(chain.State, n, miner, fresh);
        Assert.Equal(fresh, AutoStake.Destination(chain.State, Alice, n));
        Assert.Equal(fresh, AutoStake.Destination(chain.State, Carol, n));
        Assert.False(SubtensorStorage.AutoStakeDestinationColdkeys.Contains(chain.State, miner, n));
        Assert.Equal([Alice, Carol], SubtensorStorage.AutoStakeDestinationColdkeys.Get(chain.State, fresh, n));
        AutoStake.MoveColdkey(chain.State, n, Owner, Bob); // nothing set: nothing happens
        Assert.Null(AutoStake.Destination(chain.State, Bob, n));
    }

    [Fact]
    public void MinerIncentive_LandsOnTheAutoStakeDestination_AfterAnEpoch()
    {
        var chain = new DtaoTestChain(Owner, Alice, Bob, Carol);
        var n = chain.OpenSubnet(Owner, OwnerHot, tempo: 5);
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, false);
        SubtensorStorage.WeightsSetRateLimit.Set(chain.State, n, 0);
        var validator = Register(chain, n, Alice, 2);
        var miner = Register(chain, n, Bob, 3);
        var destination = Register(chain, n, Carol, 4); // someone else's hotkey: allowed, the stake stays Bob's
        chain.Staking.AddStake(chain.State, Alice, validator, n, 50_000_000_000, null, false, chain.Events);
        var minerUid = SubtensorStorage.Uids.Get(chain.State, n, miner);
        var weights = new WeightsCalls(StakeView.Instance);

        // First epochs without a destination: the miner's own hotkey earns (the scenario really pays incentive).
        RunEpochs(chain, n, weights, validator, minerUid, 3);
        var ownEarned = StakeLedger.Stake(chain.State, miner, Bob, n);
        Assert.True(ownEarned > 0, "the miner earned incentive");
        Assert.DoesNotContain(chain.Events.Events, e => e.Name == "AutoStakeAdded");

        AutoStake.SetDestination(chain.State, Bob, n, destination, chain.Events);
        var checkpoint = chain.Events.Checkpoint();
        RunEpochs(chain, n, weights, validator, minerUid, 1);

        var added = chain.Events.Events.Skip(checkpoint).Where(e => e.Name == "AutoStakeAdded").ToList();
        var incentive = added.Where(e => e["hotkey"] == miner.ToHex()).Sum(e => (decimal)ulong.Parse(e["incentive"]!));
        Assert.True(incentive > 0);
        Assert.All(added, e => Assert.Equal(destination.ToHex(), e["destination"]));
        Assert.Contains(added, e => e["owner"] == Bob.ToHex());
        Assert.Equal(ownEarned, StakeLedger.Stake(chain.State, miner, Bob, n));
        Assert.Equal((ulong)incentive, StakeLedger.Stake(chain.State, destination, Bob, n));
        Assert.Equal(0UL, StakeLedger.Stake(chain.State, destination, Carol, n));
        chain.AssertInvariants();
    }

    // ---- trigger_epoch ----

    [Fact]
    public void TriggerEpoch_Refusals_InTheReferenceOrder_ChangeNothing()
    {
        var chain = TriggerChain(out var n);
        AssertRefused(chain, DispatchError.BadOrigin, () => Trigger(chain, Alice, n));
        AssertRefused(chain, DispatchError.BadOrigin, () => Trigger(chain, Owner, new NetUid(9)));
        AssertRefused(chain, DispatchError.BadOrigin, () => EpochTrigger.Trigger(chain.State, Origin.Root, n, chain.Block, chain.Events));
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, true);
        AssertRefused(chain, DispatchError.DynamicTempoBlockedByCommitReveal, () => Trigger(chain, Owner, n));
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, false);
        // The automatic epoch 9 blocks away (< AdminFreezeWindow 10) is imminent; 10 blocks away is not.
        SubtensorStorage.LastEpochBlock.Set(chain.State, n, chain.Block + 9 - 360);
        AssertRefused(chain, DispatchError.AutoEpochAlreadyImminent, () => Trigger(chain, Owner, n));
        SubtensorStorage.LastEpochBlock.Set(chain.State, n, chain.Block + 10 - 360);
        Assert.Null(chain.Try(() => Trigger(chain, Owner, n)));
        AssertRefused(chain, DispatchError.EpochTriggerAlreadyPending, () => Trigger(chain, Owner, n));
        Assert.Single(chain.Events.Events, e => e.Name == "EpochTriggered");
    }

    [Fact]
    public void TriggerEpoch_FiresAfterTheWindow_FreezesSettersMeanwhile_AndIsRateLimited()
    {
        var chain = TriggerChain(out var n);
        var at = chain.Block;
        var firesAt = Trigger(chain, Owner, n);
        Assert.Equal(at + 10, firesAt);
        Assert.Equal(firesAt, SubtensorStorage.PendingEpochAt.Get(chain.State, n));
        Assert.Contains(chain.Events.Events, e => e.Name == "EpochTriggered" && e["by"] == Owner.ToHex() && e["fires_at"] == firesAt.ToString());
        var epochIndex = SubtensorStorage.SubnetEpochIndex.Get(chain.State, n);

        while (chain.Block < firesAt - 1)
        {
            chain.NextBlock();
            Assert.True(AdminUtilsCalls.InFreezeWindow(chain.State, n, chain.Block), $"block {chain.Block} is inside the trigger's countdown");
            Assert.Equal(epochIndex, SubtensorStorage.SubnetEpochIndex.Get(chain.State, n));
        }

        chain.NextBlock(); // block firesAt
        Assert.Equal(firesAt, SubtensorStorage.LastEpochBlock.Get(chain.State, n));
        Assert.Equal(0UL, SubtensorStorage.PendingEpochAt.Get(chain.State, n));
        Assert.Equal(epochIndex + 1, SubtensorStorage.SubnetEpochIndex.Get(chain.State, n));
        Assert.Equal(0UL, SubtensorStorage.PendingServerEmission.Get(chain.State, n));

        // One trigger per OwnerHyperparamRateLimit (2) tempos (360 blocks each).
        Assert.Equal(DispatchError.TxRateLimitExceeded, chain.Try(() => Trigger(chain, Owner, n)));
        chain.Block = at + 720;
        SubtensorStorage.LastEpochBlock.Set(chain.State, n, chain.Block);
        Assert.Null(chain.Try(() => Trigger(chain, Owner, n)));
        chain.AssertInvariants();
    }

    [Fact]
    public void TriggeredEpochs_BeyondThePerBlockCap_AreDeferredOneBlock()
    {
        var chain = new DtaoTestChain(Owner);
        var subnets = Enumerable.Range(0, 2).Select(i => chain.OpenSubnet(Owner, DtaoTestChain.Key(10 + i, 0xA0), tempo: 360)).ToList();
        foreach (var n in subnets)
        {
            SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, false);
            SubtensorStorage.LastEpochBlock.Set(chain.State, n, chain.Block);
        }
        SubtensorStorage.MaxEpochsPerBlock.Set(chain.State, 1);
        var firesAt = subnets.Select(n => Trigger(chain, Owner, n)).Distinct().Single();
        while (chain.Block < firesAt) chain.NextBlock();

        Assert.Equal(firesAt, SubtensorStorage.LastEpochBlock.Get(chain.State, subnets[0]));
        Assert.Equal(firesAt + 1, SubtensorStorage.PendingEpochAt.Get(chain.State, subnets[1]));
        Assert.Contains(chain.Events.Events, e => e.Name == "EpochDeferred" && e["netuid"] == subnets[1].Value.ToString()
            && e["from_block"] == firesAt.ToString() && e["to_block"] == (firesAt + 1).ToString());
        chain.NextBlock();
        Assert.Equal(firesAt + 1, SubtensorStorage.LastEpochBlock.Get(chain.State, subnets[1]));
        Assert.Equal(0UL, SubtensorStorage.PendingEpochAt.Get(chain.State, subnets[1]));
        chain.AssertInvariants();
    }

    [Fact]
    public void EpochSlot_WithAHotkeyOnTwoUids_IsConsumedButSkipped()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot, tempo: 360);
        var hot = Register(chain, n, Alice, 2);
        SubtensorStorage.Keys.Set(chain.State, n, 0, hot); // corrupt: UID 0 and UID 1 both name the same hotkey
        SubtensorStorage.PendingEpochAt.Set(chain.State, n, chain.Block + 1);
        chain.NextBlock();
        Assert.Contains(chain.Events.Events, e => e.Name == "EpochSkipped" && e["netuid"] == n.Value.ToString());
        Assert.Equal(chain.Block, SubtensorStorage.LastEpochBlock.Get(chain.State, n));
        Assert.True(SubtensorStorage.PendingServerEmission.Get(chain.State, n) > 0, "the emission stays pending");
    }

    // ---- helpers ----

    private static DtaoTestChain TriggerChain(out NetUid n)
    {
        var chain = new DtaoTestChain(Owner, Alice) { Block = 1_000 };
        n = chain.OpenSubnet(Owner, OwnerHot, tempo: 360);
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, false);
        SubtensorStorage.LastEpochBlock.Set(chain.State, n, chain.Block);
        return chain;
    }

    private static ulong Trigger(DtaoTestChain chain, AccountId who, NetUid n) =>
        EpochTrigger.Trigger(chain.State, Origin.Signed(who), n, chain.Block, chain.Events);

    private static AccountId Register(DtaoTestChain chain, NetUid n, AccountId coldkey, int id)
    {
        var hot = DtaoTestChain.Key(id, 0xA0);
        new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current)).BurnedRegister(chain.State, coldkey, n, hot, chain.Block);
        return hot;
    }

    /// <summary>The validator weights only the miner each block (once it has a permit) until <paramref name="epochs"/> more epochs ran.</summary>
    private static void RunEpochs(DtaoTestChain chain, NetUid n, WeightsCalls weights, AccountId validator, ushort minerUid, int epochs)
    {
        var target = SubtensorStorage.SubnetEpochIndex.Get(chain.State, n) + (ulong)epochs;
        while (SubtensorStorage.SubnetEpochIndex.Get(chain.State, n) < target)
        {
            // Refused (NeuronNoValidatorPermit) until the first epoch has given the validator its permit.
            chain.Try(() => weights.SetWeights(chain.State, validator, n, [minerUid], [ushort.MaxValue], 0, chain.Block));
            chain.NextBlock();
        }
    }

    private static void AssertRefused(DtaoTestChain chain, DispatchError expected, Action op)
    {
        var before = Fingerprint(chain);
        Assert.Equal(expected, chain.Try(op));
        Assert.Equal(before, Fingerprint(chain));
    }

    private static string Fingerprint(DtaoTestChain chain) =>
        string.Join(",", new[] { Owner, Alice, Bob }.Select(c => TaoBalances.Free(chain.State, c).Rao))
        + "|" + SubtensorStorage.TotalIssuance.Get(chain.State)
        + "|" + string.Join(",", SubtensorStorage.SubnetTAO.Iterate(chain.State).Select(e => $"{e.Key.Value}:{e.Value}"))
        + "|" + string.Join(",", SubtensorStorage.SubnetAlphaIn.Iterate(chain.State).Select(e => $"{e.Key.Value}:{e.Value}"))
        + "|" + string.Join(",", SubtensorStorage.SubnetAlphaOut.Iterate(chain.State).Select(e => $"{e.Key.Value}:{e.Value}"))
        + "|" + string.Join(",", SubtensorStorage.AlphaBurned.Iterate(chain.State).Select(e => $"{e.Key.Value}:{e.Value}"))
        + "|" + string.Join(",", SubtensorStorage.TotalHotkeyAlpha.Iterate(chain.State).Select(e => $"{e.Key1.ToHex()}:{e.Key2.Value}:{e.Value}"))
        + "|" + string.Join(",", SubtensorStorage.PendingEpochAt.Iterate(chain.State).Select(e => $"{e.Key.Value}:{e.Value}"))
        + "|" + string.Join(",", SubtensorStorage.OwnerHyperparamLastBlock.Iterate(chain.State).Select(e => $"{e.Key1.Value}:{e.Key2}:{e.Value}"));
}
