using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Scoring;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Tasks;

namespace TaoSharp.Subnets.Forecast.Validator;

/// <summary>One asked task: the miners queried, their answers, and when the future is revealed.</summary>
public sealed class ForecastRound(PendingTask task, IReadOnlyList<NeuronEntry> targets, ulong askedAt, ulong revealAt)
{
    public PendingTask Task { get; } = task;

    public IReadOnlyList<NeuronEntry> Targets { get; } = targets;

    public ulong AskedAt { get; } = askedAt;

    public ulong RevealAt { get; } = revealAt;

    /// <summary>Prediction per target uid; null = no valid answer (error, timeout, blacklisted).</summary>
    public Dictionary<ushort, double[]?> Answers { get; } = new();
}

/// <summary>One miner's result in a revealed round.</summary>
public sealed record MinerRoundScore(ushort Uid, string Hotkey, double? Mase, double Score, double Ema);

/// <summary>A revealed round's scores, for logs.</summary>
public sealed record RoundResult(ulong TaskId, TaskOrigin Origin, ulong RevealedAt, IReadOnlyList<MinerRoundScore> Scores);

/// <summary>
/// The validator's bookkeeping, free of I/O so it can be tested exactly: draws tasks, keeps asked rounds until their
/// future is revealed, scores answers by MASE (reward 1/(1+MASE), 0 for a missing answer) into an EMA per uid, and
/// forgets a uid's score when a different hotkey takes the uid over.
/// </summary>
public sealed class ForecastRounds
{
    private readonly TaskGenerator _tasks;
    private readonly ValidatorOptions _options;
    private readonly List<ForecastRound> _open = [];
    private readonly Dictionary<ushort, string> _hotkeys = new();
    private readonly Dictionary<ushort, (long Asked, long Answered)> _counts = new();
    private ulong _lastAskedAt;
    private bool _askedOnce;

    public ForecastRounds(SeriesCatalog tasksFrom, ValidatorOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _tasks = new TaskGenerator(tasksFrom, options.HistoryLength, options.Horizon, options.Seed);
        Scores = new ScoreBoard(options.EmaAlpha);
    }

    public ScoreBoard Scores { get; }

    public int OpenRounds => _open.Count;

    /// <summary>How often each uid was asked and gave a valid answer.</summary>
    public IReadOnlyDictionary<ushort, (long Asked, long Answered)> Counts => _counts;

    /// <summary>Tracks hotkey changes: a uid taken over by a new hotkey starts again from 0.</summary>
    public void Sync(SubnetSnapshot snapshot)
    {
        foreach (var n in snapshot.Neurons)
        {
            if (_hotkeys.TryGetValue(n.Uid, out var known) && known != n.Hotkey)
            {
                Scores.Reset(n.Uid);
                _counts.Remove(n.Uid);
            }
            _hotkeys[n.Uid] = n.Hotkey;
        }
    }

    /// <summary>A new round when one is due and some miner serves; the targets are every serving neuron but ourselves.</summary>
    public ForecastRound? TryAsk(SubnetSnapshot snapshot, string selfHotkey)
    {
        if (_askedOnce && snapshot.Block < _lastAskedAt + _options.RoundIntervalBlocks)
            return null;
        var targets = snapshot.Neurons.Where(n => n.IsServing && n.Hotkey != selfHotkey).ToArray();
        if (targets.Length == 0)
            return null;
        _askedOnce = true;
        _lastAskedAt = snapshot.Block;
        var round = new ForecastRound(_tasks.Next(), targets, snapshot.Block, snapshot.Block + _options.EffectiveRevealDelay);
        _open.Add(round);
        return round;
    }

    /// <summary>Records the answers of <paramref name="round"/>, in target order (null = no valid answer).</summary>
    public void Record(ForecastRound round, IReadOnlyList<double[]?> predictions)
    {
        if (predictions.Count != round.Targets.Count)
            throw new ArgumentException($"{predictions.Count} answers for {round.Targets.Count} targets", nameof(predictions));
        for (var i = 0; i < predictions.Count; i++)
        {
            var uid = round.Targets[i].Uid;
            round.Answers[uid] = predictions[i];
            var (asked, answered) = _counts.GetValueOrDefault(uid);
            _counts[uid] = (asked + 1, answered + (predictions[i] is null ? 0 : 1));
        }
    }

    /// <summary>Scores every round whose future is revealed at <paramref name="block"/>, oldest first.</summary>
    public IReadOnlyList<RoundResult> Reveal(ulong block)
    {
        var due = _open.Where(r => r.RevealAt <= block).OrderBy(r => r.AskedAt).ToArray();
        var results = new List<RoundResult>(due.Length);
        foreach (var round in due)
        {
            _open.Remove(round);
            var history = round.Task.Task.History;
            var scores = new List<MinerRoundScore>();
            foreach (var target in round.Targets)
            {
                // A uid re-registered to someone else since the question was asked is not scored for it.
                if (_hotkeys.GetValueOrDefault(target.Uid) != target.Hotkey)
                    continue;
                var prediction = round.Answers.GetValueOrDefault(target.Uid);
                var mase = ForecastMetric.Mase(history, round.Task.Future, prediction);
                var score = mase is { } m ? 1.0 / (1.0 + m) : 0.0;
                Scores.Update(target.Uid, score);
                scores.Add(new MinerRoundScore(target.Uid, target.Hotkey, mase, score, Scores.Get(target.Uid)));
            }
            results.Add(new RoundResult(round.Task.Task.TaskId, round.Task.Origin, block, scores));
        }
        return results;
    }
}
