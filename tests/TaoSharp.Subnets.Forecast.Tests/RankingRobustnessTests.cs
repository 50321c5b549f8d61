using Xunit.Abstractions;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Validator;

namespace TaoSharp.Subnets.Forecast.Tests;

/// <summary>
/// What the localnet relies on: with the localnet's validator settings, a validator's EMA ranks the trained model above
/// every naive baseline after a short run, whatever the task seed.
/// </summary>
public class RankingRobustnessTests(ITestOutputHelper output)
{
    [Fact]
    public void Fasttree_leads_the_validator_ema_after_twenty_rounds_for_every_seed()
    {
        var (train, heldOut) = SeriesCatalog.LoadBundled().Split(0.7);
        IForecaster[] models = [FastTreeForecaster.Train(train), new LinearTrendForecaster(), new MovingAverageForecaster(), new LastValueForecaster()];
        var miners = models.Select((m, i) => new NeuronEntry((ushort)(i + 1), m.Name, 0, false, "127.0.0.2", 1000 + i, 0)).ToArray();
        var worstMargin = double.MaxValue;
        for (var seed = 1; seed <= 12; seed++)
        {
            var rounds = new ForecastRounds(heldOut, new ValidatorOptions { Seed = seed, EmaAlpha = 0.2, RoundIntervalBlocks = 1, RevealDelayBlocks = 1 });
            for (ulong block = 1; block <= 20; block++)
            {
                var snapshot = new SubnetSnapshot(1, block, miners, 10, 2, 0);
                rounds.Sync(snapshot);
                var round = rounds.TryAsk(snapshot, "validator")!;
                rounds.Record(round, models.Select(m => (double[]?)m.Forecast(round.Task.Task.History, round.Task.Task.Horizon)).ToArray());
                rounds.Reveal(block);
            }
            rounds.Reveal(21);
            var ema = miners.Select(m => rounds.Scores.Get(m.Uid)).ToArray();
            output.WriteLine($"seed {seed}: " + string.Join(", ", miners.Select((m, i) => $"{m.Hotkey} {ema[i]:F3}")));
            worstMargin = System.Math.Min(worstMargin, ema[0] - ema.Skip(1).Max());
        }
        output.WriteLine($"worst margin {worstMargin:F4}");
        Assert.True(worstMargin > 0, $"fasttree fell behind a baseline (margin {worstMargin:F4})");
    }
}
