namespace TaoSharp.Subnets.Forecast.Series;

/// <summary>The public series bundled with the subnet (see Data/README.md for sources and licences).</summary>
public sealed class SeriesCatalog
{
    private readonly Dictionary<string, TimeSeries> _byName;

    public SeriesCatalog(IEnumerable<TimeSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _byName = new Dictionary<string, TimeSeries>(StringComparer.Ordinal);
        foreach (var s in series)
        {
            if (!_byName.TryAdd(s.Name, s))
                throw new ArgumentException($"duplicate series name '{s.Name}'", nameof(series));
        }
        if (_byName.Count == 0)
            throw new ArgumentException("a catalog needs at least one series", nameof(series));
        All = _byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>All series, ordered by name so a seeded task generator picks the same ones everywhere.</summary>
    public IReadOnlyList<TimeSeries> All { get; }

    public TimeSeries this[string name] =>
        _byName.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"unknown series '{name}'");

    /// <summary>Loads the embedded vega-datasets series.</summary>
    public static SeriesCatalog LoadBundled() => new(
    [
        ReadEmbedded("co2-concentration.csv", "CO2", "co2"),
        ReadEmbedded("seattle-weather.csv", "temp_max", "seattle-temp-max"),
        ReadEmbedded("seattle-weather.csv", "temp_min", "seattle-temp-min"),
        ReadEmbedded("seattle-weather.csv", "wind", "seattle-wind"),
    ]);

    /// <summary>Splits every series: the first <paramref name="trainFraction"/> for training, the rest held out.</summary>
    public (SeriesCatalog Train, SeriesCatalog HeldOut) Split(double trainFraction)
    {
        if (!(trainFraction > 0 && trainFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "must be strictly between 0 and 1");
        var train = new List<TimeSeries>();
        var heldOut = new List<TimeSeries>();
        foreach (var s in All)
        {
            var cut = (int)(s.Length * trainFraction);
            train.Add(s.Slice(0, cut));
            heldOut.Add(s.Slice(cut, s.Length - cut));
        }
        return (new SeriesCatalog(train), new SeriesCatalog(heldOut));
    }

    private static TimeSeries ReadEmbedded(string file, string column, string name)
    {
        var resource = "TaoSharp.Subnets.Forecast.Data." + file;
        using var stream = typeof(SeriesCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded data file '{resource}' is missing from the assembly");
        using var reader = new StreamReader(stream);
        return CsvSeriesReader.Read(reader, column, name);
    }
}
