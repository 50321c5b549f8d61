namespace TaoSharp.Subnets.Forecast.Scoring;

/// <summary>
/// Mean absolute scaled error (Hyndman &amp; Koehler 2006): the forecast's mean absolute error divided by the mean
/// absolute one-step change of the history. It is a proper, scale-free error: the per-task scale and offset cancel, so
/// scores from different series and transformations can be averaged, and 1.0 means "as good as repeating the last step's
/// typical change". Off-chain code: floating point is fine here (validators turn scores into u16 weights).
/// </summary>
public static class ForecastMetric
{
    /// <summary>Floor on the history's scale so a flat history does not divide by zero.</summary>
    public const double MinScale = 1e-9;

    /// <returns>The MASE, or null when the prediction is malformed (wrong length, NaN/infinity).</returns>
    public static double? Mase(IReadOnlyList<double> history, IReadOnlyList<double> actual, IReadOnlyList<double>? predicted)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(actual);
        if (history.Count < 2)
            throw new ArgumentException("history needs at least two points to define a scale", nameof(history));
        if (actual.Count == 0)
            throw new ArgumentException("nothing to score against", nameof(actual));
        if (predicted is null || predicted.Count != actual.Count)
            return null;

        double scale = 0;
        for (var i = 1; i < history.Count; i++)
            scale += System.Math.Abs(history[i] - history[i - 1]);
        scale = System.Math.Max(scale / (history.Count - 1), MinScale);

        double error = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(predicted[i]))
                return null;
            error += System.Math.Abs(predicted[i] - actual[i]);
        }
        return error / actual.Count / scale;
    }

    /// <summary>
    /// Maps an answer to a reward in [0, 1]: 1 / (1 + MASE), so a perfect forecast earns 1, a naive-quality one about 0.5,
    /// and a missing or malformed answer 0.
    /// </summary>
    public static double Score(IReadOnlyList<double> history, IReadOnlyList<double> actual, IReadOnlyList<double>? predicted)
    {
        var mase = Mase(history, actual, predicted);
        return mase is { } m ? 1.0 / (1.0 + m) : 0.0;
    }
}
