namespace TaoSharp.Subnets.Forecast.Series;

/// <summary>A named, evenly spaced series of observations (oldest first).</summary>
public sealed class TimeSeries
{
    public TimeSeries(string name, IReadOnlyList<double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
                throw new ArgumentException($"series '{name}' contains a non-finite value", nameof(values));
        }
        Name = name;
        Values = values.ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<double> Values { get; }

    public int Length => Values.Count;

    /// <summary>The observations [start, start+count) as a new series, e.g. a train or held-out split.</summary>
    public TimeSeries Slice(int start, int count, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start + count > Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"slice [{start}, {start + count}) exceeds length {Length}");
        return new TimeSeries(name ?? Name, Values.Skip(start).Take(count).ToArray());
    }
}
