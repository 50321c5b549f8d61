using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests;

/// <summary>set_children (each rule and its error), the pending schedule, childkey take, root_register, recycle/burn_alpha
/// and the root claim types. Every refusal is checked to change nothing.</summary>
public sealed class ChildKeyAndRootTests
{
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId Cold = DtaoTestChain.Key(2);
    private static readonly AccountId Parent = DtaoTestChain.Key(2, 0xA0);
    private static readonly AccountId ChildA = DtaoTestChain.Key(3, 0xA0);
    private static readonly AccountId ChildB = DtaoTestChain.Key(4, 0xA0);

    private static (DtaoTestChain Chain, NetUid Netuid) Setup()
    {
        var chain = new DtaoTestChain(Owner, Cold, DtaoTestChain.Key(3), DtaoTestChain.Key(4));
        var n = chain.OpenSubnet(Owner, DtaoTestChain.Key(1, 0xA0));
        SubtensorStorage.Owner.Set(chain.State, Parent, Cold);
        SubtensorStorage.Owner.Set(chain.State, ChildA, DtaoTestChain.Key(3));
        SubtensorStorage.Owner.Set(chain.State, ChildB, DtaoTestChain.Key(4));
        return (chain, n);
    }

    private static DispatchError? SetChildren(DtaoTestChain chain, NetUid n, AccountId coldkey, AccountId hotkey, params (ulong, AccountId)[] children) =>
        chain.Try(() => ChildKeys.Schedule(chain.State, chain.Staking.Pools, coldkey, hotkey, n, children, chain.Block, chain.Events));

    private static string Books(DtaoTestChain chain, NetUid n) =>
        string.Join(";", SubtensorStorage.PendingChildKeys.IteratePrefix(chain.State, n).Select(e => $"{e.Key2.ToHex()}:{e.Value.CooldownBlock}:{e.Value.Children.Length}"))
        + "|" + SubtensorStorage.TransactionKeyLastBlock.Get(chain.State, Parent, (n, ChildKeys.TxSetChildren));

    [Fact]
    public void SetChildren_EveryRule_HasItsError_AndChangesNothing()
    {
        var (chain, n) = Setup();
        var before = Books(chain, n);
        Assert.Equal(DispatchError.RegistrationNotPermittedOnRootSubnet, SetChildren(chain, NetUid.Root, Cold, Parent, (1, ChildA)));
        Assert.Equal(DispatchError.SubnetNotExists, SetChildren(chain, new NetUid(77), Cold, Parent, (1, ChildA)));
        Assert.Equal(DispatchError.NonAssociatedColdKey, SetChildren(chain, n, Owner, Parent, (1, ChildA)));
        Assert.Equal(DispatchError.DuplicateChild, SetChildren(chain, n, Cold, Parent, (1, ChildA), (2, ChildA)));
        Assert.Equal(DispatchError.InvalidChild, SetChildren(chain, n, Cold, Parent, (1, Parent)));
        var six = Enumerable.Range(10, 6).Select(i => (1UL, DtaoTestChain.Key(i, 0xA0))).ToArray();
        Assert.Equal(DispatchError.TooManyChildren, SetChildren(chain, n, Cold, Parent, six));
        Assert.Equal(DispatchError.ProportionOverflow, SetChildren(chain, n, Cold, Parent, (ulong.MaxValue, ChildA), (1, ChildB)));
        SubtensorStorage.StakeThreshold.Set(chain.State, 1_000_000_000);
        Assert.Equal(DispatchError.NotEnoughStakeToSetChildkeys, SetChildren(chain, n, Cold, Parent, (1, ChildA)));
        Assert.Equal(before, Books(chain, n));

        // The owner hotkey is exempt from the stake threshold; an empty list needs no stake.
        Assert.Null(SetChildren(chain, n, Cold, Parent));
        SubtensorStorage.StakeThreshold.Set(chain.State, 0);
    }

    [Fact]
    public void SetChildren_IsRateLimited_Scheduled_ThenAppliedAfterTheCooldownAtAnEpoch()
    {
        var (chain, n) = Setup();
        Assert.Null(SetChildren(chain, n, Cold, Parent, (ulong.MaxValue / 2, ChildA), (ulong.MaxValue / 4, ChildB)));
        Assert.Empty(SubtensorStorage.ChildKeys.Get(chain.State, Parent, n));
        var (_, cooldown) = SubtensorStorage.PendingChildKeys.Get(chain.State, n, Parent);
        Assert.Equal(chain.Block + 7_200, cooldown);
        Assert.Equal(DispatchError.TxRateLimitExceeded, SetChildren(chain, n, Cold, Parent, (1, ChildA)));

        // Not before the cooldown has passed.
        ChildKeys.ApplyPending(chain.State, n, cooldown, chain.Events);
        Assert.Empty(SubtensorStorage.ChildKeys.Get(chain.State, Parent, n));
        ChildKeys.ApplyPending(chain.State, n, cooldown + 1, chain.Events);
        Assert.Equal(2, SubtensorStorage.ChildKeys.Get(chain.State, Parent, n).Length);
        Assert.Equal([(ulong.MaxValue / 2, Parent)], SubtensorStorage.ParentKeys.Get(chain.State, ChildA, n));
        Assert.False(SubtensorStorage.PendingChildKeys.Contains(chain.State, n, Parent));

        // A child cannot make its parent its own child (no 2-cycles).
        SubtensorStorage.Owner.Set(chain.State, ChildA, Cold);
        Assert.Equal(DispatchError.ChildParentInconsistency, SetChildren(chain, n, Cold, ChildA, (1, Parent)));

        // Replacing the children removes the parent link of the dropped child.
        chain.Block += ChildKeys.SetChildrenRateLimit;
        Assert.Null(SetChildren(chain, n, Cold, Parent, (5, ChildB)));
        ChildKeys.ApplyPending(chain.State, n, chain.Block + 7_201, chain.Events);
        Assert.Empty(SubtensorStorage.ParentKeys.Get(chain.State, ChildA, n));
        Assert.Equal([(5UL, Parent)], SubtensorStorage.ParentKeys.Get(chain.State, ChildB, n));

        // Dissolution takes the relations with the subnet.
        TaoSharp.Runtime.Subnets.NetworkDissolution.Dissolve(chain.State, n, chain.Events);
        Assert.Empty(SubtensorStorage.ChildKeys.Get(chain.State, Parent, n));
        Assert.Empty(SubtensorStorage.ParentKeys.Get(chain.State, ChildB, n));
        Assert.Equal(0UL, SubtensorStorage.TransactionKeyLastBlock.Get(chain.State, Parent, (n, ChildKeys.TxSetChildren)));
    }

    [Fact]
    public void InheritedStake_MovesLentStakeToTheChild()
    {
        var (chain, n) = Setup();
        StakeLedger.Increase(chain.State, Parent, Cold, n, 1_000_000_000);
        StakeLedger.Increase(chain.State, Parent, Cold, NetUid.Root, 400_000_000);
        Assert.Null(SetChildren(chain, n, Cold, Parent, (ulong.MaxValue / 4, ChildA)));
        ChildKeys.ApplyPending(chain.State, n, chain.Block + 7_201, chain.Events);

        var view = StakeView.OnSubnet(n);
        Assert.Equal(750_000_000UL, view.AlphaStake(chain.State, n, Parent));
        Assert.Equal(249_999_999UL, view.AlphaStake(chain.State, n, ChildA)); // ⌊1e9 · ⌊(2^64−1)/4⌋/(2^64−1)⌋ in U96F32
        Assert.Equal(300_000_000UL, view.RootStake(chain.State, Parent));
        Assert.Equal(400_000_000UL, StakeView.Instance.RootStake(chain.State, Parent)); // no subnet: own root stake
    }

    [Fact]
    public void ChildkeyTake_Bounds_RateLimitOnIncreases()
    {
        var (chain, n) = Setup();
        DispatchError? Set(AccountId coldkey, ushort take) => chain.Try(() => ChildkeyTakes.Set(chain.State, coldkey, Parent, n, take, chain.Block, chain.Events));
        Assert.Equal(DispatchError.NonAssociatedColdKey, Set(Owner, 10));
        Assert.Equal(DispatchError.InvalidChildkeyTake, Set(Cold, 11_797));
        SubtensorStorage.MinChildkeyTakePerSubnet.Set(chain.State, n, 100);
        Assert.Equal(DispatchError.InvalidChildkeyTake, Set(Cold, 99));
        Assert.Equal((ushort)100, ChildkeyTakes.Get(chain.State, Parent, n)); // the effective minimum applies to unset takes
        Assert.Null(Set(Cold, 5_000));
        Assert.Equal(DispatchError.TxChildkeyTakeRateLimitExceeded, Set(Cold, 6_000));
        Assert.Null(Set(Cold, 4_000)); // decreases are not rate limited
        chain.Block += 216_000;
        Assert.Null(Set(Cold, 11_796));
        Assert.Equal((ushort)11_796, ChildkeyTakes.Get(chain.State, Parent, n));
    }

    [Fact]
    public void RootRegister_AppendsUpTo64_ThenReplacesTheLowestStakeOnlyWhenStrictlyHigher()
    {
        var (chain, _) = Setup();
        SubtensorStorage.MaxAllowedUids.Set(chain.State, NetUid.Root, 2);
        ushort Reg(int id)
        {
            SubtensorStorage.RegistrationsThisBlock.Set(chain.State, NetUid.Root, 0);
            return RootRegistration.Register(chain.State, DtaoTestChain.Key(id), DtaoTestChain.Key(id, 0xB0), chain.Block, chain.Events);
        }

        StakeLedger.Increase(chain.State, DtaoTestChain.Key(10, 0xB0), DtaoTestChain.Key(10), NetUid.Root, 500);
        StakeLedger.Increase(chain.State, DtaoTestChain.Key(11, 0xB0), DtaoTestChain.Key(11), NetUid.Root, 300);
        Assert.Equal((ushort)0, Reg(10));
        Assert.Equal(DispatchError.TooManyRegistrationsThisBlock,
            chain.Try(() => RootRegistration.Register(chain.State, DtaoTestChain.Key(11), DtaoTestChain.Key(11, 0xB0), chain.Block, chain.Events)));
        Assert.Equal((ushort)1, Reg(11));
        Assert.Equal(DispatchError.HotKeyAlreadyRegisteredInSubNet, chain.Try(() => Reg(11)));

        // Full: a newcomer with equal stake to the lowest (300) is refused; a higher one replaces UID 1.
        StakeLedger.Increase(chain.State, DtaoTestChain.Key(12, 0xB0), DtaoTestChain.Key(12), NetUid.Root, 300);
        Assert.Equal(DispatchError.StakeTooLowForRoot, chain.Try(() => Reg(12)));
        Assert.False(SubtensorStorage.Owner.Contains(chain.State, DtaoTestChain.Key(12, 0xB0)));
        StakeLedger.Increase(chain.State, DtaoTestChain.Key(12, 0xB0), DtaoTestChain.Key(12), NetUid.Root, 1);
        Assert.Equal((ushort)1, Reg(12));
        Assert.Equal(DtaoTestChain.Key(12, 0xB0), SubtensorStorage.Keys.Get(chain.State, NetUid.Root, 1));
        Assert.False(SubtensorStorage.Uids.Contains(chain.State, NetUid.Root, DtaoTestChain.Key(11, 0xB0)));
        Assert.Equal(StakingConstants.DefaultDelegateTake, SubtensorStorage.Delegates.Get(chain.State, DtaoTestChain.Key(12, 0xB0)));
        Assert.Equal((ushort)64, new DtaoTestChain().Let(c => SubtensorStorage.MaxAllowedUids.Get(c.State, NetUid.Root)));
    }

    [Fact]
    public void RecycleAndBurnAlpha_LowerIssuanceOrNot_AndRefuseRoot()
    {
        var (chain, n) = Setup();
        chain.Staking.AddStake(chain.State, Cold, Parent, n, 10_000_000_000, null, false, chain.Events);
        var stake = StakeLedger.Stake(chain.State, Parent, Cold, n);
        var outBefore = SubtensorStorage.SubnetAlphaOut.Get(chain.State, n);

        Assert.Equal(1_000UL, AlphaBurns.Recycle(chain.State, Cold, Parent, 1_000, n, chain.Events));
        Assert.Equal(outBefore - 1_000, SubtensorStorage.SubnetAlphaOut.Get(chain.State, n));
        Assert.Equal(2_000UL, AlphaBurns.Burn(chain.State, Cold, Parent, 2_000, n, chain.Events));
        Assert.Equal(outBefore - 1_000, SubtensorStorage.SubnetAlphaOut.Get(chain.State, n)); // burned alpha stays issued
        Assert.Equal(stake - 3_000, StakeLedger.Stake(chain.State, Parent, Cold, n));
        chain.AssertInvariants();

        // Clipped to the position; root and unknown hotkeys refused.
        Assert.Equal(stake - 3_000, AlphaBurns.Burn(chain.State, Cold, Parent, ulong.MaxValue, n, chain.Events));
        Assert.Equal(DispatchError.CannotBurnOrRecycleOnRootSubnet, chain.Try(() => AlphaBurns.Recycle(chain.State, Cold, Parent, 1, NetUid.Root, chain.Events)));
        Assert.Equal(DispatchError.HotKeyAccountNotExists, chain.Try(() => AlphaBurns.Recycle(chain.State, Cold, DtaoTestChain.Key(99, 0xA0), 1, n, chain.Events)));
        Assert.Equal(DispatchError.SubnetNotExists, chain.Try(() => AlphaBurns.Burn(chain.State, Cold, Parent, 1, new NetUid(55), chain.Events)));
        chain.AssertInvariants();
    }

    [Fact]
    public void ClaimRoot_SwapSellsForRootStake_KeepSubnetsKeepsOnlyListed()
    {
        var (chain, n) = Setup();
        var hot = DtaoTestChain.Key(1, 0xA0);
        chain.Staking.AddStake(chain.State, Cold, hot, NetUid.Root, 2_000_000_000, null, false, chain.Events);
        chain.Staking.AddStake(chain.State, Owner, hot, n, 10_000_000_000, null, false, chain.Events);
        // Dividends as the distribution credits them: α kept aside in the unclaimed bucket.
        SubtensorStorage.SubnetAlphaOut.Mutate(chain.State, n, v => v + 1_000_000_000);
        RootClaims.Accrue(chain.State, hot, Owner, n, 1_000_000_000);
        chain.AssertInvariants();
        var rootBefore = StakeLedger.Stake(chain.State, hot, Cold, NetUid.Root);
        var poolTaoBefore = SubtensorStorage.SubnetTAO.Get(chain.State, n);

        Assert.Equal(RootClaimKind.Swap, SubtensorStorage.RootClaimType.Get(chain.State, Cold).Kind); // the default
        RootClaims.Claim(chain.State, chain.Staking.Pools, Cold, [n], chain.Events);

        var gained = StakeLedger.Stake(chain.State, hot, Cold, NetUid.Root) - rootBefore;
        Assert.True(gained > 0);
        Assert.Equal(poolTaoBefore - gained, SubtensorStorage.SubnetTAO.Get(chain.State, n));
        Assert.Equal(gained, SubtensorStorage.SubnetRootSellTao.Get(chain.State, n));
        Assert.Equal(0UL, RootClaims.Owed(chain.State, hot, Cold, n)); // the new root stake did not make anything owed
        chain.AssertInvariants();

        Assert.Equal(DispatchError.InvalidSubnetNumber, chain.Try(() => RootClaims.SetClaimType(chain.State, Cold, RootClaimType.KeepSubnets([]), chain.Events)));
        RootClaims.SetClaimType(chain.State, Cold, RootClaimType.KeepSubnets([n]), chain.Events);
        Assert.False(SubtensorStorage.RootClaimType.Get(chain.State, Cold).Swaps(n));
        Assert.True(SubtensorStorage.RootClaimType.Get(chain.State, Cold).Swaps(new NetUid(9)));
        Assert.Equal(DispatchError.InvalidRootClaimThreshold, chain.Try(() => RootClaims.SetThreshold(chain.State, n, 10_000_001)));
        Assert.Equal(DispatchError.InvalidNumRootClaim, chain.Try(() => RootClaims.SetNumRootClaims(chain.State, 51)));
    }

    [Fact]
    public void NewSubnet_RootValidatorsBecomeParentsOfTheOwnerHotkey_UnlessTheyOptedOut()
    {
        var chain = new DtaoTestChain(Owner, Cold, DtaoTestChain.Key(3));
        var (v1, v2) = (DtaoTestChain.Key(2, 0xB0), DtaoTestChain.Key(3, 0xB0));
        RootRegistration.Register(chain.State, Cold, v1, chain.Block, chain.Events);
        SubtensorStorage.RegistrationsThisBlock.Set(chain.State, NetUid.Root, 0);
        RootRegistration.Register(chain.State, DtaoTestChain.Key(3), v2, chain.Block, chain.Events);
        Assert.Equal(DispatchError.NonAssociatedColdKey, chain.Try(() => ChildKeys.SetAutoParentDelegation(chain.State, Cold, v2, false, chain.Events)));
        SubtensorStorage.Owner.Set(chain.State, Parent, Cold);
        Assert.Equal(DispatchError.HotKeyNotRegisteredInSubNet, chain.Try(() => ChildKeys.SetAutoParentDelegation(chain.State, Cold, Parent, false, chain.Events)));
        ChildKeys.SetAutoParentDelegation(chain.State, DtaoTestChain.Key(3), v2, false, chain.Events);

        var ownerHot = DtaoTestChain.Key(1, 0xA0);
        var n = chain.Networks.Register(chain.State, Owner, ownerHot, chain.Block, chain.Events);

        // Subtoken not yet enabled: the schedule applies at once.
        Assert.Equal([(ulong.MaxValue, v1)], SubtensorStorage.ParentKeys.Get(chain.State, ownerHot, n));
        Assert.Equal([(ulong.MaxValue, ownerHot)], SubtensorStorage.ChildKeys.Get(chain.State, v1, n));
        Assert.Empty(SubtensorStorage.ChildKeys.Get(chain.State, v2, n));
    }

    [Fact]
    public void RootClaimType_Codec_RoundTripsAndRejectsBadInput()
    {
        foreach (var t in new[] { RootClaimType.Swap, RootClaimType.Keep, RootClaimType.KeepSubnets([new NetUid(3), new NetUid(1)]) })
        {
            var w = new TaoSharp.Primitives.Scale.ScaleWriter();
            RootClaimType.Codec.Encode(w, t);
            var bytes = w.ToArray();
            var r = new TaoSharp.Primitives.Scale.ScaleReader(bytes);
            Assert.Equal(t, RootClaimType.Codec.Decode(ref r));
        }

        Assert.Throws<TaoSharp.Primitives.Scale.ScaleDecodeException>(() => Decode([3]));
        Assert.Throws<TaoSharp.Primitives.Scale.ScaleDecodeException>(() => Decode([2, 8, 3, 0, 1, 0])); // not ascending
    }

    private static RootClaimType Decode(byte[] bytes)
    {
        var r = new TaoSharp.Primitives.Scale.ScaleReader(bytes);
        return RootClaimType.Codec.Decode(ref r);
    }
}

internal static class TestExtensions
{
    public static T Let<TIn, T>(this TIn value, Func<TIn, T> f) => f(value);
}
