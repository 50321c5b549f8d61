using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using TaoSharp.Crypto;
using TaoSharp.Sdk;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Protocol;

namespace TaoSharp.Subnets.Forecast.Miner;

/// <summary>
/// A forecast miner: an axon serving <see cref="ForecastSynapse"/> with a configured model. Callers are filtered by
/// <see cref="CallerPolicy"/> (registered, minimum stake), forecasts run through a <see cref="StakePriorityGate"/>
/// with a time limit, and a background loop keeps the metagraph fresh. Model training (for trained models) happens in
/// the background inside the model; serving never waits for it.
/// </summary>
public sealed class ForecastMiner : IAsyncDisposable
{
    // The axon runs the priority hook on the verified, header-built synapse and then calls forward in the same async
    // flow; this carries the verified caller's priority to forward (whose body-built synapse carries unsigned
    // caller fields that must not decide the queue order).
    private static readonly AsyncLocal<double?> VerifiedPriority = new();

    private readonly Sr25519KeyPair _hotkey;
    private readonly ISubnetView _view;
    private readonly ISubnetWriter? _writer;
    private readonly MinerOptions _options;
    private readonly ILogger _log;
    private readonly CallerPolicy _policy;
    private readonly StakePriorityGate _gate;
    private readonly CancellationTokenSource _stop = new();
    private Axon? _axon;
    private Task? _refresh;
    private long _answered;
    private long _failed;

    public ForecastMiner(Sr25519KeyPair hotkey, IForecaster model, ISubnetView view, ISubnetWriter? writer, MinerOptions options, ILogger log)
    {
        _hotkey = hotkey ?? throw new ArgumentNullException(nameof(hotkey));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _view = view ?? throw new ArgumentNullException(nameof(view));
        _writer = writer;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _policy = new CallerPolicy(options);
        _gate = new StakePriorityGate(options.MaxConcurrentForecasts);
        Hotkey = Crypto.Ss58.Ss58Address.Encode(hotkey.PublicKey);
    }

    public IForecaster Model { get; }

    public string Hotkey { get; }

    /// <summary>The axon's port once started.</summary>
    public int Port => _axon?.Port ?? 0;

    /// <summary>Requests answered with a forecast.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Requests that reached forward but got no forecast (malformed, timed out, model error).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public CallerPolicy Policy => _policy;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _policy.Update(await _view.ReadAsync(cancellationToken).ConfigureAwait(false));
        _axon = new Axon(_hotkey, new AxonOptions { BindAddress = _options.BindAddress, Port = _options.Port });
        _axon.Attach<ForecastSynapse>(ForwardAsync,
            blacklist: s => Blacklist(s.Dendrite?.Hotkey),
            priority: s =>
            {
                var p = _policy.Priority(s.Dendrite?.Hotkey);
                VerifiedPriority.Value = p;
                return p;
            });
        await _axon.StartAsync(cancellationToken).ConfigureAwait(false);
        _log.LogInformation("miner {Hotkey} ({Model}) serving on {Ip}:{Port}", Hotkey, Model.Name, _options.BindAddress, _axon.Port);
        if (_options.ServeOnChain && _writer is not null)
        {
            var ip = _options.ExternalAddress ?? _options.BindAddress;
            var served = await _writer.ServeAxonAsync(ip, _axon.Port, cancellationToken).ConfigureAwait(false);
            if (served.Success)
                _log.LogInformation("miner {Hotkey}: serve_axon {Ip}:{Port} included", Hotkey, ip, _axon.Port);
            else
                _log.LogWarning("miner {Hotkey}: serve_axon failed: {Error}", Hotkey, served.Error);
        }
        _refresh = Task.Run(() => RefreshLoopAsync(_stop.Token), CancellationToken.None);
        if (Model is BackgroundTrainedForecaster { IsTrained: true })
            _log.LogInformation("miner {Hotkey}: {Model} model trained before the axon started", Hotkey, Model.Name);
        else if (Model is BackgroundTrainedForecaster trained)
        {
            var since = Stopwatch.GetTimestamp();
            _ = trained.Training.ContinueWith(_ => _log.LogInformation(
                "miner {Hotkey}: {Model} training {Outcome} {Seconds:F1} s after the axon started; the fallback served until then",
                Hotkey, Model.Name, trained.IsTrained ? "finished" : "failed (" + trained.TrainingError?.Message + ")",
                Stopwatch.GetElapsedTime(since).TotalSeconds), TaskScheduler.Default);
        }
    }

    private BlacklistVerdict Blacklist(string? hotkey)
    {
        var verdict = _policy.Check(hotkey);
        if (verdict.IsBlacklisted)
            _log.LogInformation("miner {Hotkey}: blacklisted {Caller}: {Reason}", Hotkey, hotkey, verdict.Reason);
        return verdict;
    }

    /// <summary>The axon's forward: validate, wait for a slot by stake, forecast within the time limit.</summary>
    internal async Task<ForecastSynapse> ForwardAsync(ForecastSynapse synapse, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var caller = synapse.Dendrite?.Hotkey;
        if (synapse.ValidateRequest() is { } problem)
            return Fail(synapse, "Bad request: " + problem, caller);

        var limit = TimeSpan.FromSeconds(System.Math.Clamp(synapse.Timeout ?? 12.0, 0.1, _options.MaxForecastTime.TotalSeconds));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        deadline.CancelAfter(limit);
        try
        {
            using (await _gate.EnterAsync(VerifiedPriority.Value ?? 0, deadline.Token).ConfigureAwait(false))
            {
                var history = synapse.History;
                var horizon = synapse.Horizon;
                // The model runs on the thread pool so the time limit can abandon a slow forecast.
                synapse.Prediction = await Task.Run(() => Model.Forecast(history, horizon), deadline.Token)
                    .WaitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fail(synapse, $"Forecast timeout after {limit.TotalSeconds:F1}s", caller);
        }
        Interlocked.Increment(ref _answered);
        _log.LogInformation("miner {Hotkey} ({Model}): task {Task} from {Caller}: {History} points, horizon {Horizon}, {Ms:F1} ms",
            Hotkey, Model.Name, synapse.TaskId, caller, synapse.History.Length, synapse.Horizon, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return synapse;
    }

    private ForecastSynapse Fail(ForecastSynapse synapse, string message, string? caller)
    {
        Interlocked.Increment(ref _failed);
        _log.LogWarning("miner {Hotkey}: task {Task} from {Caller} not answered: {Reason}", Hotkey, synapse.TaskId, caller, message);
        // A status message set by forward is what the axon reports (HTTP 500) instead of an opaque reference number.
        synapse.Axon ??= new TerminalInfo();
        synapse.Axon.StatusMessage = message;
        throw new ForecastRejectedException(message);
    }

    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.MetagraphRefresh, ct).ConfigureAwait(false);
                _policy.Update(await _view.ReadAsync(ct).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Keep serving with the last metagraph; the next refresh may succeed.
                _log.LogWarning("miner {Hotkey}: metagraph refresh failed: {Error}", Hotkey, e.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_refresh is not null)
            await _refresh.ConfigureAwait(false);
        if (_axon is not null)
            await _axon.DisposeAsync().ConfigureAwait(false);
        (Model as IDisposable)?.Dispose();
        _stop.Dispose();
    }
}

/// <summary>Forward refused a request; the axon answers 500 with the message set on the synapse.</summary>
public sealed class ForecastRejectedException(string message) : Exception(message);
