namespace TaoSharp.Subnets.Forecast.Tasks;

/// <summary>What a miner sees: a transformed history and how many future steps to predict.</summary>
public sealed record ForecastTask(ulong TaskId, IReadOnlyList<double> History, int Horizon);

/// <summary>
/// The validator's private side of a task: the held-out future (in the same transformed units as the history)
/// and where it came from, for logs. Kept until the future is "revealed" and the answers are scored.
/// </summary>
public sealed record PendingTask(ForecastTask Task, IReadOnlyList<double> Future, TaskOrigin Origin);

/// <summary>Which window of which series, and the affine map value' = Scale * value + Offset applied to it.</summary>
public sealed record TaskOrigin(string SeriesName, int WindowStart, double Scale, double Offset);
