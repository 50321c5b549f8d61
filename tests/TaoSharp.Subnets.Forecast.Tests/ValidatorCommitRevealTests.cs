using Microsoft.Extensions.Logging.Abstractions;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;
using TaoSharp.Subnets.Forecast.Miner;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Validator;

namespace TaoSharp.Subnets.Forecast.Tests;

/// <summary>
/// The validator on a commit-reveal subnet, with a real miner axon on loopback and an in-memory metagraph: it commits a
/// hash, reveals exactly what it committed once the reveal epoch has come, and keeps commits across restarts.
/// </summary>
public class ValidatorCommitRevealTests
{
    [Fact]
    public async Task Weights_are_committed_as_a_hash_and_revealed_after_the_reveal_period()
    {
        var subnet = new InMemorySubnet();
        using var validatorKey = Keys.New();
        using var minerKey = Keys.New();
        var self = new NeuronEntry(0, Keys.Ss58(validatorKey), 5_000_000_000, true, "0.0.0.0", 0, 0);
        subnet.Snapshot = new SubnetSnapshot(1, 1, [self], 10, 3, 7, CommitRevealEnabled: true, CommitRevealPeriod: 2, LastStep: 0);
        var options = new MinerOptions { MetagraphRefresh = TimeSpan.FromMilliseconds(50) };
        await using var miner = new ForecastMiner(minerKey, new LastValueForecaster(), subnet, subnet, options, NullLogger.Instance);
        await miner.StartAsync(CancellationToken.None);
        subnet.Snapshot = subnet.Snapshot with { Block = 10, Neurons = [self, new NeuronEntry(1, miner.Hotkey, 0, false, "127.0.0.1", miner.Port, 0)] };

        await using var validator = new ForecastValidator(validatorKey, SeriesCatalog.LoadBundled(), subnet, subnet,
            new ValidatorOptions { Horizon = 3, HistoryLength = 24, EmaAlpha = 1 }, NullLogger.Instance);
        async Task At(ulong block, ulong lastStep)
        {
            subnet.Snapshot = subnet.Snapshot with { Block = block, LastStep = lastStep };
            await validator.StepAsync(CancellationToken.None);
            await validator.QueriesDone();
        }

        await At(10, 0);
        await At(13, 0); // scored: weights are due, but on this subnet they are committed, never set directly
        Assert.Empty(subnet.WeightSets);
        var committed = Assert.Single(subnet.Commits);
        Assert.Equal(1, validator.WeightCommits);

        await At(16, 0);  // no epoch yet: no reveal, and no second commit in the same epoch
        Assert.Single(subnet.Commits);
        await At(20, 20); // first epoch after the commit (the period is 2): a new commit for this epoch, no reveal yet
        Assert.Empty(subnet.Reveals);
        Assert.Equal(2, subnet.Commits.Count);
        Assert.NotEqual(subnet.Commits[0], subnet.Commits[1]); // a fresh salt per commit

        await At(31, 30); // second epoch: the first commit is revealed, exactly as committed
        var reveal = Assert.Single(subnet.Reveals);
        Assert.Equal(committed, Calls.WeightCommitHash(AccountId.FromBytes(validatorKey.PublicKey), 1, reveal.Uids, reveal.Values, reveal.Salt, reveal.Version));
        Assert.Equal(7UL, reveal.Version);
        Assert.Equal([1], reveal.Uids.Select(u => (int)u));
        Assert.Equal(CommitRevealState.SaltWords, reveal.Salt.Length);
        Assert.Equal(1, validator.WeightSets);
        Assert.Equal(3, subnet.Commits.Count);

        // "Too early" keeps the commit for the next epoch; a final refusal drops it; the next one then reveals.
        bool Pending(int k) => validator.Commits.Pending.Any(c => c.Hash == subnet.Commits[k].ToHex());
        subnet.RevealError = "RevealTooEarly";
        await At(41, 40);
        Assert.Equal(2, subnet.Reveals.Count);
        Assert.True(Pending(1));
        subnet.RevealError = "ExpiredWeightCommit";
        await At(51, 50);
        Assert.Equal(3, subnet.Reveals.Count);
        Assert.False(Pending(1));
        Assert.True(Pending(2));
        subnet.RevealError = null;
        await At(61, 60);
        Assert.False(Pending(2));
        Assert.False(Pending(3));                 // both due commits revealed, oldest first
        Assert.Equal(3, validator.WeightSets);
        Assert.Empty(subnet.WeightSets);
    }

    [Fact]
    public void Pending_commits_survive_a_restart_and_are_dropped_when_commit_reveal_is_switched_off()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("taosharp-commits-").FullName, "commits.json");
        var snapshot = new SubnetSnapshot(1, 100, [], 10, 0, 3, CommitRevealEnabled: true, CommitRevealPeriod: 1, LastStep: 95);
        var hotkey = AccountId.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        var state = new CommitRevealState(path);
        var commit = CommitRevealState.Prepare(hotkey, 1, [(1, 65535), (2, 100)], 3, snapshot);
        state.Committed(commit, 101);
        Assert.False(state.MayCommit(snapshot));

        var restarted = new CommitRevealState(path);
        var loaded = Assert.Single(restarted.Pending);
        Assert.Equal(commit.Hash, loaded.Hash);
        Assert.Equal(commit.Salt, loaded.Salt);
        Assert.Equal(101UL, loaded.CommitBlock);
        Assert.Empty(restarted.DueReveals(snapshot));
        restarted.Observe(snapshot with { Block = 106, LastStep = 105 });
        Assert.Same(Assert.Single(restarted.DueReveals(snapshot)), restarted.Pending[0]);
        Assert.Equal(Hash256.ParseHex(commit.Hash),
            Calls.WeightCommitHash(hotkey, 1, loaded.Uids, loaded.Values, loaded.Salt, loaded.VersionKey));

        restarted.Clear();
        Assert.Empty(new CommitRevealState(path).Pending);
        Assert.True(CommitRevealState.IsFinal("ExpiredWeightCommit"));
        Assert.False(CommitRevealState.IsFinal("RevealTooEarly"));
        Assert.False(CommitRevealState.IsFinal("chain unreachable: connection refused"));
    }
}
