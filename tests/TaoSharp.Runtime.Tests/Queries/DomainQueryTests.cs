using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Queries;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests.Queries;

/// <summary>The read models of Runtime/Queries against a subnet built through the real runtime functions.</summary>
public sealed class DomainQueryTests
{
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);
    private static readonly AccountId Staker = DtaoTestChain.Key(2);
    private static readonly AccountId Miner = DtaoTestChain.Key(3);

    private readonly DtaoTestChain _chain = new(Owner, Staker, Miner);
    private readonly NetUid _net;
    private readonly AccountId[] _minerHotkeys = [DtaoTestChain.Key(10, 0xA0), DtaoTestChain.Key(11, 0xA0), DtaoTestChain.Key(12, 0xA0)];
    private readonly SubnetQueries _subnets = new(EconomicsProfile.Current);
    private readonly NeuronQueries _neurons = new(EconomicsProfile.Current);

    public DomainQueryTests()
    {
        _net = _chain.OpenSubnet(Owner, OwnerHot);
        var registration = new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current));
        foreach (var hk in _minerHotkeys)
            Assert.Null(_chain.Try(() => registration.BurnedRegister(_chain.State, Miner, _net, hk, _chain.Block)));
        Assert.Null(_chain.Try(() => _chain.Staking.AddStake(_chain.State, Staker, _minerHotkeys[1], _net, 50_000_000_000, null, false, _chain.Events)));
        Assert.Null(_chain.Try(() => _chain.Staking.AddStake(_chain.State, Staker, _minerHotkeys[1], NetUid.Root, 20_000_000_000, null, false, _chain.Events)));
        SubtensorStorage.Axons.Set(_chain.State, _net, _minerHotkeys[0], new AxonInfo(7, 1, 0x7F000001, 8091, 4, 0, 0, 0));
        SubtensorStorage.Weights.Set(_chain.State, _net.Value, 1, [(0, 100), (2, 0), (3, 65535)]);
        SubtensorStorage.Bonds.Set(_chain.State, _net.Value, 1, [(3, 500)]);
    }

    [Fact]
    public void Subnet_info_reports_owner_size_and_registration_price_and_null_for_unknown_subnets()
    {
        var info = _subnets.Info(_chain.State, _net)!;
        Assert.Equal(Owner, info.OwnerColdkey);
        Assert.Equal(OwnerHot, info.OwnerHotkey);
        Assert.Equal(4, info.SubnetworkN); // owner UID 0 + three miners
        Assert.Equal(SubtensorStorage.Burn.Get(_chain.State, _net), info.Burn);
        Assert.Equal(SubnetQueries.BurnCost(_chain.State, _net), info.Burn);
        Assert.True(info.SubtokenEnabled);
        Assert.Equal("α", info.Symbol);
        Assert.Null(_subnets.Info(_chain.State, new NetUid(77)));
        Assert.Null(SubnetQueries.BurnCost(_chain.State, new NetUid(77)));
        Assert.Equal([0, _net.Value], _subnets.AllInfos(_chain.State).Select(i => (int)i.Netuid));
    }

    [Fact]
    public void Hyperparams_follow_storage_and_the_effective_activity_cutoff()
    {
        SubtensorStorage.Kappa.Set(_chain.State, _net, 1234);
        SubtensorStorage.ActivityCutoffFactorMilli.Set(_chain.State, _net, 5_000);
        var h = _subnets.Hyperparams(_chain.State, _net)!;
        Assert.Equal(1234, h.Kappa);
        Assert.Equal(10, h.Tempo);
        Assert.Equal(50UL, h.ActivityCutoff); // 5000 · 10 / 1000
        Assert.True(h.Yuma3Enabled);
        Assert.Null(_subnets.Hyperparams(_chain.State, new NetUid(9)));
    }

    [Fact]
    public void Dynamic_info_reads_the_pool_and_prices_it_with_the_pool_model()
    {
        var d = _subnets.Dynamic(_chain.State, _net, _chain.Block + 5)!;
        Assert.Equal(SubtensorStorage.SubnetTAO.Get(_chain.State, _net), d.TaoIn);
        Assert.Equal(SubtensorStorage.SubnetAlphaIn.Get(_chain.State, _net), d.AlphaIn);
        Assert.Equal(SubtensorStorage.SubnetAlphaOut.Get(_chain.State, _net), d.AlphaOut);
        var price = new SubnetPools(EconomicsProfile.Current).Price(_chain.State, _net);
        Assert.Equal(price, d.Price);
        Assert.Equal(price.SaturatingMul(Math.U64F64.FromUInt(1_000_000_000UL)).SaturatingToU64(), d.PriceRao);
        Assert.Equal("weighted", d.PoolModel);
        Assert.NotNull(d.QuoteWeight);
        Assert.Equal(_chain.Block + 5, d.BlocksSinceLastStep + d.LastStep);
        var root = _subnets.Dynamic(_chain.State, NetUid.Root, _chain.Block)!;
        Assert.Equal("stable", root.PoolModel);
        Assert.Null(root.QuoteWeight);
    }

    [Fact]
    public void Metagraph_vectors_are_indexed_by_uid_with_epoch_stakes_and_axons()
    {
        var g = _neurons.Metagraph(_chain.State, _net, _chain.Block, full: false)!;
        Assert.Equal(4, g.N);
        Assert.Equal([OwnerHot, .. _minerHotkeys], g.State.Hotkeys);
        Assert.Equal([Owner, Miner, Miner, Miner], g.State.Coldkeys);
        var hk = _minerHotkeys[1];
        var alpha = SubtensorStorage.TotalHotkeyAlpha.Get(_chain.State, hk, _net);
        var tao = SubtensorStorage.TotalHotkeyAlpha.Get(_chain.State, hk, NetUid.Root);
        Assert.True(alpha > 0 && tao > 0);
        Assert.Equal(alpha, g.State.AlphaStake[2]);
        Assert.Equal(tao, g.State.TaoStake[2]);
        var expectedTotal = StakeWeights.ToU64(StakeWeights.TotalStake(alpha, tao, StakeWeights.TaoWeightBits(SubtensorStorage.TaoWeight.Get(_chain.State))));
        Assert.Equal(expectedTotal, g.State.TotalStake[2]);
        Assert.True(g.State.TotalStake[2] > alpha);
        Assert.Equal(8091, g.Axons[1].Port);
        Assert.Equal(default, g.Axons[2]);
        Assert.All(new[] { g.State.Active.Length, g.State.Emission.Length, g.State.Incentives.Length, g.State.LastUpdate.Length }, l => Assert.Equal(4, l));
        Assert.All(g.State.PruningScore, p => Assert.Equal(ushort.MaxValue, p));
        Assert.Null(g.Weights);
        Assert.Null(g.Bonds);
    }

    [Fact]
    public void Full_metagraph_and_neuron_info_drop_zero_weights_as_the_reference_does()
    {
        var g = _neurons.Metagraph(_chain.State, _net, _chain.Block, full: true)!;
        Assert.Equal([(0, 100), (3, 65535)], g.Weights![1].Select(e => ((int)e.Uid, (int)e.Value)));
        Assert.Empty(g.Weights[0]);
        Assert.Equal([(3, 500)], g.Bonds![1].Select(e => ((int)e.Uid, (int)e.Value)));
        var one = _neurons.Neuron(_chain.State, _net, 1)!;
        Assert.Equal(g.Weights[1], one.Weights);
        Assert.Equal(_minerHotkeys[0], one.Hotkey);
        Assert.Null(_neurons.Neuron(_chain.State, _net, 4));
        var lite = _neurons.Neurons(_chain.State, _net, full: false)!;
        Assert.Equal(4, lite.Count);
        Assert.All(lite, n => Assert.Null(n.Weights));
    }

    [Fact]
    public void Vectors_shorter_than_n_are_padded_with_defaults()
    {
        SubtensorStorage.Emission.Set(_chain.State, _net, [5UL]);
        var s = _neurons.State(_chain.State, _net)!;
        Assert.Equal([5UL, 0, 0, 0], s.Emission);
    }

    [Fact]
    public void Stake_info_lists_each_position_of_the_coldkey_with_its_spot_value()
    {
        var stakes = new StakeQueries(EconomicsProfile.Current).ForColdkey(_chain.State, Staker);
        Assert.Equal(2, stakes.Count);
        var sub = stakes.Single(x => x.Netuid == _net.Value);
        Assert.Equal(StakeLedger.Stake(_chain.State, _minerHotkeys[1], Staker, _net), sub.Stake);
        Assert.Equal(new SubnetPools(EconomicsProfile.Current).SpotValue(_chain.State, _net, sub.Stake), sub.ValueInTao);
        Assert.True(sub.IsRegistered);
        var root = stakes.Single(x => x.Netuid == 0);
        Assert.Equal(root.Stake, root.ValueInTao); // root is 1:1
        Assert.Empty(new StakeQueries(EconomicsProfile.Current).ForColdkey(_chain.State, DtaoTestChain.Key(99)));
    }

    [Fact]
    public void Delegate_info_groups_nominators_and_lists_registrations()
    {
        var d = new StakeQueries(EconomicsProfile.Current).Delegate(_chain.State, _minerHotkeys[1])!;
        Assert.Equal(Miner, d.Owner);
        var nominator = Assert.Single(d.Nominators);
        Assert.Equal(Staker, nominator.Coldkey);
        Assert.Equal([0, _net.Value], nominator.Stakes.Select(s => (int)s.Netuid));
        Assert.Equal([_net.Value], d.Registrations);
        Assert.Equal(StakingConstants.DefaultDelegateTake, d.Take);
        Assert.Null(new StakeQueries(EconomicsProfile.Current).Delegate(_chain.State, DtaoTestChain.Key(98, 0xA0)));
    }

    [Fact]
    public void Tao_for_alpha_quote_equals_what_add_stake_then_credits_and_writes()
    {
        var sim = new SwapSimulator(EconomicsProfile.Current);
        var quote = sim.TaoForAlpha(_chain.State, _net, 7_000_000_000);
        var before = StakeLedger.Stake(_chain.State, _minerHotkeys[0], Staker, _net);
        ulong credited = 0;
        Assert.Null(_chain.Try(() => credited = _chain.Staking.AddStake(_chain.State, Staker, _minerHotkeys[0], _net, 7_000_000_000, null, false, _chain.Events)));
        Assert.Equal(quote.AmountOut, credited);
        Assert.Equal(before + credited, StakeLedger.Stake(_chain.State, _minerHotkeys[0], Staker, _net));
        Assert.Equal(quote.TaoReserveAfter, SubtensorStorage.SubnetTAO.Get(_chain.State, _net));
        Assert.Equal(quote.AlphaReserveAfter, SubtensorStorage.SubnetAlphaIn.Get(_chain.State, _net));
        Assert.Equal(7_000_000_000UL, quote.AmountIn);
        Assert.True(quote.Fee > 0);
    }

    [Fact]
    public void Alpha_for_tao_quote_equals_what_remove_stake_pays_out()
    {
        var held = StakeLedger.Stake(_chain.State, _minerHotkeys[1], Staker, _net);
        var quote = new SwapSimulator(EconomicsProfile.Current).AlphaForTao(_chain.State, _net, held);
        ulong paid = 0;
        Assert.Null(_chain.Try(() => paid = _chain.Staking.RemoveStake(_chain.State, Staker, _minerHotkeys[1], _net, held, null, false, _chain.Events)));
        Assert.Equal(quote.AmountOut, paid);
        Assert.Equal(quote.TaoReserveAfter, SubtensorStorage.SubnetTAO.Get(_chain.State, _net));
    }

    [Fact]
    public void Refused_quotes_name_the_chain_error_and_change_nothing()
    {
        var sim = new SwapSimulator(EconomicsProfile.Current);
        var taoBefore = SubtensorStorage.SubnetTAO.Get(_chain.State, _net);
        Assert.Equal(DispatchError.AmountTooLow, Assert.Throws<SwapQuoteException>(() => sim.TaoForAlpha(_chain.State, _net, 10)).Error);
        Assert.Equal(DispatchError.SubnetNotExists, Assert.Throws<SwapQuoteException>(() => sim.TaoForAlpha(_chain.State, new NetUid(50), 10_000_000_000)).Error);
        Assert.Equal(taoBefore, SubtensorStorage.SubnetTAO.Get(_chain.State, _net));
    }

    [Fact]
    public void Lock_cost_is_the_registration_lock_cost()
    {
        Assert.Equal(NetworkRegistration.CurrentLockCost(_chain.State, _chain.Block + 1), SubnetQueries.LockCost(_chain.State, _chain.Block + 1));
        Assert.True(SubnetQueries.LockCost(_chain.State, _chain.Block + 1) > 0);
    }

    [Fact]
    public void Every_netuid_has_a_symbol_and_names_are_stable()
    {
        // Symbols are stored at registration (genesis for root); names fall back to the reference's table.
        Assert.Equal("Τ", SubnetNaming.Symbol(_chain.State, NetUid.Root));
        Assert.Equal("Τ", SubnetSymbols.At(0));
        Assert.Equal("β", SubnetSymbols.At(2));
        Assert.Equal("Τ", System.Text.Encoding.UTF8.GetString(SubnetSymbols.ForNetuid(new NetUid(5000))));
        Assert.Equal("\U0001d70f", SubnetNaming.Symbol(_chain.State, new NetUid(4000)));
        Assert.Equal("root", SubnetNaming.Name(_chain.State, NetUid.Root));
        Assert.Equal("templar", SubnetNaming.Name(_chain.State, new NetUid(3)));
    }
}
