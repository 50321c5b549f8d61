using Xunit.Abstractions;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Scoring;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Tasks;

namespace TaoSharp.Subnets.Forecast.Tests;

public class ModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Baselines_give_exact_values()
    {
        double[] history = [1, 2, 3, 5];
        Assert.Equal([5.0, 5.0], new LastValueForecaster().Forecast(history, 2));
        Assert.Equal([4.0, 4.0], new MovingAverageForecaster(window: 2).Forecast(history, 2));
        // Line through (0,2),(1,3),(2,5): slope 1.5, mean 10/3 at x=1 → x=3: 10/3 + 3 = 6.333…, x=4: 7.833…
        var trend = new LinearTrendForecaster(window: 3).Forecast(history, 2);
        Assert.Equal(10.0 / 3 + 3, trend[0], 12);
        Assert.Equal(10.0 / 3 + 4.5, trend[1], 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ForecastGuard.MaxHorizon + 1)]
    public void Unreasonable_horizons_are_rejected(int horizon)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LastValueForecaster().Forecast([1.0], horizon));
    }

    [Fact]
    public void FastTree_beats_the_naive_baselines_on_held_out_data()
    {
        var (train, heldOut) = SeriesCatalog.LoadBundled().Split(0.7);
        var fastTree = FastTreeForecaster.Train(train, new FastTreeOptions(NumberOfTrees: 60));
        IForecaster[] models = [fastTree, new LastValueForecaster(), new MovingAverageForecaster(), new LinearTrendForecaster()];

        var generator = new TaskGenerator(heldOut, historyLength: 48, horizon: 6, seed: 42);
        var totals = new double[models.Length];
        const int tasks = 150;
        for (var n = 0; n < tasks; n++)
        {
            var pending = generator.Next();
            for (var m = 0; m < models.Length; m++)
                totals[m] += ForecastMetric.Mase(pending.Task.History, pending.Future, models[m].Forecast(pending.Task.History, 6))!.Value;
        }

        var mase = totals.Select(t => t / tasks).ToArray();
        for (var m = 0; m < models.Length; m++)
            output.WriteLine($"held-out mean MASE {models[m].Name}: {mase[m]:F4}");
        for (var m = 1; m < models.Length; m++)
            Assert.True(mase[0] < mase[m], $"fasttree MASE {mase[0]:F3} should beat {models[m].Name} {mase[m]:F3}");
    }

    [Fact]
    public async Task Background_model_serves_the_fallback_until_training_finishes()
    {
        using var gate = new ManualResetEventSlim();
        using var model = new BackgroundTrainedForecaster(
            "test",
            _ => { gate.Wait(); return new MovingAverageForecaster(window: 2); },
            new LastValueForecaster());
        var training = model.StartTraining();

        // Training is blocked on the gate, yet serving answers immediately with the fallback.
        Assert.Equal([5.0], model.Forecast([1, 3, 5], 1));
        Assert.False(model.IsTrained);

        gate.Set();
        await training.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(model.IsTrained);
        Assert.Equal([4.0], model.Forecast([1, 3, 5], 1));
    }

    [Fact]
    public async Task Failed_training_keeps_the_fallback_and_reports_the_error()
    {
        using var model = new BackgroundTrainedForecaster(
            "test", _ => throw new InvalidOperationException("boom"), new LastValueForecaster());
        await model.StartTraining().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(model.IsTrained);
        Assert.Equal("boom", model.TrainingError?.Message);
        Assert.Equal([5.0], model.Forecast([1, 3, 5], 1));
    }

    [Fact]
    public void Factory_knows_every_model_type_and_rejects_others()
    {
        var train = SeriesCatalog.LoadBundled().Split(0.7).Train;
        foreach (var type in ForecasterFactory.ModelTypes.Where(t => t != "fasttree"))
            Assert.Equal(type, ForecasterFactory.Create(type, train).Name);
        var e = Assert.Throws<ArgumentException>(() => ForecasterFactory.Create("oracle", train));
        Assert.Contains("fasttree", e.Message);
    }
}
