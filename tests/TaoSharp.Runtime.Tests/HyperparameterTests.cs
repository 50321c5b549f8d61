using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Runtime.Tests.SubnetTestBuilder;

namespace TaoSharp.Runtime.Tests;

/// <summary>Hyperparameter defaults and setters: who may set what, within which bounds (spec-yuma §2).</summary>
public class HyperparameterTests
{
    private static readonly AccountId Sudo = EpochTestChain.Coldkey(4242);
    private static readonly AccountId Stranger = EpochTestChain.Coldkey(31337);

    private static EpochTestChain Chain()
    {
        var chain = Subnet(2);
        BalancesStorage.SudoKey.Set(chain.State, Sudo);
        return chain;
    }

    [Fact]
    public void StorageDefaultsAreTheReferenceRuntimeValues()
    {
        var s = new EpochTestChain().State;
        var net = new NetUid(5);
        Assert.Equal(360, SubtensorStorage.Tempo.Get(s, net));
        Assert.Equal(13_889u, SubtensorStorage.ActivityCutoffFactorMilli.Get(s, net));
        Assert.Equal(32_767, SubtensorStorage.Kappa.Get(s, net));
        Assert.Equal(900_000UL, SubtensorStorage.BondsMovingAverage.Get(s, net));
        Assert.Equal(65_535, SubtensorStorage.BondsPenalty.Get(s, net));
        Assert.Equal(((ushort)45_875, (ushort)58_982), SubtensorStorage.AlphaValues.Get(s, net));
        Assert.Equal(128, SubtensorStorage.MaxAllowedValidators.Get(s, net));
        Assert.Equal(1024, SubtensorStorage.MinAllowedWeights.Get(s, net));
        Assert.Equal(4096, SubtensorStorage.ImmunityPeriod.Get(s, net));
        Assert.Equal(100UL, SubtensorStorage.WeightsSetRateLimit.Get(s, net));
        Assert.True(SubtensorStorage.CommitRevealWeightsEnabled.Get(s, net));
        Assert.Equal(971_718_665_099_567_868UL, SubtensorStorage.TaoWeight.Get(s));
        Assert.Equal(100_000_000UL, SubtensorStorage.Burn.Get(s, net));
    }

    [Fact]
    public void OwnerSetsOwnerParametersWithinOwnerBounds()
    {
        var chain = Chain();
        HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.BondsMovingAverage, 975_000UL);
        Assert.Equal(975_000UL, SubtensorStorage.BondsMovingAverage.Get(chain.State, Net));
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.BondsMovingAverage, 975_001UL));
        HyperparameterCalls.Set(chain.State, Sudo, Net, HyperparameterCalls.BondsMovingAverage, 990_000UL);
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.AlphaSigmoidSteepness, (short)-1));
        HyperparameterCalls.Set(chain.State, Sudo, Net, HyperparameterCalls.AlphaSigmoidSteepness, (short)-1);
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.RevealPeriodEpochs, 101UL));
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.ActivityCutoffFactorMilli, 999u));
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.Tempo, (ushort)359));
    }

    [Fact]
    public void RootOnlyParametersRefuseTheOwner()
    {
        var chain = Chain();
        AssertFails(DispatchError.BadOrigin, () => HyperparameterCalls.Set(chain.State, OwnerColdkey, Net, HyperparameterCalls.Kappa, (ushort)10));
        HyperparameterCalls.Set(chain.State, Sudo, Net, HyperparameterCalls.Kappa, (ushort)10);
        Assert.Equal(10, SubtensorStorage.Kappa.Get(chain.State, Net));
    }

    [Fact]
    public void StrangersAndMissingSubnetsAreRefused()
    {
        var chain = Chain();
        AssertFails(DispatchError.BadOrigin, () => HyperparameterCalls.Set(chain.State, Stranger, Net, HyperparameterCalls.Rho, (ushort)3));
        AssertFails(DispatchError.SubnetNotExists, () => HyperparameterCalls.Set(chain.State, Sudo, new NetUid(88), HyperparameterCalls.Rho, (ushort)3));
    }

    [Fact]
    public void AlphaValuesBounds()
    {
        var chain = Chain();
        HyperparameterCalls.SetAlphaValues(chain.State, OwnerColdkey, Net, 1638, 1638);
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.SetAlphaValues(chain.State, OwnerColdkey, Net, 1637, 5000));
        AssertFails(DispatchError.ValueNotInBounds, () => HyperparameterCalls.SetAlphaValues(chain.State, OwnerColdkey, Net, 6000, 5000));
        AssertFails(DispatchError.BadOrigin, () => HyperparameterCalls.SetAlphaValues(chain.State, Stranger, Net, 2000, 5000));
    }
}
