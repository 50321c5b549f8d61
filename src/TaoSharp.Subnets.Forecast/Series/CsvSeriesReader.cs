using System.Globalization;

namespace TaoSharp.Subnets.Forecast.Series;

/// <summary>
/// Reads one numeric column of a simple comma-separated file with a header row (no quoting: the
/// bundled vega-datasets files have none). Malformed input raises <see cref="FormatException"/> naming the line.
/// </summary>
public static class CsvSeriesReader
{
    /// <summary>Upper bound on rows so a hostile or corrupt file cannot make us allocate without limit.</summary>
    public const int MaxRows = 1_000_000;

    public static TimeSeries Read(TextReader reader, string column, string seriesName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException("CSV is empty: no header row");
        var columns = header.Split(',');
        var index = Array.FindIndex(columns, c => c.Trim() == column);
        if (index < 0)
            throw new FormatException($"CSV has no column '{column}' (header: {header})");

        var values = new List<double>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            if (values.Count >= MaxRows)
                throw new FormatException($"CSV has more than {MaxRows} rows");
            var fields = line.Split(',');
            if (index >= fields.Length)
                throw new FormatException($"line {lineNumber}: expected at least {index + 1} fields, got {fields.Length}");
            if (!double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new FormatException($"line {lineNumber}: '{fields[index]}' in column '{column}' is not a finite number");
            values.Add(value);
        }
        if (values.Count == 0)
            throw new FormatException("CSV has a header but no data rows");
        return new TimeSeries(seriesName, values);
    }
}
