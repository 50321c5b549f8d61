using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using TaoSharp.Subnets.Forecast.Series;

namespace TaoSharp.Subnets.Forecast.Models;

/// <summary>Training knobs for <see cref="FastTreeForecaster"/>; the defaults train in about a second on one core.</summary>
public sealed record FastTreeOptions(
    int Lags = 24,
    int NumberOfTrees = 100,
    int NumberOfLeaves = 16,
    int MinimumExampleCountPerLeaf = 10,
    double LearningRate = 0.1,
    int MaxTrainingRows = 20_000,
    int Seed = 1);

/// <summary>
/// ML.NET FastTree (gradient-boosted regression trees) on <see cref="LagFeatures"/>, predicting one step ahead and
/// feeding its own predictions back for longer horizons. Immutable once trained; predictions are serialised behind a
/// lock because ML.NET's PredictionEngine is not thread-safe.
/// </summary>
public sealed class FastTreeForecaster : IForecaster
{
    private readonly LagFeatures _features;
    private readonly PredictionEngine<LagRow, StepPrediction> _engine;
    private readonly Lock _engineLock = new();
    private readonly IForecaster _shortHistory = new LastValueForecaster();

    private FastTreeForecaster(LagFeatures features, PredictionEngine<LagRow, StepPrediction> engine)
    {
        _features = features;
        _engine = engine;
    }

    public string Name => "fasttree";

    public int Lags => _features.Lags;

    /// <summary>Trains on every window of every series in <paramref name="catalog"/> (thinned to MaxTrainingRows).</summary>
    public static FastTreeForecaster Train(SeriesCatalog catalog, FastTreeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new FastTreeOptions();
        var features = new LagFeatures(options.Lags);
        var rows = BuildRows(catalog, features, options.MaxTrainingRows);
        if (rows.Count < options.MinimumExampleCountPerLeaf * 2)
            throw new ArgumentException($"only {rows.Count} training windows; series are shorter than {options.Lags + 1} points", nameof(catalog));
        cancellationToken.ThrowIfCancellationRequested();

        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor(ml, features.Width));
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            // One thread keeps training deterministic and leaves the other core to serving.
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        cancellationToken.ThrowIfCancellationRequested();
        var engine = ml.Model.CreatePredictionEngine<LagRow, StepPrediction>(model, inputSchemaDefinition: SchemaFor(ml, features.Width));
        return new FastTreeForecaster(features, engine);
    }

    public double[] Forecast(IReadOnlyList<double> history, int horizon)
    {
        ForecastGuard.Check(history, horizon);
        if (history.Count < _features.Lags + 1)
            return _shortHistory.Forecast(history, horizon);

        // Work on a copy extended with our own predictions (recursive multi-step forecasting).
        var values = new List<double>(history.Count + horizon);
        values.AddRange(history);
        var scale = _features.StepScale(values, values.Count - 1);
        var result = new double[horizon];
        lock (_engineLock)
        {
            for (var h = 0; h < horizon; h++)
            {
                var end = values.Count - 1;
                var row = new LagRow { Features = _features.Build(values, end, scale) };
                var step = _engine.Predict(row).Score;
                var next = values[end] + (double.IsFinite(step) ? step * scale : 0);
                values.Add(next);
                result[h] = next;
            }
        }
        return result;
    }

    private static List<LagRow> BuildRows(SeriesCatalog catalog, LagFeatures features, int maxRows)
    {
        var total = catalog.All.Sum(s => System.Math.Max(0, s.Length - features.Lags));
        var stride = System.Math.Max(1, (total + maxRows - 1) / System.Math.Max(1, maxRows));
        var rows = new List<LagRow>();
        foreach (var series in catalog.All)
        {
            for (var end = features.Lags - 1; end + 1 < series.Length; end += stride)
            {
                var scale = features.StepScale(series.Values, end);
                rows.Add(new LagRow
                {
                    Features = features.Build(series.Values, end, scale),
                    Label = (float)((series.Values[end + 1] - series.Values[end]) / scale),
                });
            }
        }
        return rows;
    }

    private static SchemaDefinition SchemaFor(MLContext ml, int width)
    {
        _ = ml;
        var schema = SchemaDefinition.Create(typeof(LagRow));
        schema[nameof(LagRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private sealed class LagRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class StepPrediction
    {
        public float Score { get; set; }
    }
}
