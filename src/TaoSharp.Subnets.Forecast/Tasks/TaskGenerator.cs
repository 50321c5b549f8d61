using TaoSharp.Subnets.Forecast.Series;

namespace TaoSharp.Subnets.Forecast.Tasks;

/// <summary>
/// Draws forecasting tasks: a random series, a random window of <c>historyLength + horizon</c> points, then a
/// random positive scale and offset so the numbers a miner receives do not appear in the public data file.
/// The scale is positive so "up" stays "up"; its range (and the offset's) is wide enough that a look-up of the raw
/// values fails while shapes, trends and seasonality — what a model should learn — survive.
/// </summary>
public sealed class TaskGenerator
{
    private readonly SeriesCatalog _catalog;
    private readonly Random _random;
    private ulong _nextTaskId;

    public TaskGenerator(SeriesCatalog catalog, int historyLength, int horizon, int seed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (catalog.All.All(s => s.Length < historyLength + horizon))
            throw new ArgumentException($"no series has the {historyLength + horizon} points a task needs", nameof(catalog));
        _catalog = catalog;
        HistoryLength = historyLength;
        Horizon = horizon;
        _random = new Random(seed);
    }

    public int HistoryLength { get; }

    public int Horizon { get; }

    public const double MinScale = 0.2;
    public const double MaxScale = 5.0;
    public const double MaxAbsOffset = 1000.0;

    public PendingTask Next()
    {
        var window = HistoryLength + Horizon;
        var candidates = _catalog.All.Where(s => s.Length >= window).ToArray();
        var series = candidates[_random.Next(candidates.Length)];
        var start = _random.Next(series.Length - window + 1);
        // Log-uniform scale: shrinking and stretching are equally likely.
        var scale = System.Math.Exp(System.Math.Log(MinScale) + _random.NextDouble() * (System.Math.Log(MaxScale) - System.Math.Log(MinScale)));
        var offset = (_random.NextDouble() * 2 - 1) * MaxAbsOffset;

        var transformed = new double[window];
        for (var i = 0; i < window; i++)
            transformed[i] = scale * series.Values[start + i] + offset;

        var task = new ForecastTask(++_nextTaskId, transformed[..HistoryLength], Horizon);
        return new PendingTask(task, transformed[HistoryLength..], new TaskOrigin(series.Name, start, scale, offset));
    }
}
