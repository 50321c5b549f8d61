using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.KeySwaps;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// Hotkey and coldkey swaps on a live subnet (registered neurons, stake, root stake with root dividends, epochs): what
/// moves, that no byte of the old key is left anywhere in state, that the next epoch pays the new key, the books'
/// invariants, and every refusal changing nothing (the whole state is compared).
/// </summary>
public sealed class KeySwapTests
{
    private const ulong Tao = 1_000_000_000;
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);
    private static readonly AccountId Cold = DtaoTestChain.Key(2);
    private static readonly AccountId Hot = DtaoTestChain.Key(2, 0xA0);
    private static readonly AccountId NewHot = DtaoTestChain.Key(3, 0xA0);
    private static readonly AccountId Staker = DtaoTestChain.Key(3);
    private static readonly AccountId NewCold = DtaoTestChain.Key(9);

    private sealed record Net(DtaoTestChain Chain, NetUid Netuid, WeightsCalls Weights);

    /// <summary>
    /// Subnet owned by <see cref="Owner"/> (UID 0 = <see cref="OwnerHot"/>), <see cref="Hot"/> of <see cref="Cold"/> as
    /// UID 1 with its own and a nominator's stake and root stake, relations and settings under its key, and enough
    /// epochs that it has root-claim rates and dividend records.
    /// </summary>
    private static Net Live()
    {
        var chain = new DtaoTestChain(Owner, Cold, Staker);
        var n = chain.OpenSubnet(Owner, OwnerHot, tempo: 5);
        SubtensorStorage.WeightsSetRateLimit.Set(chain.State, n, 0);
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, false);
        // Root dividends are paid only while the EMA prices sum above 1 (the root-sell flag).
        SubtensorStorage.SubnetMovingPrice.Set(chain.State, n, Math.I96F32.FromUInt(2));
        new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current)).BurnedRegister(chain.State, Cold, n, Hot, chain.Block);
        chain.Staking.AddStake(chain.State, Cold, Hot, n, 50 * Tao, null, false, chain.Events);
        chain.Staking.AddStake(chain.State, Staker, Hot, n, 20 * Tao, null, false, chain.Events);
        chain.Staking.AddStake(chain.State, Cold, Hot, NetUid.Root, 30 * Tao, null, false, chain.Events);
        chain.Staking.AddStake(chain.State, Staker, Hot, NetUid.Root, 10 * Tao, null, false, chain.Events);

        SubtensorStorage.Axons.Set(chain.State, n, Hot, new AxonInfo(1, 1, 0x7F000002, 8091, 4, 0, 0, 0));
        SubtensorStorage.NeuronCertificates.Set(chain.State, n, Hot, [1, 2, 3]);
        SubtensorStorage.Prometheus.Set(chain.State, n, Hot, new PrometheusInfo(1, 1, 0x7F000002, 9100, 4));
        SubtensorStorage.IdentitiesV2.Set(chain.State, Cold, new ChainIdentity([.. "cold"u8], [], [], [], [], [], []));
        SubtensorStorage.ChildkeyTake.Set(chain.State, Hot, n, 100);
        SubtensorStorage.Delegates.Set(chain.State, Hot, 1_000);
        SubtensorStorage.LastTxBlockDelegateTake.Set(chain.State, Hot, 1);
        SubtensorStorage.TransactionKeyLastBlock.Set(chain.State, Hot, (n, ChildKeys.TxSetChildkeyTake), 1);
        SubtensorStorage.ChildKeys.Set(chain.State, OwnerHot, n, [(1_000, Hot)]);
        SubtensorStorage.ParentKeys.Set(chain.State, Hot, n, [(1_000, OwnerHot)]);
        SubtensorStorage.PendingChildKeys.Set(chain.State, n, OwnerHot, ([(5, Hot)], 999_999));
        SubtensorStorage.AutoParentDelegationEnabled.Set(chain.State, Hot, false);
        SubtensorStorage.AutoStakeDestination.Set(chain.State, Staker, n, Hot);
        SubtensorStorage.AutoStakeDestinationColdkeys.Set(chain.State, Hot, n, [Staker]);

        var net = new Net(chain, n, new WeightsCalls(StakeView.Instance));
        RunBlocks(net, Hot, 20);
        Assert.True(SubtensorStorage.RootClaimable.IteratePrefix(chain.State, Hot).Any(), "root dividends accrued to the hotkey");
        chain.AssertInvariants();
        return net;
    }

    /// <summary>Blocks with the coinbase and epochs; the validator sets weights each block once it may.</summary>
    private static void RunBlocks(Net net, AccountId validator, int blocks)
    {
        for (var i = 0; i < blocks; i++)
        {
            // Refused (no permit) until the first epoch has handed out validator permits.
            net.Chain.Try(() => net.Weights.SetWeights(net.Chain.State, validator, net.Netuid, [0, 1], [1, 65_535], 0, net.Chain.Block));
            net.Chain.NextBlock();
        }
    }

    /// <summary>Every key and value in state, in key order (the executor's view of "what changed").</summary>
    private static string Dump(DtaoTestChain chain) =>
        string.Join("\n", chain.State.IteratePrefix([]).Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)));

    /// <summary>Entries whose key or value contains the account's 32 bytes.</summary>
    private static List<string> Traces(DtaoTestChain chain, AccountId account)
    {
        var needle = account.AsSpan().ToArray();
        return [.. chain.State.IteratePrefix([])
            .Where(e => e.Key.AsSpan().IndexOf(needle) >= 0 || e.Value.AsSpan().IndexOf(needle) >= 0)
            .Select(e => Convert.ToHexString(e.Key))];
    }

    private static DispatchError? SwapHotkey(Net net, AccountId coldkey, AccountId oldHot, AccountId newHot, NetUid? netuid = null, bool keepStake = false) =>
        net.Chain.Try(() => HotkeySwap.Swap(net.Chain.State, coldkey, oldHot, newHot, netuid, keepStake, net.Chain.Block, net.Chain.Events));

    [Fact]
    public void HotkeySwap_OnAllSubnets_MovesEverything_LeavesNoTrace_AndTheNextEpochPaysTheNewHotkey()
    {
        var net = Live();
        var (chain, n) = (net.Chain, net.Netuid);
        var stakes = new[] { Cold, Staker }.SelectMany(c => new[] { n, NetUid.Root }.Select(m => StakeLedger.Stake(chain.State, Hot, c, m))).ToArray();
        var totals = (StakeLedger.HotkeyTotal(chain.State, Hot, n), StakeLedger.HotkeyTotal(chain.State, Hot, NetUid.Root));
        var rates = SubtensorStorage.RootClaimable.IteratePrefix(chain.State, Hot).ToList();
        var owed = RootClaims.Owed(chain.State, Hot, Staker, rates[0].Key2);
        var free = TaoBalances.Free(chain.State, Cold).Rao;
        var issuance = SubtensorStorage.TotalIssuance.Get(chain.State);

        Assert.Null(SwapHotkey(net, Cold, Hot, NewHot));

        Assert.Empty(Traces(chain, Hot));
        Assert.Contains(chain.Events.Events, e => e.Name == "HotkeySwapped" && e["new_hotkey"] == NewHot.ToHex());
        Assert.Equal(Cold, SubtensorStorage.Owner.Get(chain.State, NewHot));
        Assert.Equal((ushort)1, SubtensorStorage.Uids.Get(chain.State, n, NewHot));
        Assert.Equal(NewHot, SubtensorStorage.Keys.Get(chain.State, n, 1));
        Assert.Equal(8091, SubtensorStorage.Axons.Get(chain.State, n, NewHot).Port);
        Assert.Equal([1, 2, 3], SubtensorStorage.NeuronCertificates.Get(chain.State, n, NewHot));
        Assert.Equal(9100, SubtensorStorage.Prometheus.Get(chain.State, n, NewHot).Port);
        Assert.Equal(stakes, new[] { Cold, Staker }.SelectMany(c => new[] { n, NetUid.Root }.Select(m => StakeLedger.Stake(chain.State, NewHot, c, m))).ToArray());
        Assert.Equal(totals, (StakeLedger.HotkeyTotal(chain.State, NewHot, n), StakeLedger.HotkeyTotal(chain.State, NewHot, NetUid.Root)));
        Assert.Equal(rates.Select(r => (r.Key2, r.Value)), SubtensorStorage.RootClaimable.IteratePrefix(chain.State, NewHot).Select(r => (r.Key2, r.Value)));
        Assert.Equal(owed, RootClaims.Owed(chain.State, NewHot, Staker, rates[0].Key2));
        Assert.Contains(NewHot, SubtensorStorage.StakingHotkeys.Get(chain.State, Staker));
        Assert.Equal((ushort)100, SubtensorStorage.ChildkeyTake.Get(chain.State, NewHot, n));
        Assert.Equal((ushort)1_000, SubtensorStorage.Delegates.Get(chain.State, NewHot));
        Assert.Equal(1UL, SubtensorStorage.TransactionKeyLastBlock.Get(chain.State, NewHot, (n, ChildKeys.TxSetChildkeyTake)));
        Assert.Equal([(1_000UL, NewHot)], SubtensorStorage.ChildKeys.Get(chain.State, OwnerHot, n));
        Assert.Equal([(1_000UL, OwnerHot)], SubtensorStorage.ParentKeys.Get(chain.State, NewHot, n));
        Assert.Equal([(5UL, NewHot)], SubtensorStorage.PendingChildKeys.Get(chain.State, n, OwnerHot).Children);
        Assert.False(SubtensorStorage.AutoParentDelegationEnabled.Get(chain.State, NewHot));
        Assert.Equal(NewHot, SubtensorStorage.AutoStakeDestination.Get(chain.State, Staker, n));
        Assert.Equal([Staker], SubtensorStorage.AutoStakeDestinationColdkeys.Get(chain.State, NewHot, n));
        // The cost is recycled: it leaves the coldkey and the issuance counter.
        Assert.Equal(free - KeySwapConstants.KeySwapCost, TaoBalances.Free(chain.State, Cold).Rao);
        Assert.Equal(issuance - KeySwapConstants.KeySwapCost, SubtensorStorage.TotalIssuance.Get(chain.State));
        Assert.Equal(chain.Block, SubtensorStorage.LastTxBlock.Get(chain.State, Cold));
        Assert.Equal(chain.Block, SubtensorStorage.LastHotkeySwapOnNetuid.Get(chain.State, n, Cold));
        chain.AssertInvariants();

        var before = StakeLedger.HotkeyTotal(chain.State, NewHot, n);
        RunBlocks(net, NewHot, 12);
        Assert.True(StakeLedger.HotkeyTotal(chain.State, NewHot, n) > before, "the epoch paid dividends to the new hotkey");
        Assert.True(SubtensorStorage.AlphaDividendsPerSubnet.Get(chain.State, n, NewHot) > 0);
        Assert.Empty(Traces(chain, Hot));
        chain.AssertInvariants();
    }

    [Fact]
    public void HotkeySwap_KeepStake_MovesTheNeuronButLeavesThePositions()
    {
        var net = Live();
        var (chain, n) = (net.Chain, net.Netuid);
        var stake = StakeLedger.Stake(chain.State, Hot, Staker, n);
        Assert.Null(SwapHotkey(net, Cold, Hot, NewHot, keepStake: true));
        Assert.Equal((ushort)1, SubtensorStorage.Uids.Get(chain.State, n, NewHot));
        Assert.False(SubtensorStorage.Uids.Contains(chain.State, n, Hot));
        Assert.Equal(stake, StakeLedger.Stake(chain.State, Hot, Staker, n));
        Assert.Equal(0UL, StakeLedger.HotkeyTotal(chain.State, NewHot, n));
        Assert.True(SubtensorStorage.RootClaimable.IteratePrefix(chain.State, Hot).Any(), "root claims stay with the stake");
        Assert.False(SubtensorStorage.Owner.Contains(chain.State, Hot));
        chain.AssertInvariants();
    }

    [Fact]
    public void HotkeySwap_OnOneSubnet_AfterTheInterval_MovesThatSubnetOnly_AndTheOwnerHotkey()
    {
        var net = Live();
        var (chain, n) = (net.Chain, net.Netuid);
        // The reference gates even a first per-subnet swap by the interval counted from block 0.
        Assert.Equal(DispatchError.HotKeySwapOnSubnetIntervalNotPassed, SwapHotkey(net, Owner, OwnerHot, NewHot, n));
        chain.Block = KeySwapConstants.HotkeySwapOnSubnetInterval + 1;
        var free = TaoBalances.Free(chain.State, Owner).Rao;
        var rootStake = StakeLedger.HotkeyTotal(chain.State, Hot, NetUid.Root);

        Assert.Null(SwapHotkey(net, Owner, OwnerHot, NewHot, n));
        Assert.Equal(NewHot, SubtensorStorage.SubnetOwnerHotkey.Get(chain.State, n));
        Assert.Equal((ushort)0, SubtensorStorage.Uids.Get(chain.State, n, NewHot));
        Assert.Equal([(1_000UL, Hot)], SubtensorStorage.ChildKeys.Get(chain.State, NewHot, n));
        Assert.Equal([(1_000UL, NewHot)], SubtensorStorage.ParentKeys.Get(chain.State, Hot, n));
        Assert.Equal(NewHot, SubtensorStorage.PendingChildKeys.IteratePrefix(chain.State, n).Single().Key2);
        Assert.Equal(free - KeySwapConstants.KeySwapOnSubnetCost, TaoBalances.Free(chain.State, Owner).Rao);
        // The old hotkey keeps its owner (it may still be registered elsewhere); root is untouched.
        Assert.Equal(Owner, SubtensorStorage.Owner.Get(chain.State, OwnerHot));
        Assert.Equal(rootStake, StakeLedger.HotkeyTotal(chain.State, Hot, NetUid.Root));
        Assert.Contains(chain.Events.Events, e => e.Name == "HotkeySwappedOnSubnet" && e["netuid"] == n.Value.ToString());
        Assert.Contains(chain.Events.Events, e => e.Name == "SubnetOwnerHotkeySet");
        chain.AssertInvariants();

        // A second swap on the same subnet waits for the interval (and the coldkey's rate limit first).
        chain.Block += SubtensorStorage.TxRateLimit.Get(chain.State) + 1;
        Assert.Equal(DispatchError.HotKeySwapOnSubnetIntervalNotPassed, SwapHotkey(net, Owner, NewHot, DtaoTestChain.Key(7, 0xA0), n));
    }

    [Fact]
    public void HotkeySwap_EveryRefusal_HasTheReferenceError_AndChangesNothing()
    {
        var net = Live();
        var (chain, n) = (net.Chain, net.Netuid);
        var registered = DtaoTestChain.Key(4, 0xA0);
        new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current)).BurnedRegister(chain.State, Cold, n, registered, chain.Block);
        var rooted = DtaoTestChain.Key(5, 0xA0);
        SubtensorStorage.Owner.Set(chain.State, rooted, Cold);
        chain.Staking.AddStake(chain.State, Cold, rooted, NetUid.Root, 2 * Tao, null, false, chain.Events);
        var poor = DtaoTestChain.Key(6);
        var poorHot = DtaoTestChain.Key(6, 0xA0);
        SubtensorStorage.Owner.Set(chain.State, poorHot, poor);
        TaoBalances.Transfer(chain.State, Staker, poor, new TaoBalance(KeySwapConstants.KeySwapCost - 1), ExistenceRequirement.KeepAlive);
        var almost = DtaoTestChain.Key(7);
        var almostHot = DtaoTestChain.Key(7, 0xA0);
        SubtensorStorage.Owner.Set(chain.State, almostHot, almost);
        TaoBalances.Transfer(chain.State, Staker, almost, new TaoBalance(KeySwapConstants.KeySwapCost + 100), ExistenceRequirement.KeepAlive);

        var before = Dump(chain);
        Assert.Equal(DispatchError.NonAssociatedColdKey, SwapHotkey(net, Staker, Hot, NewHot));
        Assert.Equal(DispatchError.NonAssociatedColdKey, SwapHotkey(net, Cold, Hot, OwnerHot));
        Assert.Equal(DispatchError.NewHotKeyIsSameWithOld, SwapHotkey(net, Cold, Hot, Hot));
        Assert.Equal(DispatchError.HotKeyAlreadyRegisteredInSubNet, SwapHotkey(net, Cold, Hot, registered));
        Assert.Equal(DispatchError.HotKeyAlreadyRegisteredInSubNet, SwapHotkey(net, Cold, Hot, registered, n));
        Assert.Equal(DispatchError.NewHotKeyNotCleanForRootSwap, SwapHotkey(net, Cold, Hot, rooted));
        Assert.Equal(DispatchError.NewHotKeyNotCleanForRootSwap, SwapHotkey(net, Cold, Hot, rooted, NetUid.Root));
        Assert.Equal(DispatchError.NotEnoughBalanceToPaySwapHotKey, SwapHotkey(net, poor, poorHot, NewHot));
        // Enough to cover the cost but not the existential deposit on top: recycle_tao refuses.
        Assert.Equal(DispatchError.InsufficientBalance, SwapHotkey(net, almost, almostHot, NewHot));
        Assert.Equal(DispatchError.BadOrigin, chain.Try(() => RuntimeCalls.CreateTable().Decode(
            [PalletIndices.SubtensorModule, KeySwapCalls.SwapHotkey, .. Hot.AsSpan(), .. NewHot.AsSpan(), 0]).Dispatch(
            new CallContext(chain.State, Origin.Root, new BlockNumber(chain.Block), chain.Events))));
        Assert.Equal(before, Dump(chain));

        // A swap is rate limited per coldkey (TxRateLimit blocks) and per subnet (the cooldown), then allowed again.
        Assert.Null(SwapHotkey(net, Cold, Hot, NewHot));
        var other = DtaoTestChain.Key(8, 0xA0);
        chain.Block += 10;
        before = Dump(chain);
        Assert.Equal(DispatchError.HotKeySetTxRateLimitExceeded, SwapHotkey(net, Cold, NewHot, other));
        // Past the rate limit, the per-subnet cooldown of the subnets it is registered on still applies.
        chain.Block += SubtensorStorage.TxRateLimit.Get(chain.State);
        Assert.Equal(DispatchError.HotKeySwapOnSubnetIntervalNotPassed, SwapHotkey(net, Cold, NewHot, other));
        Assert.Equal(before, Dump(chain));
        chain.Block += KeySwapConstants.HotkeySwapOnSubnetInterval;
        Assert.Null(SwapHotkey(net, Cold, NewHot, other));
        Assert.Empty(Traces(chain, NewHot));
        chain.AssertInvariants();
    }

    [Fact]
    public void ColdkeySwap_Announce_TooEarlyRefused_ThenExecuted_MovesBalanceStakeAndOwnership()
    {
        var net = Live();
        var (chain, n) = (net.Chain, net.Netuid);
        SubtensorStorage.ColdkeySwapAnnouncementDelay.Set(chain.State, 20);
        SubtensorStorage.AutoStakeDestination.Set(chain.State, Cold, n, OwnerHot);
        SubtensorStorage.AutoStakeDestinationColdkeys.Set(chain.State, OwnerHot, n, [Cold]);
        var stakes = new[] { n, NetUid.Root }.Select(m => StakeLedger.Stake(chain.State, Hot, Cold, m)).ToArray();
        var rate = SubtensorStorage.RootClaimable.IteratePrefix(chain.State, Hot).First().Key2;
        var owed = RootClaims.Owed(chain.State, Hot, Cold, rate);

        Assert.Equal(DispatchError.ColdkeySwapAnnouncementNotFound, chain.Try(() => ColdkeySwap.ExecuteAnnounced(chain.State, Cold, NewCold, chain.Block, chain.Events)));
        var free = TaoBalances.Free(chain.State, Cold).Rao;
        Assert.Null(chain.Try(() => ColdkeySwap.Announce(chain.State, Cold, ColdkeySwap.HashOf(NewCold), chain.Block, chain.Events)));
        Assert.Equal(free - KeySwapConstants.KeySwapCost, TaoBalances.Free(chain.State, Cold).Rao);
        var when = SubtensorStorage.ColdkeySwapAnnouncements.Get(chain.State, Cold).When;
        Assert.Equal(chain.Block + 20, when);

        var before = Dump(chain);
        Assert.Equal(DispatchError.ColdkeySwapTooEarly, chain.Try(() => ColdkeySwap.ExecuteAnnounced(chain.State, Cold, NewCold, chain.Block, chain.Events)));
        Assert.Equal(DispatchError.ColdkeySwapReannouncedTooEarly, chain.Try(() => ColdkeySwap.Announce(chain.State, Cold, ColdkeySwap.HashOf(Staker), chain.Block, chain.Events)));
        Assert.Equal(DispatchError.ColdkeySwapClearTooEarly, chain.Try(() => ColdkeySwap.Clear(chain.State, Cold, chain.Block, chain.Events)));
        Assert.Equal(before, Dump(chain));

        chain.Block = when;
        before = Dump(chain);
        Assert.Equal(DispatchError.AnnouncedColdkeyHashDoesNotMatch, chain.Try(() => ColdkeySwap.ExecuteAnnounced(chain.State, Cold, Staker, chain.Block, chain.Events)));
        Assert.Equal(before, Dump(chain));
        var balance = TaoBalances.Free(chain.State, Cold).Rao;
        Assert.Null(chain.Try(() => ColdkeySwap.ExecuteAnnounced(chain.State, Cold, NewCold, chain.Block, chain.Events)));

        Assert.True(Traces(chain, Cold).Count == 0, string.Join("\n", Traces(chain, Cold)));
        Assert.Equal(balance, TaoBalances.Free(chain.State, NewCold).Rao);
        Assert.Equal(stakes, new[] { n, NetUid.Root }.Select(m => StakeLedger.Stake(chain.State, Hot, NewCold, m)).ToArray());
        Assert.Equal(owed, RootClaims.Owed(chain.State, Hot, NewCold, rate));
        Assert.Equal(NewCold, SubtensorStorage.Owner.Get(chain.State, Hot));
        Assert.Equal([Hot], SubtensorStorage.StakingHotkeys.Get(chain.State, NewCold));
        Assert.Equal("cold"u8.ToArray(), SubtensorStorage.IdentitiesV2.Get(chain.State, NewCold).Name);
        Assert.Equal(OwnerHot, SubtensorStorage.AutoStakeDestination.Get(chain.State, NewCold, n));
        Assert.Equal([NewCold], SubtensorStorage.AutoStakeDestinationColdkeys.Get(chain.State, OwnerHot, n));
        Assert.Equal(chain.Block, SubtensorStorage.LastTxBlock.Get(chain.State, NewCold));
        Assert.Contains(chain.Events.Events, e => e.Name == "ColdkeySwapped" && e["new_coldkey"] == NewCold.ToHex());
        chain.AssertInvariants();
        RunBlocks(net, Hot, 6);
        chain.AssertInvariants();
    }

    [Fact]
    public void ColdkeySwap_ByRoot_MovesSubnetOwnership_AndRefusesUsedOrHotkeyTargets()
    {
        var net = Live();
        var (chain, n) = (net.Chain, net.Netuid);
        var before = Dump(chain);
        Assert.Equal(DispatchError.ColdKeyAlreadyAssociated, chain.Try(() => ColdkeySwap.RootSwap(chain.State, Owner, Staker, 0, chain.Block, chain.Events)));
        Assert.Equal(DispatchError.NewColdKeyIsHotkey, chain.Try(() => ColdkeySwap.RootSwap(chain.State, Owner, OwnerHot, 0, chain.Block, chain.Events)));
        Assert.Equal(DispatchError.NotEnoughBalanceToPaySwapColdKey, chain.Try(() => ColdkeySwap.RootSwap(chain.State, Owner, NewCold, ulong.MaxValue, chain.Block, chain.Events)));
        Assert.Equal(before, Dump(chain));

        Assert.Null(chain.Try(() => ColdkeySwap.Announce(chain.State, Owner, ColdkeySwap.HashOf(NewCold), chain.Block, chain.Events)));
        Assert.Null(chain.Try(() => ColdkeySwap.RootSwap(chain.State, Owner, NewCold, Tao, chain.Block, chain.Events)));
        Assert.Equal(NewCold, SubtensorStorage.SubnetOwner.Get(chain.State, n));
        Assert.Equal(NewCold, SubtensorStorage.Owner.Get(chain.State, OwnerHot));
        Assert.False(SubtensorStorage.ColdkeySwapAnnouncements.Contains(chain.State, Owner));
        Assert.Empty(Traces(chain, Owner));
        chain.AssertInvariants();
    }

    [Fact]
    public void Guard_AnAnnouncedColdkey_MayOnlySwap_ADisputedOneNothing_UntilRootResets()
    {
        var net = Live();
        var chain = net.Chain;
        var table = RuntimeCalls.CreateTable();
        var addStake = table.Find("SubtensorModule", "add_stake")!;
        var transfer = table.Find("Balances", "transfer_keep_alive")!;
        var execute = table.Find("SubtensorModule", "swap_coldkey_announced")!;
        DispatchError? Guard(CallDescriptor d) => chain.Try(() => ColdkeySwapGuard.Check(chain.State, Cold, d));

        Assert.Null(Guard(addStake));
        Assert.Null(chain.Try(() => ColdkeySwap.Announce(chain.State, Cold, ColdkeySwap.HashOf(NewCold), chain.Block, chain.Events)));
        Assert.Equal(DispatchError.ColdkeySwapAnnounced, Guard(addStake));
        Assert.Equal(DispatchError.ColdkeySwapAnnounced, Guard(transfer));
        Assert.Null(Guard(execute));
        Assert.Null(Guard(table.Find("SubtensorModule", "dispute_coldkey_swap")!));
        Assert.Null(chain.Try(() => ColdkeySwapGuard.Check(chain.State, Staker, addStake)));

        Assert.Null(chain.Try(() => ColdkeySwap.Dispute(chain.State, Cold, chain.Block, chain.Events)));
        Assert.Equal(DispatchError.ColdkeySwapAlreadyDisputed, chain.Try(() => ColdkeySwap.Dispute(chain.State, Cold, chain.Block, chain.Events)));
        Assert.Equal(DispatchError.ColdkeySwapDisputed, Guard(execute));
        Assert.Equal(DispatchError.ColdkeySwapDisputed, Guard(addStake));

        ColdkeySwap.Reset(chain.State, Cold, chain.Events);
        Assert.Null(Guard(addStake));
        Assert.Equal(DispatchError.ColdkeySwapAnnouncementNotFound, chain.Try(() => ColdkeySwap.Dispute(chain.State, Cold, chain.Block, chain.Events)));
    }

    [Fact]
    public void ColdkeySwap_Clear_AfterTheReannouncementDelay_AndReannounceIsFree()
    {
        var net = Live();
        var chain = net.Chain;
        Assert.Null(chain.Try(() => ColdkeySwap.Announce(chain.State, Cold, ColdkeySwap.HashOf(NewCold), chain.Block, chain.Events)));
        var when = SubtensorStorage.ColdkeySwapAnnouncements.Get(chain.State, Cold).When;
        chain.Block = when + KeySwapConstants.DefaultReannouncementDelay;
        var free = TaoBalances.Free(chain.State, Cold).Rao;
        Assert.Null(chain.Try(() => ColdkeySwap.Announce(chain.State, Cold, ColdkeySwap.HashOf(Staker), chain.Block, chain.Events)));
        Assert.Equal(free, TaoBalances.Free(chain.State, Cold).Rao);
        Assert.Equal(ColdkeySwap.HashOf(Staker), SubtensorStorage.ColdkeySwapAnnouncements.Get(chain.State, Cold).NewColdkeyHash);
        chain.Block = SubtensorStorage.ColdkeySwapAnnouncements.Get(chain.State, Cold).When + KeySwapConstants.DefaultReannouncementDelay;
        Assert.Null(chain.Try(() => ColdkeySwap.Clear(chain.State, Cold, chain.Block, chain.Events)));
        Assert.False(SubtensorStorage.ColdkeySwapAnnouncements.Contains(chain.State, Cold));
        Assert.Contains(chain.Events.Events, e => e.Name == "ColdkeySwapCleared");
    }
}
