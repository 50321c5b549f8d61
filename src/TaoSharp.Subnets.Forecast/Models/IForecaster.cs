namespace TaoSharp.Subnets.Forecast.Models;

/// <summary>A miner's model: predicts the next <c>horizon</c> values after <c>history</c>. Must be thread-safe.</summary>
public interface IForecaster
{
    /// <summary>Model type shown in logs and the localnet table, e.g. "fasttree" or "last-value".</summary>
    string Name { get; }

    double[] Forecast(IReadOnlyList<double> history, int horizon);
}
