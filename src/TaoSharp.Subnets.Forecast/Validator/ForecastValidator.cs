using Microsoft.Extensions.Logging;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;
using TaoSharp.Sdk;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Protocol;
using TaoSharp.Subnets.Forecast.Series;

namespace TaoSharp.Subnets.Forecast.Validator;

/// <summary>
/// A forecast validator: each round it asks every serving miner the same transformed task through a dendrite, scores the
/// answers once the future is revealed, keeps an EMA per miner, and sets weights whenever the chain's rate limit allows.
/// On a subnet with commit-reveal on it commits the weights' hash instead and reveals them in the reveal epoch
/// (<see cref="CommitRevealState"/>), as Bittensor validators do.
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
    private readonly CommitRevealState _commits;
    private readonly AccountId _hotkeyId;
    private readonly Lock _stateLock = new();
    private readonly List<Task> _inFlight = [];
    private IReadOnlyDictionary<ushort, double> _published = new Dictionary<ushort, double>();
    private long _weightSets;
    private long _weightCommits;
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
        _hotkeyId = AccountId.FromBytes(hotkey.PublicKey);
        _commits = new CommitRevealState(options.PendingCommitsPath);
        _dendrite = new Dendrite(hotkey, new DendriteOptions { DefaultTimeout = options.QueryTimeout });
    }

    public string Hotkey { get; }

    /// <summary>Owned by the loop; read it only through <see cref="ScoresSnapshot"/> from other threads.</summary>
    internal ForecastRounds Rounds { get; }

    /// <summary>EMA score per uid as of the last revealed round (safe to read from any thread).</summary>
    public IReadOnlyDictionary<ushort, double> ScoresSnapshot => Volatile.Read(ref _published);

    /// <summary>Weight vectors that reached the chain so far: successful set_weights, or reveals on commit-reveal subnets.</summary>
    public long WeightSets => Interlocked.Read(ref _weightSets);

    /// <summary>Successful commit_weights so far (commit-reveal subnets).</summary>
    public long WeightCommits => Interlocked.Read(ref _weightCommits);

    /// <summary>Commits waiting for their reveal epoch (owned by the loop; for tests).</summary>
    internal CommitRevealState Commits => _commits;

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

        if (snapshot.CommitRevealEnabled)
        {
            _commits.Observe(snapshot);
            await RevealDueAsync(snapshot, ct).ConfigureAwait(false);
        }
        else
        {
            // Commits made while commit-reveal was on can no longer be revealed.
            _commits.Clear();
        }

        if (_cadence.IsDue(snapshot, self) && (!snapshot.CommitRevealEnabled || _commits.MayCommit(snapshot)))
        {
            IReadOnlyList<(ushort Uid, ushort Weight)> weights;
            lock (_stateLock)
                weights = Rounds.Scores.ToWeights();
            if (weights.Count == 0)
                return;
            if (snapshot.CommitRevealEnabled)
                await CommitWeightsAsync(snapshot, weights, ct).ConfigureAwait(false);
            else
                await SetWeightsAsync(snapshot, weights, ct).ConfigureAwait(false);
        }
    }

    private async Task CommitWeightsAsync(SubnetSnapshot snapshot, IReadOnlyList<(ushort Uid, ushort Weight)> weights, CancellationToken ct)
    {
        _cadence.Sent(snapshot.Block);
        var commit = CommitRevealState.Prepare(_hotkeyId, snapshot.NetUid, weights, snapshot.WeightsVersion, snapshot);
        var result = await _writer.CommitWeightsAsync(Hash256.ParseHex(commit.Hash), ct).ConfigureAwait(false);
        if (result.Success)
        {
            _commits.Committed(commit, snapshot.Block);
            Interlocked.Increment(ref _weightCommits);
            _log.LogInformation("validator {Hotkey}: commit_weights at #{Block} ({Count} uids, reveal after {Period} epoch(s))",
                Hotkey, snapshot.Block, weights.Count, snapshot.CommitRevealPeriod);
        }
        else
        {
            Volatile.Write(ref _lastWeightsError, result.Error);
            _log.LogWarning("validator {Hotkey}: commit_weights at #{Block} failed: {Error}", Hotkey, snapshot.Block, result.Error);
        }
    }

    private async Task RevealDueAsync(SubnetSnapshot snapshot, CancellationToken ct)
    {
        foreach (var commit in _commits.DueReveals(snapshot))
        {
            var result = await _writer.RevealWeightsAsync(commit.Uids, commit.Values, commit.Salt, commit.VersionKey, ct).ConfigureAwait(false);
            var text = string.Join(", ", commit.Uids.Zip(commit.Values, (u, v) => $"{u}:{v}"));
            if (result.Success)
            {
                _commits.Remove(commit);
                Interlocked.Increment(ref _weightSets);
                _log.LogInformation("validator {Hotkey}: reveal_weights at #{Block} (committed at #{Committed}): {Weights}",
                    Hotkey, snapshot.Block, commit.CommitBlock, text);
                continue;
            }
            Volatile.Write(ref _lastWeightsError, result.Error);
            if (CommitRevealState.IsFinal(result.Error))
            {
                _commits.Remove(commit);
                _log.LogWarning("validator {Hotkey}: reveal of the commit from #{Committed} refused ({Error}); dropped",
                    Hotkey, commit.CommitBlock, result.Error);
            }
            else
            {
                _log.LogInformation("validator {Hotkey}: reveal of the commit from #{Committed} not accepted yet ({Error})",
                    Hotkey, commit.CommitBlock, result.Error);
            }
            // Later commits can only be revealed after this one (revealing one drops every older commit on chain).
            break;
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
