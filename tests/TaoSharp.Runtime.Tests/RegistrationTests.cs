using TaoSharp.Primitives;
using TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Runtime.Tests.SubnetTestBuilder;

namespace TaoSharp.Runtime.Tests;

/// <summary>Burned registration, burn price dynamics and UID replacement (spec-yuma §6).</summary>
public class RegistrationTests
{
    private static readonly AccountId Cold = EpochTestChain.Coldkey(500);
    private static AccountId NewHotkey(int i) => EpochTestChain.Hotkey(1000 + i, 7);

    private static (EpochTestChain Chain, NeuronRegistration Reg, FakePayment Pay) Setup(int n, ulong balance = 10_000_000_000)
    {
        var chain = Subnet(n);
        var pay = new FakePayment();
        pay.Balances[Cold] = balance;
        SubtensorStorage.Burn.Set(chain.State, Net, 1_000_000_000);
        SubtensorStorage.ImmunityPeriod.Set(chain.State, Net, 2);
        return (chain, new NeuronRegistration(pay), pay);
    }

    [Fact]
    public void AppendsANewUidWithDefaultsAndChargesTheBurn()
    {
        var (chain, reg, pay) = Setup(2);
        ushort uid = reg.BurnedRegister(chain.State, Cold, Net, NewHotkey(0), block: 10);
        var s = chain.State;
        Assert.Equal(2, uid);
        Assert.Equal(3, SubtensorStorage.SubnetworkN.Get(s, Net));
        Assert.Equal(NewHotkey(0), SubtensorStorage.Keys.Get(s, Net, 2));
        Assert.Equal(10UL, SubtensorStorage.BlockAtRegistration.Get(s, Net, 2));
        Assert.Equal(10UL, SubtensorStorage.LastUpdate.Get(s, Net.Value)[2]);
        Assert.False(SubtensorStorage.ValidatorPermit.Get(s, Net)[2]);
        Assert.Equal(Cold, SubtensorStorage.Owner.Get(s, NewHotkey(0)));
        Assert.Equal(1_000_000_000UL, pay.Paid);
    }

    [Fact]
    public void PriceRisesBy126PercentPerRegistrationAndIsClamped()
    {
        var (chain, reg, _) = Setup(2);
        reg.BurnedRegister(chain.State, Cold, Net, NewHotkey(0), 10);
        Assert.Equal(1_260_000_000UL, SubtensorStorage.Burn.Get(chain.State, Net));
        SubtensorStorage.MaxBurn.Set(chain.State, Net, 1_500_000_000);
        reg.BurnedRegister(chain.State, Cold, Net, NewHotkey(1), 10);
        Assert.Equal(1_500_000_000UL, SubtensorStorage.Burn.Get(chain.State, Net));
    }

    [Fact]
    public void PriceHalvesOverTheHalfLife()
    {
        Assert.Equal(4_286_705_684UL, RegistrationPrice.DecayFactorQ32(360));
        var chain = Subnet(1);
        SubtensorStorage.Burn.Set(chain.State, Net, 1_000_000_000);
        for (ulong b = 2; b < 2 + 360; b++) RegistrationPrice.OnInitialize(chain.State, b);
        ulong burn = SubtensorStorage.Burn.Get(chain.State, Net);
        Assert.InRange(burn, 499_000_000UL, 500_000_000UL);
        // Never below MinBurn.
        for (ulong b = 400; b < 6000; b++) RegistrationPrice.OnInitialize(chain.State, b);
        Assert.Equal(HyperparameterDefaults.MinBurn, SubtensorStorage.Burn.Get(chain.State, Net));
    }

    [Fact]
    public void RefusedCases()
    {
        var (chain, reg, _) = Setup(2, balance: 10);
        AssertFails(DispatchError.RegistrationNotPermittedOnRootSubnet, () => reg.BurnedRegister(chain.State, Cold, NetUid.Root, NewHotkey(0), 5));
        AssertFails(DispatchError.SubnetNotExists, () => reg.BurnedRegister(chain.State, Cold, new NetUid(77), NewHotkey(0), 5));
        AssertFails(DispatchError.HotKeyAlreadyRegisteredInSubNet, () => reg.BurnedRegister(chain.State, Cold, Net, EpochTestChain.Hotkey(0), 5));
        AssertFails(DispatchError.NotEnoughBalanceToPayBurn, () => reg.BurnedRegister(chain.State, Cold, Net, NewHotkey(0), 5));
        AssertFails(DispatchError.RegistrationPriceLimitExceeded, () => reg.BurnedRegister(chain.State, Cold, Net, NewHotkey(0), 5, limitPrice: 999));
        SubtensorStorage.Owner.Set(chain.State, NewHotkey(1), EpochTestChain.Coldkey(1234));
        var (chain2, reg2, _) = Setup(2);
        SubtensorStorage.Owner.Set(chain2.State, NewHotkey(1), EpochTestChain.Coldkey(1234));
        AssertFails(DispatchError.NonAssociatedColdKey, () => reg2.BurnedRegister(chain2.State, Cold, Net, NewHotkey(1), 5));
        SubtensorStorage.NetworkRegistrationAllowed.Set(chain2.State, Net, false);
        AssertFails(DispatchError.SubNetRegistrationDisabled, () => reg2.BurnedRegister(chain2.State, Cold, Net, NewHotkey(2), 5));
    }

    [Fact]
    public void FullSubnetReplacesTheLowestEmissionNonImmuneUid()
    {
        var (chain, reg, _) = Setup(12);
        var s = chain.State;
        SubtensorStorage.MaxAllowedUids.Set(s, Net, 12);
        SubtensorStorage.Emission.Set(s, Net, [9, 8, 7, 6, 5, 4, 3, 2, 1, 10, 11, 12]);
        ushort uid = reg.BurnedRegister(s, Cold, Net, NewHotkey(0), block: 100);
        Assert.Equal(8, uid);
        Assert.False(SubtensorStorage.Uids.Contains(s, Net, EpochTestChain.Hotkey(8)));
        Assert.Equal(12, SubtensorStorage.SubnetworkN.Get(s, Net));
        Assert.Equal(0UL, SubtensorStorage.Emission.Get(s, Net)[8]);
    }

    [Fact]
    public void ImmuneUidsAreOnlyReplacedWhenTooFewNonImmuneRemain()
    {
        var (chain, reg, _) = Setup(12);
        var s = chain.State;
        SubtensorStorage.MaxAllowedUids.Set(s, Net, 12);
        SubtensorStorage.ImmunityPeriod.Set(s, Net, 50);
        SubtensorStorage.BlockAtRegistration.Set(s, Net, 3, 90); // immune at block 100, lowest emission
        SubtensorStorage.Emission.Set(s, Net, [9, 8, 7, 0, 5, 4, 3, 2, 1, 10, 11, 12]);
        // 11 non-immune > MinNonImmuneUids (10): the best non-immune (uid 8) goes.
        Assert.Equal((ushort?)8, NeuronPruning.UidToReplace(s, Net, 100));
        SubtensorStorage.MinNonImmuneUids.Set(s, Net, 11);
        Assert.Equal((ushort?)3, NeuronPruning.UidToReplace(s, Net, 100));
        SubtensorStorage.BlockAtRegistration.Set(s, Net, 3, 1);
        SubtensorStorage.MinNonImmuneUids.Set(s, Net, 12);
        Assert.Null(NeuronPruning.UidToReplace(s, Net, 100)); // none immune, too few non-immune
        AssertFails(DispatchError.NoNeuronIdAvailable, () => reg.BurnedRegister(s, Cold, Net, NewHotkey(0), 100));
    }

    [Fact]
    public void OwnerHotkeyIsNeverReplaced()
    {
        var (chain, _, _) = Setup(12);
        var s = chain.State;
        SubtensorStorage.Emission.Set(s, Net, [9, 8, 7, 6, 5, 4, 3, 2, 1, 10, 11, 12]);
        SubtensorStorage.SubnetOwnerHotkey.Set(s, Net, EpochTestChain.Hotkey(8));
        SubtensorStorage.Owner.Set(s, EpochTestChain.Hotkey(8), OwnerColdkey);
        Assert.Equal((ushort?)7, NeuronPruning.UidToReplace(s, Net, 100));
    }

    [Fact]
    public void ReplacementClearsRowsZeroesIncomingWeightsAndKeepsOtherBonds()
    {
        var chain = Subnet(3);
        var s = chain.State;
        ushort idx = Net.Value;
        SubtensorStorage.Weights.Set(s, idx, 0, [(2, 65535), (1, 100)]);
        SubtensorStorage.Weights.Set(s, idx, 2, [(0, 65535)]);
        SubtensorStorage.Bonds.Set(s, idx, 0, [(2, 500)]);
        SubtensorStorage.Bonds.Set(s, idx, 2, [(1, 500)]);
        SubtensorStorage.Dividends.Set(s, Net, [1, 2, 3]);
        NeuronRegistration.Replace(s, Net, 2, NewHotkey(0), block: 9);
        Assert.Equal([(2, 0), (1, 100)], SubtensorStorage.Weights.Get(s, idx, 0));
        Assert.Empty(SubtensorStorage.Weights.Get(s, idx, 2));
        Assert.Empty(SubtensorStorage.Bonds.Get(s, idx, 2));
        Assert.Equal([(2, 500)], SubtensorStorage.Bonds.Get(s, idx, 0));
        Assert.Equal([1, 2, 0], SubtensorStorage.Dividends.Get(s, Net).Select(x => (int)x));
        Assert.False(SubtensorStorage.ValidatorPermit.Get(s, Net)[2]);
        Assert.Equal(9UL, SubtensorStorage.BlockAtRegistration.Get(s, Net, 2));
        Assert.Equal(9UL, SubtensorStorage.LastUpdate.Get(s, idx)[2]);
    }

    /// <summary>
    /// Upstream test_outdated_weights through the real calls: weights, the replacement of UID 3 and the epochs,
    /// with the outputs the reference model gives at each epoch (shared/vectors/yuma/epoch_test_outdated_weights.json).
    /// </summary>
    [Fact]
    public void OutdatedWeightsScenarioThroughRealCalls()
    {
        var chain = Subnet(4, registeredAt: 1, stake: 1);
        var s = chain.State;
        SubtensorStorage.Tempo.Set(s, Net, 0);
        SubtensorStorage.MaxAllowedValidators.Set(s, Net, 4);
        SubtensorStorage.ValidatorPermit.Set(s, Net, [false, false, false, false]);
        SubtensorStorage.LastUpdate.Set(s, Net.Value, [1, 1, 1, 1]);
        var runner = new EpochRunner(TestStakeView.Instance);
        var calls = new WeightsCalls(TestStakeView.Instance);
        runner.Run(s, Net, 1, 1_000_000_000); // grants permits
        calls.SetWeights(s, EpochTestChain.Hotkey(0), Net, [2, 3], [43690, 21845], 0, 2);
        calls.SetWeights(s, EpochTestChain.Hotkey(1), Net, [2, 3], [43690, 21845], 0, 2);
        calls.SetWeights(s, EpochTestChain.Hotkey(2), Net, [2], [65535], 0, 2);
        calls.SetWeights(s, EpochTestChain.Hotkey(3), Net, [3], [65535], 0, 2);
        var e1 = runner.Run(s, Net, 2, 1_000_000_000);
        Assert.Equal([250000000UL, 250000000, 333331637, 166668361], e1.Emission);

        NeuronRegistration.Replace(s, Net, 3, NewHotkey(3), 2);
        TestStakeView.SetAlpha(s, Net, NewHotkey(3), 0);
        calls.SetWeights(s, EpochTestChain.Hotkey(0), Net, [2, 3], [43690, 21845], 0, 3);
        var e2 = runner.Run(s, Net, 3, 1_000_000_000);
        Assert.Equal(32767, e2.Dividends[0]);
        Assert.Equal([250000000UL, 250000000, 500000000, 0], e2.Emission);
        Assert.Equal([(2, 65535), (3, 65535)], SubtensorStorage.Bonds.Get(s, Net.Value, 0));
    }
}
