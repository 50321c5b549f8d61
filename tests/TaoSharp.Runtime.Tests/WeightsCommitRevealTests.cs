using TaoSharp.Primitives;
using TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Runtime.Tests.SubnetTestBuilder;

namespace TaoSharp.Runtime.Tests;

/// <summary>Hash commit-reveal (spec-yuma §5.2) and its epoch column mask (§3.6-5).</summary>
public class WeightsCommitRevealTests
{
    private static readonly WeightsCalls Calls = new(TestStakeView.Instance);
    private static readonly ushort[] Uids = [1, 2];
    private static readonly ushort[] Values = [10, 20];
    private static readonly ushort[] Salt = [7, 8, 9];
    private static AccountId Hk(int uid) => EpochTestChain.Hotkey(uid);
    private static Hash256 HashFor(int uid) => WeightsCalls.CommitHash(Hk(uid), Net.Value, Uids, Values, Salt, 0);

    private static void SetEpoch(EpochTestChain c, ulong epoch) => SubtensorStorage.SubnetEpochIndex.Set(c.State, Net, epoch);

    [Fact]
    public void CommitThenRevealInTheRevealEpochStoresTheWeights()
    {
        var chain = Subnet(3, commitReveal: true);
        SetEpoch(chain, 4);
        WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), block: 50);
        Assert.Equal(50UL, SubtensorStorage.LastUpdate.Get(chain.State, Net.Value)[0]);
        SetEpoch(chain, 5);
        Calls.RevealWeights(chain.State, Hk(0), Net, Uids, Values, Salt, 0, block: 90);
        Assert.Equal([(1, 32768), (2, 65535)], SubtensorStorage.Weights.Get(chain.State, Net.Value, 0));
        Assert.Equal(50UL, SubtensorStorage.LastUpdate.Get(chain.State, Net.Value)[0]); // reveal keeps the commit block
        Assert.Empty(SubtensorStorage.WeightCommits.Get(chain.State, Net.Value, Hk(0)));
    }

    [Fact]
    public void CommitNeedsCommitRevealEnabled() =>
        AssertFails(DispatchError.CommitRevealDisabled, () => WeightsCalls.CommitWeights(Subnet(2).State, Hk(0), Net, HashFor(0), 5));

    [Fact]
    public void RevealTooEarly()
    {
        var chain = Subnet(3, commitReveal: true);
        WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 5);
        AssertFails(DispatchError.RevealTooEarly, () => Calls.RevealWeights(chain.State, Hk(0), Net, Uids, Values, Salt, 0, 6));
    }

    [Fact]
    public void RevealAfterExpiry()
    {
        var chain = Subnet(3, commitReveal: true);
        WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 5);
        SetEpoch(chain, 2);
        AssertFails(DispatchError.ExpiredWeightCommit, () => Calls.RevealWeights(chain.State, Hk(0), Net, Uids, Values, Salt, 0, 60));
    }

    [Fact]
    public void RevealWithWrongPayloadOrNoCommit()
    {
        var chain = Subnet(3, commitReveal: true);
        AssertFails(DispatchError.NoWeightsCommitFound, () => Calls.RevealWeights(chain.State, Hk(0), Net, Uids, Values, Salt, 0, 6));
        WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 5);
        SetEpoch(chain, 1);
        AssertFails(DispatchError.InvalidRevealCommitHashNotMatch, () => Calls.RevealWeights(chain.State, Hk(0), Net, Uids, [10, 21], Salt, 0, 6));
    }

    [Fact]
    public void AtMostTenUnrevealedCommits()
    {
        var chain = Subnet(3, commitReveal: true);
        for (ulong b = 1; b <= 10; b++) WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), b);
        AssertFails(DispatchError.TooManyUnrevealedCommits, () => WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 11));
        SetEpoch(chain, 2); // all ten expire and are dropped from the front of the queue
        WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 12);
        Assert.Single(SubtensorStorage.WeightCommits.Get(chain.State, Net.Value, Hk(0)));
    }

    [Fact]
    public void CommitRateLimit()
    {
        var chain = Subnet(3, commitReveal: true);
        SubtensorStorage.WeightsSetRateLimit.Set(chain.State, Net, 5);
        WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 10);
        AssertFails(DispatchError.CommittingWeightsTooFast, () => WeightsCalls.CommitWeights(chain.State, Hk(0), Net, HashFor(0), 14));
    }

    [Fact]
    public void EpochMasksWeightsOnUidsRegisteredAfterAPendingCommit()
    {
        // uid 0 weights uids 1 and 2; uid 2 registered at block 40, after uid 0's pending commit at block 30.
        var chain = Subnet(3, commitReveal: true);
        var s = chain.State;
        SubtensorStorage.Weights.Set(s, Net.Value, 0, [(1, 65535), (2, 65535)]);
        SubtensorStorage.LastUpdate.Set(s, Net.Value, [50, 1, 40]);
        SubtensorStorage.BlockAtRegistration.Set(s, Net, 2, 40);
        SubtensorStorage.WeightCommits.Set(s, Net.Value, Hk(0), [new WeightCommit(default, 0, 30)]);
        SubtensorStorage.ValidatorPermit.Set(s, Net, [true, false, false]);
        var input = new EpochRunner(TestStakeView.Instance).ReadInput(s, Net, 60, 1_000_000_000);
        Assert.Equal([30UL, ulong.MaxValue, ulong.MaxValue], input.CommitBlocks!);
        var output = YumaEpoch.Run(input);
        Assert.Equal([0, 65535, 0], output.Incentive.Select(x => (int)x));

        // Once the commit has expired the mask no longer applies and both targets share the incentive.
        SubtensorStorage.SubnetEpochIndex.Set(s, Net, 2);
        var unmasked = YumaEpoch.Run(new EpochRunner(TestStakeView.Instance).ReadInput(s, Net, 60, 1_000_000_000));
        Assert.Equal(unmasked.Incentive[1], unmasked.Incentive[2]);
        Assert.True(unmasked.Incentive[2] > 0);
    }
}
