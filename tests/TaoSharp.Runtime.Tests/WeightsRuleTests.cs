using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Runtime.Tests.SubnetTestBuilder;

namespace TaoSharp.Runtime.Tests;

/// <summary>One scenario per set_weights rule of spec-yuma §5.1, each with the reference's error.</summary>
public class WeightsRuleTests
{
    private static readonly WeightsCalls Calls = new(TestStakeView.Instance);
    private static AccountId Hk(int uid) => EpochTestChain.Hotkey(uid);

    [Fact]
    public void ValidWeightsAreStoredMaxUpscaledInSubmissionOrderWithLastUpdate()
    {
        var chain = Subnet(4);
        Calls.SetWeights(chain.State, Hk(0), Net, [3, 2], [21845, 43690], 0, block: 7);
        Assert.Equal([(3, 32768), (2, 65535)], SubtensorStorage.Weights.Get(chain.State, Net.Value, 0));
        Assert.Equal(7UL, SubtensorStorage.LastUpdate.Get(chain.State, Net.Value)[0]);
    }

    [Fact]
    public void ZeroWeightsAreStoredExplicitly()
    {
        var chain = Subnet(3);
        Calls.SetWeights(chain.State, Hk(0), Net, [1, 2], [0, 5], 0, 2);
        Assert.Equal([(1, 0), (2, 65535)], SubtensorStorage.Weights.Get(chain.State, Net.Value, 0));
    }

    [Fact]
    public void CommitRevealEnabledRefusesSetWeights() =>
        AssertFails(DispatchError.CommitRevealEnabled, () => Calls.SetWeights(Subnet(2, commitReveal: true).State, Hk(0), Net, [1], [1], 0, 2));

    [Fact]
    public void RootSubnetWeightsAreRefused()
    {
        var chain = Subnet(2);
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, NetUid.Root, false);
        AssertFails(DispatchError.CanNotSetRootNetworkWeights, () => Calls.SetWeights(chain.State, Hk(0), NetUid.Root, [1], [1], 0, 2));
    }

    [Fact]
    public void UnequalLengths() =>
        AssertFails(DispatchError.WeightVecNotEqualSize, () => Calls.SetWeights(Subnet(3).State, Hk(0), Net, [1, 2], [1], 0, 2));

    [Fact]
    public void MissingSubnet()
    {
        var chain = Subnet(2);
        var other = new NetUid(9);
        SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, other, false);
        AssertFails(DispatchError.MechanismDoesNotExist, () => Calls.SetWeights(chain.State, Hk(0), other, [1], [1], 0, 2));
    }

    [Fact]
    public void MoreUidsThanNeurons() =>
        AssertFails(DispatchError.UidsLengthExceedUidsInSubNet, () => Calls.SetWeights(Subnet(2).State, Hk(0), Net, [0, 1, 1], [1, 1, 1], 0, 2));

    [Fact]
    public void UnregisteredHotkey() =>
        AssertFails(DispatchError.HotKeyNotRegisteredInSubNet, () => Calls.SetWeights(Subnet(2).State, Hk(50), Net, [1], [1], 0, 2));

    [Fact]
    public void StakeBelowThresholdExceptOwner()
    {
        var chain = Subnet(3, stake: 10);
        SubtensorStorage.StakeThreshold.Set(chain.State, 11);
        AssertFails(DispatchError.NotEnoughStakeToSetWeights, () => Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 0, 2));
        SubtensorStorage.SubnetOwnerHotkey.Set(chain.State, Net, Hk(0));
        Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 0, 2);
    }

    [Fact]
    public void VersionKeyTooLow()
    {
        var chain = Subnet(2);
        SubtensorStorage.WeightsVersionKey.Set(chain.State, Net, 5);
        AssertFails(DispatchError.IncorrectWeightVersionKey, () => Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 4, 2));
        Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 5, 2);
    }

    [Fact]
    public void RateLimit()
    {
        var chain = Subnet(2);
        SubtensorStorage.WeightsSetRateLimit.Set(chain.State, Net, 10);
        Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 0, 20);
        AssertFails(DispatchError.SettingWeightsTooFast, () => Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 0, 29));
        Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 0, 30);
    }

    [Fact]
    public void PermitRequiredUnlessSelfWeightOrOwner()
    {
        var chain = Subnet(3);
        SubtensorStorage.ValidatorPermit.Set(chain.State, Net, [false, false, false]);
        AssertFails(DispatchError.NeuronNoValidatorPermit, () => Calls.SetWeights(chain.State, Hk(0), Net, [1], [1], 0, 2));
        Calls.SetWeights(chain.State, Hk(0), Net, [0], [1], 0, 2); // self-weight needs no permit
        SubtensorStorage.SubnetOwnerHotkey.Set(chain.State, Net, Hk(1));
        Calls.SetWeights(chain.State, Hk(1), Net, [2], [1], 0, 2); // the owner needs no permit
    }

    [Fact]
    public void DuplicateUids() =>
        AssertFails(DispatchError.DuplicateUids, () => Calls.SetWeights(Subnet(3).State, Hk(0), Net, [1, 1], [1, 2], 0, 2));

    [Fact]
    public void UidOutOfRange() =>
        AssertFails(DispatchError.UidVecContainInvalidOne, () => Calls.SetWeights(Subnet(3).State, Hk(0), Net, [1, 7], [1, 2], 0, 2));

    [Fact]
    public void TooFewWeightsUnlessSelfWeight()
    {
        var chain = Subnet(4);
        SubtensorStorage.MinAllowedWeights.Set(chain.State, Net, 3);
        AssertFails(DispatchError.WeightVecLengthIsLow, () => Calls.SetWeights(chain.State, Hk(0), Net, [1, 2], [1, 2], 0, 2));
        Calls.SetWeights(chain.State, Hk(0), Net, [0], [1], 0, 2);
        // min(MinAllowedWeights, n): a limit above n only asks for n weights.
        SubtensorStorage.MinAllowedWeights.Set(chain.State, Net, 100);
        Calls.SetWeights(chain.State, Hk(1), Net, [0, 1, 2, 3], [1, 1, 1, 1], 0, 2);
    }
}
