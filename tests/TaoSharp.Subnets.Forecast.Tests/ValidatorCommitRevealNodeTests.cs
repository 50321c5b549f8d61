using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;
using TaoSharp.Subnets.Forecast.Miner;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Validator;
using TaoSharp.TestKit;

namespace TaoSharp.Subnets.Forecast.Tests;

/// <summary>
/// A forecast validator and miner against a real node (`tao node --dev`, 200 ms blocks) on a subnet with commit-reveal
/// on: the validator's weights appear on chain only after its commit is revealed in the reveal epoch.
/// </summary>
public class ValidatorCommitRevealNodeTests
{
    private static async Task Ok(Task<TransactionResult> submission)
    {
        var r = await submission;
        Assert.True(r.Success, r.Error);
    }

    [Fact]
    public async Task With_commit_reveal_on_weights_land_after_the_reveal()
    {
        using var node = await TaoNodeProcess.StartAsync(extraArgs: "--block-time 200");
        await using var admin = await TaoClient.ConnectAsync(node.Ws.ToString());
        var tx = new TransactionSubmitter(admin);
        using var aliceKey = SecretUriResolver.Resolve("//Alice").Pair;
        var alice = new KeyPairSigner(aliceKey);
        using var validatorKey = Keys.New();
        using var minerKey = Keys.New();
        var validatorId = AccountId.FromBytes(validatorKey.PublicKey);
        var queries = new SubnetQueries(admin);

        // Subnet owned by //Alice with the validator as owner hotkey (UID 0), the miner at UID 1.
        var before = (await queries.AllSubnetsAsync()).Select(s => s.Netuid).ToHashSet();
        await Ok(tx.SubmitAsync(alice, Calls.RegisterNetwork(validatorId)));
        var netuid = (await queries.AllSubnetsAsync()).Select(s => s.Netuid).Single(n => !before.Contains(n));
        var n = new NetUid(netuid);
        byte[] Root(string name, string value, NetUid? on) => Calls.SudoCall(Calls.AdminSet(AdminHyperparameters.Find(name)!, on, value));
        await Ok(tx.SubmitAsync(alice, Root("sudo_set_admin_freeze_window", "0", null)));
        await Ok(tx.SubmitAsync(alice, Root("tempo", "20", n)));
        await Ok(tx.SubmitAsync(alice, Root("weights_rate_limit", "0", n)));
        await Ok(tx.SubmitAsync(alice, Root("min_allowed_weights", "1", n)));
        await Ok(tx.SubmitAsync(alice, Root("commit_reveal_weights_enabled", "true", n)));
        await Ok(tx.SubmitAsync(alice, Calls.StartCall(n)));
        await Ok(tx.SubmitAsync(alice, Calls.BurnedRegister(n, AccountId.FromBytes(minerKey.PublicKey))));
        var hparams = (await queries.HyperparamsAsync(netuid))!;
        Assert.True(hparams.CommitRevealWeightsEnabled);
        Assert.Equal(1UL, hparams.CommitRevealPeriod);

        await using var minerClient = await TaoClient.ConnectAsync(node.Ws.ToString());
        await using var miner = new ForecastMiner(minerKey, new LastValueForecaster(), new MetagraphSubnetView(minerClient, netuid),
            new ChainSubnetWriter(minerClient, new KeyPairSigner(minerKey), netuid),
            new MinerOptions { BindAddress = IPAddress.Parse("127.0.0.2"), MinCallerStake = 0, MetagraphRefresh = TimeSpan.FromMilliseconds(200) },
            NullLogger.Instance);
        await miner.StartAsync(CancellationToken.None);

        await using var validatorClient = await TaoClient.ConnectAsync(node.Ws.ToString());
        await using var validator = new ForecastValidator(validatorKey, SeriesCatalog.LoadBundled(), new MetagraphSubnetView(validatorClient, netuid),
            new ChainSubnetWriter(validatorClient, new KeyPairSigner(validatorKey), netuid),
            new ValidatorOptions { Horizon = 3, HistoryLength = 24, EmaAlpha = 1, PollInterval = TimeSpan.FromMilliseconds(100) },
            NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => validator.RunAsync(stop.Token));
        try
        {
            async Task<WeightEntry[]> WeightsOnChain() =>
                (await queries.MetagraphAsync(netuid, full: true))!.Weights![0];

            // The commit lands first: a hash on chain, no weights yet.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (validator.WeightCommits == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(validator.WeightCommits > 0, $"no commit: {validator.LastWeightsError}\n{node.Output}");
            // No epoch has run since the commit's block, so nothing can have been revealed: the chain holds no weights.
            // (Once an epoch ran, the reveal may already be in; the commit list is then empty or the check is skipped.)
            var commits = await queries.WeightCommitsAsync(netuid, validatorId);
            if (commits.Count > 0)
            {
                var meta = (await queries.MetagraphAsync(netuid, full: true))!;
                if (meta.LastStep <= commits[0].CommitBlock)
                    Assert.Empty(meta.Weights![0]);
            }

            // Then the reveal, in the next epoch: the weights are the validator's, on the miner.
            while (validator.WeightSets == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(validator.WeightSets > 0, $"no reveal: {validator.LastWeightsError}");
            var weights = await WeightsOnChain();
            var entry = Assert.Single(weights);
            Assert.Equal((ushort)1, entry.Uid);
            Assert.Equal(ushort.MaxValue, entry.Value);
            Assert.NotEqual("CommitRevealEnabled", validator.LastWeightsError);
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }
}
