using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using TaoSharp.Sdk;
using TaoSharp.Subnets.Forecast.Miner;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Protocol;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Validator;

namespace TaoSharp.Subnets.Forecast.Tests;

/// <summary>Real axons and a real dendrite on loopback; only the metagraph is an in-memory snapshot.</summary>
public class NeuronLoopbackTests
{
    [Fact]
    public async Task Validator_scores_miners_by_quality_and_sets_u16_weights()
    {
        var subnet = new InMemorySubnet();
        using var validatorKey = Keys.New();
        using var goodKey = Keys.New();
        using var badKey = Keys.New();
        using var stuckKey = Keys.New();
        using var release = new ManualResetEventSlim();
        var validatorEntry = new NeuronEntry(0, Keys.Ss58(validatorKey), 5_000_000_000, true, "0.0.0.0", 0, 0);
        subnet.Snapshot = new SubnetSnapshot(1, 1, [validatorEntry], 10, 3, 0);

        // Only the stuck miner gets a short time limit: on a loaded 2-core CI machine a healthy forecast can take longer
        // than 300 ms to be scheduled (the stuck model occupies a pool thread), and that must not fail the good miners.
        var options = new MinerOptions { MaxForecastTime = TimeSpan.FromSeconds(20), MetagraphRefresh = TimeSpan.FromMilliseconds(50) };
        var stuckOptions = new MinerOptions { MaxForecastTime = TimeSpan.FromMilliseconds(300), MetagraphRefresh = TimeSpan.FromMilliseconds(50) };
        await using var good = new ForecastMiner(goodKey, new LastValueForecaster(), subnet, subnet, options, NullLogger.Instance);
        await using var bad = new ForecastMiner(badKey, new ConstantForecaster(-1e6), subnet, subnet, options, NullLogger.Instance);
        await using var stuck = new ForecastMiner(stuckKey, new StuckForecaster(release), subnet, subnet, stuckOptions, NullLogger.Instance);
        try
        {
            await good.StartAsync(CancellationToken.None);
            await bad.StartAsync(CancellationToken.None);
            await stuck.StartAsync(CancellationToken.None);
            Assert.Equal(3, subnet.Served.Count);
            Assert.All(subnet.Served, s => Assert.Equal(IPAddress.Loopback, s.Ip));

            NeuronEntry Entry(ushort uid, ForecastMiner m) => new(uid, m.Hotkey, 0, false, "127.0.0.1", m.Port, 0);
            subnet.Snapshot = new SubnetSnapshot(1, 10, [validatorEntry, Entry(1, good), Entry(2, bad), Entry(3, stuck)], 10, 3, 0);

            await using var validator = new ForecastValidator(validatorKey, SeriesCatalog.LoadBundled(), subnet, subnet,
                new ValidatorOptions { Horizon = 3, HistoryLength = 24, EmaAlpha = 1, QueryTimeout = TimeSpan.FromSeconds(15) },
                NullLogger.Instance);
            await validator.StepAsync(CancellationToken.None);
            await validator.QueriesDone();
            Assert.Equal(1, good.Answered);
            Assert.Equal(1, bad.Answered);
            Assert.Equal(1, stuck.Failed);            // cut off by the miner's time limit, not the validator's timeout
            Assert.Empty(validator.ScoresSnapshot);   // nothing revealed yet

            subnet.Snapshot = subnet.Snapshot with { Block = 13 };
            await validator.StepAsync(CancellationToken.None);
            var scores = validator.ScoresSnapshot;
            Assert.True(scores[1] > scores[2], $"last-value {scores[1]} should beat a constant {scores[2]}");
            Assert.Equal(0.0, scores[3]);
            var weights = Assert.Single(subnet.WeightSets);
            Assert.Equal((ushort)1, weights[0].Uid);
            Assert.Equal(ushort.MaxValue, weights[0].Weight);   // max-upscaled (spec-client §5.4)
            Assert.True(weights.Count == 1 || weights[1].Weight < ushort.MaxValue);
            Assert.DoesNotContain(weights, w => w.Uid == 3);
            Assert.Equal(1, validator.WeightSets);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Unregistered_and_low_stake_callers_get_403_before_the_model_runs()
    {
        var subnet = new InMemorySubnet();
        using var minerKey = Keys.New();
        using var poorKey = Keys.New();
        using var strangerKey = Keys.New();
        subnet.Snapshot = new SubnetSnapshot(1, 1, [new NeuronEntry(0, Keys.Ss58(poorKey), 10, true, "0.0.0.0", 0, 0)], 10, 3, 0);
        await using var miner = new ForecastMiner(minerKey, new LastValueForecaster(), subnet, null,
            new MinerOptions { MinCallerStake = 1000 }, NullLogger.Instance);
        await miner.StartAsync(CancellationToken.None);
        var target = new AxonTarget("127.0.0.1", miner.Port, miner.Hotkey);
        var request = new ForecastSynapse { TaskId = 1, History = [1, 2, 3], Horizon = 2 };

        using var stranger = new Dendrite(strangerKey);
        var a = await stranger.CallAsync(target, request);
        Assert.Equal(403, a.Dendrite!.StatusCode);
        Assert.Contains("unregistered hotkey", a.Dendrite.StatusMessage);

        using var poor = new Dendrite(poorKey);
        var b = await poor.CallAsync(target, request);
        Assert.Equal(403, b.Dendrite!.StatusCode);
        Assert.Contains("below the miner's minimum", b.Dendrite.StatusMessage);
        Assert.Equal(0, miner.Answered + miner.Failed);
    }

    [Fact]
    public async Task A_malformed_request_is_refused_with_its_reason()
    {
        var subnet = new InMemorySubnet();
        using var minerKey = Keys.New();
        using var callerKey = Keys.New();
        subnet.Snapshot = new SubnetSnapshot(1, 1, [new NeuronEntry(0, Keys.Ss58(callerKey), 5_000_000_000, true, "0.0.0.0", 0, 0)], 10, 3, 0);
        await using var miner = new ForecastMiner(minerKey, new LastValueForecaster(), subnet, null, new MinerOptions(), NullLogger.Instance);
        await miner.StartAsync(CancellationToken.None);
        using var dendrite = new Dendrite(callerKey);
        var answer = await dendrite.CallAsync(new AxonTarget("127.0.0.1", miner.Port, miner.Hotkey),
            new ForecastSynapse { TaskId = 2, History = [1, 2, 3], Horizon = 0 });
        Assert.Equal(500, answer.Dendrite!.StatusCode);
        Assert.Contains("horizon must be", answer.Dendrite.StatusMessage);
        Assert.Null(answer.Prediction);
        Assert.Equal(1, miner.Failed);
    }
}
