using TaoSharp.Subnets.Forecast.Series;

namespace TaoSharp.Subnets.Forecast.Models;

/// <summary>Chooses a miner's model from configuration, so a localnet can run miners of different quality.</summary>
public static class ForecasterFactory
{
    public static IReadOnlyList<string> ModelTypes { get; } = ["fasttree", "linear-trend", "moving-average", "last-value"];

    /// <summary>
    /// Builds the named model. "fasttree" returns a <see cref="BackgroundTrainedForecaster"/> whose training has
    /// already been started on <paramref name="trainingData"/>; it answers with the last-value baseline meanwhile.
    /// </summary>
    public static IForecaster Create(string modelType, SeriesCatalog trainingData, FastTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        switch (modelType)
        {
            case "last-value":
                return new LastValueForecaster();
            case "moving-average":
                return new MovingAverageForecaster();
            case "linear-trend":
                return new LinearTrendForecaster();
            case "fasttree":
                var model = new BackgroundTrainedForecaster(
                    "fasttree", ct => FastTreeForecaster.Train(trainingData, options, ct), new LastValueForecaster());
                model.StartTraining();
                return model;
            default:
                throw new ArgumentException(
                    $"unknown model type '{modelType}'; expected one of: {string.Join(", ", ModelTypes)}", nameof(modelType));
        }
    }
}
