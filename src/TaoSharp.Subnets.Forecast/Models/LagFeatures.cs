namespace TaoSharp.Subnets.Forecast.Models;

/// <summary>
/// Turns the tail of a history into scale- and level-free features, so one model trained on the raw public series
/// works on tasks that validators have scaled and offset: every lag is expressed relative to the last value and divided
/// by the window's mean absolute step. The target is the next step in the same units.
/// </summary>
public sealed class LagFeatures
{
    public LagFeatures(int lags)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lags, 2);
        Lags = lags;
    }

    /// <summary>How many past observations (including the last) feed one prediction.</summary>
    public int Lags { get; }

    /// <summary>Feature vector length: lags − 1 relative lags plus the window's normalised slope.</summary>
    public int Width => Lags;

    /// <summary>Mean absolute one-step change over the window (never zero).</summary>
    public double StepScale(IReadOnlyList<double> values, int end)
    {
        double sum = 0;
        for (var i = end - Lags + 1; i < end; i++)
            sum += System.Math.Abs(values[i + 1] - values[i]);
        return System.Math.Max(sum / (Lags - 1), 1e-9);
    }

    /// <summary>Features for the window of <see cref="Lags"/> values ending at index <paramref name="end"/> (inclusive).</summary>
    public float[] Build(IReadOnlyList<double> values, int end, double scale)
    {
        var last = values[end];
        var features = new float[Width];
        for (var k = 1; k < Lags; k++)
            features[k - 1] = (float)((values[end - k] - last) / scale);
        // Net change over the window: the trend signal, cheap to give the trees directly.
        features[Lags - 1] = (float)((last - values[end - Lags + 1]) / scale / (Lags - 1));
        return features;
    }
}
