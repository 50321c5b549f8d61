namespace TaoSharp.Subnets.Forecast.Models;

/// <summary>
/// Serves a fallback model until a background training run finishes, then swaps the trained model in atomically.
/// Serving never waits for training: <see cref="Forecast"/> only reads a reference.
/// </summary>
public sealed class BackgroundTrainedForecaster : IForecaster, IDisposable
{
    private readonly Func<CancellationToken, IForecaster> _train;
    private readonly IForecaster _fallback;
    private readonly CancellationTokenSource _stop = new();
    private IForecaster? _trained;
    private Task? _training;

    public BackgroundTrainedForecaster(string name, Func<CancellationToken, IForecaster> train, IForecaster fallback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _train = train ?? throw new ArgumentNullException(nameof(train));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
    }

    public string Name { get; }

    public bool IsTrained => Volatile.Read(ref _trained) is not null;

    /// <summary>The error of the last training run, if it failed (the fallback keeps serving).</summary>
    public Exception? TrainingError { get; private set; }

    /// <summary>Starts (or restarts, for retraining on fresh data) training on the thread pool.</summary>
    public Task StartTraining()
    {
        var run = Task.Run(() =>
        {
            try
            {
                var model = _train(_stop.Token);
                Volatile.Write(ref _trained, model);
                TrainingError = null;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // A miner keeps answering with its fallback rather than going dark.
                TrainingError = e;
            }
        });
        _training = run;
        return run;
    }

    /// <summary>Completes when the most recent training run has finished (successfully or not).</summary>
    public Task Training => _training ?? Task.CompletedTask;

    public double[] Forecast(IReadOnlyList<double> history, int horizon) =>
        (Volatile.Read(ref _trained) ?? _fallback).Forecast(history, horizon);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
