namespace TaoSharp.Subnets.Forecast.Scoring;

/// <summary>
/// A validator's exponential moving average of each miner's round scores:
/// ema ← alpha · score + (1 − alpha) · ema. A miner seen for the first time starts from 0, so one lucky round does
/// not make it the top miner. Not thread-safe: the validator loop owns it.
/// </summary>
public sealed class ScoreBoard
{
    private readonly Dictionary<ushort, double> _ema = new();

    public ScoreBoard(double alpha)
    {
        if (!(alpha > 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), "must be in (0, 1]");
        Alpha = alpha;
    }

    public double Alpha { get; }

    public IReadOnlyDictionary<ushort, double> Scores => _ema;

    public double Get(ushort uid) => _ema.GetValueOrDefault(uid);

    public void Update(ushort uid, double score)
    {
        if (!double.IsFinite(score) || score < 0 || score > 1)
            throw new ArgumentOutOfRangeException(nameof(score), "round scores are in [0, 1]");
        _ema[uid] = Alpha * score + (1 - Alpha) * _ema.GetValueOrDefault(uid);
    }

    /// <summary>Forget a UID (deregistered and replaced) so the newcomer does not inherit its score.</summary>
    public void Reset(ushort uid) => _ema.Remove(uid);

    /// <summary>
    /// Weights for set_weights: UIDs ascending, values scaled so the largest is u16::MAX (the usual Bittensor
    /// normalisation; the chain renormalises). Empty when nobody has a positive score.
    /// </summary>
    public IReadOnlyList<(ushort Uid, ushort Weight)> ToWeights()
    {
        var max = _ema.Values.DefaultIfEmpty(0).Max();
        if (max <= 0)
            return [];
        return _ema.Where(kv => kv.Value > 0)
            .OrderBy(kv => kv.Key)
            .Select(kv => (kv.Key, (ushort)System.Math.Round(kv.Value / max * ushort.MaxValue)))
            .Where(w => w.Item2 > 0)
            .ToArray();
    }
}
