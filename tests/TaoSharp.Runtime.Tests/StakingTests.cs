using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Tests;

public sealed class StakingTests
{
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);
    private static readonly AccountId Alice = DtaoTestChain.Key(2);
    private static readonly AccountId Bob = DtaoTestChain.Key(3);

    [Fact]
    public void AddStake_BuysThroughThePool_AndCreditsTheSharePool()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var freeBefore = TaoBalances.Free(chain.State, Alice).Rao;
        var taoBefore = SubtensorStorage.SubnetTAO.Get(chain.State, n);

        var alpha = chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 1_000_000_000, null, false, chain.Events);

        // Pool 100 TAO / 100 α at price 1, w = 0.5: a 1 TAO buy pays a fee of ⌊1e9·33/65535⌋ = 503 547 RAO.
        Assert.Equal(freeBefore - 1_000_000_000, TaoBalances.Free(chain.State, Alice).Rao);
        Assert.Equal(taoBefore + 1_000_000_000 - 503_547, SubtensorStorage.SubnetTAO.Get(chain.State, n));
        Assert.Equal(alpha, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
        Assert.Equal(alpha, SubtensorStorage.SubnetAlphaOut.Get(chain.State, n));
        Assert.Contains(chain.Events.Events, e => e.Name == "StakeAdded" && e["alpha"] == alpha.ToString() && e["fee"] == "503547");
        chain.AssertInvariants();
    }

    [Fact]
    public void RemoveStake_SellsBack_ClosingThePosition()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var alpha = chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 5_000_000_000, null, false, chain.Events);
        var tao = chain.Staking.RemoveStake(chain.State, Alice, OwnerHot, n, alpha, null, false, chain.Events);

        Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
        Assert.True(tao < 5_000_000_000 && tao > 4_990_000_000, tao.ToString());
        chain.AssertInvariants();
    }

    [Fact]
    public void RootStake_IsOneToOne_WithoutFee()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        chain.OpenSubnet(Owner, OwnerHot);
        var alpha = chain.Staking.AddStake(chain.State, Alice, OwnerHot, NetUid.Root, 3_000_000_000, null, false, chain.Events);
        Assert.Equal(3_000_000_000UL, alpha);
        Assert.Equal(3_000_000_000UL, SubtensorStorage.SubnetTAO.Get(chain.State, NetUid.Root));
        Assert.Equal(3_000_000_000UL, StakeView.Instance.RootStake(chain.State, OwnerHot));
        chain.AssertInvariants();
    }

    [Fact]
    public void FailedStake_ChangesNothing()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        var before = TaoBalances.Free(chain.State, Alice).Rao;
        Assert.Equal(DispatchError.AmountTooLow, chain.Try(() => chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 1_000, null, false, chain.Events)));
        Assert.Equal(DispatchError.HotKeyAccountNotExists, chain.Try(() => chain.Staking.AddStake(chain.State, Alice, Bob, n, 1_000_000_000, null, false, chain.Events)));
        Assert.Equal(DispatchError.SubnetNotExists, chain.Try(() => chain.Staking.AddStake(chain.State, Alice, OwnerHot, new NetUid(9), 1_000_000_000, null, false, chain.Events)));
        Assert.Equal(DispatchError.NotEnoughBalanceToStake, chain.Try(() => chain.Staking.AddStake(chain.State, Bob, OwnerHot, n, 1_000_000_000, null, false, chain.Events)));
        Assert.Equal(before, TaoBalances.Free(chain.State, Alice).Rao);
        Assert.Equal(0UL, SubtensorStorage.SubnetAlphaOut.Get(chain.State, n));
        Assert.DoesNotContain(chain.Events.Events, e => e.Name == "StakeAdded");
        chain.AssertInvariants();
    }

    [Fact]
    public void AddStakeLimit_FillOrKill_AndPartial()
    {
        var chain = new DtaoTestChain(Owner, Alice);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        // Price 1.0; a limit of 1.01 TAO/α admits only about 0.5 % of the 100 TAO reserve.
        Assert.Equal(DispatchError.SlippageTooHigh,
            chain.Try(() => chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 10_000_000_000, 1_010_000_000, false, chain.Events)));
        var alpha = chain.Staking.AddStake(chain.State, Alice, OwnerHot, n, 10_000_000_000, 1_010_000_000, true, chain.Events);
        Assert.InRange(alpha, 400_000_000UL, 600_000_000UL);
        Assert.True(chain.Staking.Pools.Price(chain.State, n) <= Math.U64F64.Parse("1.01"));
        chain.AssertInvariants();
    }

    [Fact]
    public void MoveTransferSwap_KeepTheBooks()
    {
        var chain = new DtaoTestChain(Owner, Alice, Bob);
        var n1 = chain.OpenSubnet(Owner, OwnerHot);
        var otherHot = DtaoTestChain.Key(5, 0xA0);
        var n2 = chain.OpenSubnet(Owner, otherHot);
        var alpha = chain.Staking.AddStake(chain.State, Alice, OwnerHot, n1, 10_000_000_000, null, false, chain.Events);

        chain.Staking.MoveStake(chain.State, Alice, OwnerHot, otherHot, n1, n1, alpha / 4, chain.Events);
        Assert.Equal(alpha / 4, StakeLedger.Stake(chain.State, otherHot, Alice, n1));
        chain.Staking.TransferStake(chain.State, Alice, Bob, OwnerHot, n1, n1, alpha / 4, chain.Events);
        Assert.Equal(alpha / 4, StakeLedger.Stake(chain.State, OwnerHot, Bob, n1));
        chain.Staking.SwapStake(chain.State, Alice, OwnerHot, n1, n2, alpha / 4, null, false, chain.Events);
        Assert.True(StakeLedger.Stake(chain.State, OwnerHot, Alice, n2) > 0);
        Assert.Equal(DispatchError.SameNetuid, chain.Try(() => chain.Staking.SwapStake(chain.State, Alice, OwnerHot, n1, n1, 1, null, false, chain.Events)));
        chain.AssertInvariants();

        chain.Staking.UnstakeAllAlpha(chain.State, Alice, OwnerHot, chain.Events);
        Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n1));
        Assert.True(StakeLedger.Stake(chain.State, OwnerHot, Alice, NetUid.Root) > 0);
        chain.AssertInvariants();
    }

    [Fact]
    public void SharePool_DividendsGrowEveryStakerProRata()
    {
        // share_pool.json: two coldkeys stake 1e11 each... here: (1e11, 1e11) then +1e12 to all → 6e11 each.
        var chain = new DtaoTestChain(Owner);
        var n = new NetUid(1);
        StakeLedger.Increase(chain.State, OwnerHot, Alice, n, 100_000_000_000);
        StakeLedger.Increase(chain.State, OwnerHot, Bob, n, 100_000_000_000);
        StakeLedger.Decrease(chain.State, OwnerHot, Alice, n, 1_000_000_000);
        StakeLedger.Decrease(chain.State, OwnerHot, Bob, n, 1_000_000_000);
        Assert.True(StakeLedger.IncreaseForAll(chain.State, OwnerHot, n, 1_000_000_000_000));
        Assert.Equal(599_000_000_000UL, StakeLedger.Stake(chain.State, OwnerHot, Alice, n));
        Assert.Equal(599_000_000_000UL, StakeLedger.Stake(chain.State, OwnerHot, Bob, n));
    }
}
