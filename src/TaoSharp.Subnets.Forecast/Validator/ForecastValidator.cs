using Microsoft.Extensions.Logging;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Sdk;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Protocol;
using TaoSharp.Subnets.Forecast.Series;

namespace TaoSharp.Subnets.Forecast.Validator;

/// <summary>
/// A forecast validator: each round it asks every serving miner the same transformed task through a dendrite, scores the
/// answers once the future is revealed, keeps an EMA per miner, and sets weights whenever the chain's rate limit allows.
/// The round logic is <see cref="ForecastRounds"/>; this class adds the chain, the network and the logs.
/// </summary>
public sealed class ForecastValidator : IAsyncDisposable
{
    private readonly ISubnetView _view;
    private readonly ISubnetWriter _writer;
    private readonly ValidatorOptions _options;
    private readonly ILogger _log;
    private readonly Dendrite _dendrite;
    private readonly WeightsCadence _cadence = new();
    private readonly Lock _stateLock = new();
    private readonly List<Task> _inFlight = [];
    private IReadOnlyDictionary<ushort, double> _published = new Dictionary<ushort, double>();
    private long _weightSets;
    private string? _lastWeightsError;

    public ForecastValidator(Sr25519KeyPair hotkey, SeriesCatalog tasksFrom, ISubnetView view, ISubnetWriter writer,
        ValidatorOptions options, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(hotkey);
        _view = view ?? throw new ArgumentNullException(nameof(view));
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        Rounds = new ForecastRounds(tasksFrom, options);
        Hotkey = Ss58Address.Encode(hotkey.PublicKey);
        _dendrite = new Dendrite(hotkey, new DendriteOptions { DefaultTimeout = options.QueryTimeout });
    }

    public string Hotkey { get; }

    /// <summary>Owned by the loop; read it only through <see cref="ScoresSnapshot"/> from other threads.</summary>
    internal ForecastRounds Rounds { get; }

    /// <summary>EMA score per uid as of the last revealed round (safe to read from any thread).</summary>
    public IReadOnlyDictionary<ushort, double> ScoresSnapshot => Volatile.Read(ref _published);

    /// <summary>Successful set_weights so far.</summary>
    public long WeightSets => Interlocked.Read(ref _weightSets);

    public string? LastWeightsError => Volatile.Read(ref _lastWeightsError);

    public async Task RunAsync(CancellationToken ct)
    {
        _log.LogInformation("validator {Hotkey}: starting (history {History}, horizon {Horizon}, reveal after {Reveal} blocks)",
            Hotkey, _options.HistoryLength, _options.Horizon, _options.EffectiveRevealDelay);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await StepAsync(ct).ConfigureAwait(false);
                await Task.Delay(_options.PollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A chain hiccup must not end the validator; the next step retries with a fresh metagraph.
                _log.LogWarning("validator {Hotkey}: step failed: {Error}", Hotkey, e.Message);
                await Task.Delay(_options.PollInterval, ct).ConfigureAwait(false);
            }
        }
        Task[] pending;
        lock (_stateLock)
            pending = [.. _inFlight];
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <summary>One look at the chain: reveal due rounds, ask a new one if due, set weights if allowed.</summary>
    internal async Task StepAsync(CancellationToken ct)
    {
        var snapshot = await _view.ReadAsync(ct).ConfigureAwait(false);
        var self = snapshot.ByHotkey(Hotkey);
        if (self is null)
        {
            _log.LogDebug("validator {Hotkey}: not registered on netuid {NetUid} yet", Hotkey, snapshot.NetUid);
            return;
        }

        ForecastRound? round;
        lock (_stateLock)
        {
            Rounds.Sync(snapshot);
            foreach (var result in Rounds.Reveal(snapshot.Block))
                LogRound(result);
            Volatile.Write(ref _published, new Dictionary<ushort, double>(Rounds.Scores.Scores));
            round = Rounds.TryAsk(snapshot, Hotkey);
        }
        if (round is not null)
        {
            // Queries run beside the loop so a slow miner never delays reveals or weights.
            var query = QueryAsync(round, ct);
            lock (_stateLock)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                _inFlight.Add(query);
            }
        }

        if (_cadence.IsDue(snapshot, self))
        {
            IReadOnlyList<(ushort Uid, ushort Weight)> weights;
            lock (_stateLock)
                weights = Rounds.Scores.ToWeights();
            if (weights.Count > 0)
                await SetWeightsAsync(snapshot, weights, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when every query started so far has recorded its answers (tests, shutdown).</summary>
    internal Task QueriesDone()
    {
        lock (_stateLock)
            return Task.WhenAll(_inFlight.ToArray());
    }

    private async Task QueryAsync(ForecastRound round, CancellationToken ct)
    {
        var task = round.Task.Task;
        var request = new ForecastSynapse
        {
            TaskId = task.TaskId,
            History = [.. task.History],
            Horizon = task.Horizon,
            Timeout = _options.QueryTimeout.TotalSeconds,
        };
        var targets = round.Targets.Select(t => new AxonTarget(t.AxonIp, t.AxonPort, t.Hotkey)).ToArray();
        ForecastSynapse[] answers;
        try
        {
            answers = await _dendrite.QueryAsync(targets, request, _options.QueryTimeout, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        var predictions = new double[]?[answers.Length];
        for (var i = 0; i < answers.Length; i++)
        {
            var a = answers[i];
            predictions[i] = a.IsSuccess && a.Prediction is { } p && p.Length == task.Horizon ? p : null;
            if (predictions[i] is null)
                _log.LogInformation("validator {Hotkey}: task {Task}: uid {Uid} gave no forecast ({Code} {Message})",
                    Hotkey, task.TaskId, round.Targets[i].Uid, a.Dendrite?.StatusCode, a.Dendrite?.StatusMessage);
        }
        lock (_stateLock)
            Rounds.Record(round, predictions);
    }

    private async Task SetWeightsAsync(SubnetSnapshot snapshot, IReadOnlyList<(ushort Uid, ushort Weight)> weights, CancellationToken ct)
    {
        _cadence.Sent(snapshot.Block);
        var result = await _writer.SetWeightsAsync(weights, snapshot.WeightsVersion, ct).ConfigureAwait(false);
        var text = string.Join(", ", weights.Select(w => $"{w.Uid}:{w.Weight}"));
        if (result.Success)
        {
            Interlocked.Increment(ref _weightSets);
            _log.LogInformation("validator {Hotkey}: set_weights at #{Block}: {Weights}", Hotkey, snapshot.Block, text);
        }
        else
        {
            Volatile.Write(ref _lastWeightsError, result.Error);
            _log.LogWarning("validator {Hotkey}: set_weights at #{Block} failed: {Error}", Hotkey, snapshot.Block, result.Error);
        }
    }

    private void LogRound(RoundResult result)
    {
        var scores = string.Join(", ", result.Scores.Select(s =>
            $"uid {s.Uid}: mase {(s.Mase is { } m ? m.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-")} score {s.Score:F3} ema {s.Ema:F3}"));
        _log.LogInformation("validator {Hotkey}: task {Task} ({Series} @{Start}) revealed at #{Block}: {Scores}",
            Hotkey, result.TaskId, result.Origin.SeriesName, result.Origin.WindowStart, result.RevealedAt, scores);
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_stateLock)
            pending = [.. _inFlight];
        try
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _dendrite.Dispose();
    }
}
