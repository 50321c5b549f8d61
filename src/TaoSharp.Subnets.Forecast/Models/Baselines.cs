namespace TaoSharp.Subnets.Forecast.Models;

/// <summary>Naive baseline: the future equals the last observation.</summary>
public sealed class LastValueForecaster : IForecaster
{
    public string Name => "last-value";

    public double[] Forecast(IReadOnlyList<double> history, int horizon)
    {
        ForecastGuard.Check(history, horizon);
        var result = new double[horizon];
        Array.Fill(result, history[^1]);
        return result;
    }
}

/// <summary>Baseline: the future equals the mean of the last <see cref="Window"/> observations.</summary>
public sealed class MovingAverageForecaster : IForecaster
{
    public MovingAverageForecaster(int window = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
    }

    public int Window { get; }

    public string Name => "moving-average";

    public double[] Forecast(IReadOnlyList<double> history, int horizon)
    {
        ForecastGuard.Check(history, horizon);
        var n = System.Math.Min(Window, history.Count);
        double sum = 0;
        for (var i = history.Count - n; i < history.Count; i++)
            sum += history[i];
        var result = new double[horizon];
        Array.Fill(result, sum / n);
        return result;
    }
}

/// <summary>Baseline: a least-squares line through the last <see cref="Window"/> observations, extended forward.</summary>
public sealed class LinearTrendForecaster : IForecaster
{
    public LinearTrendForecaster(int window = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        Window = window;
    }

    public int Window { get; }

    public string Name => "linear-trend";

    public double[] Forecast(IReadOnlyList<double> history, int horizon)
    {
        ForecastGuard.Check(history, horizon);
        var n = System.Math.Min(Window, history.Count);
        var start = history.Count - n;
        // x = 0..n-1 over the window; closed-form simple regression.
        var meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (var i = 0; i < n; i++)
            meanY += history[start + i];
        meanY /= n;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - meanX) * (history[start + i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        var slope = sxx > 0 ? sxy / sxx : 0;
        var result = new double[horizon];
        for (var h = 0; h < horizon; h++)
            result[h] = meanY + slope * (n - 1 + h + 1 - meanX);
        return result;
    }
}

public static class ForecastGuard
{
    /// <summary>Bound on requested steps: a request is untrusted input and must not make us allocate without limit.</summary>
    public const int MaxHorizon = 1024;

    public static void Check(IReadOnlyList<double> history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
            throw new ArgumentException("history is empty", nameof(history));
        if (horizon < 1 || horizon > MaxHorizon)
            throw new ArgumentOutOfRangeException(nameof(horizon), $"horizon must be in [1, {MaxHorizon}]");
    }
}
