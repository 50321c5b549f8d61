namespace TaoSharp.Sdk.Transactions;

/// <summary>Weights ready for set_weights / a commit: parallel uid and u16 value lists.</summary>
public sealed record ChainWeights(ushort[] Uids, ushort[] Values);

/// <summary>
/// The SDK's conversion of float weights to the chain's u16 form (spec-client §5.4): negatives and non-finite values are
/// refused; all zero gives empty lists; otherwise each weight is scaled so the largest is 65535 with Python's
/// round-half-even on (w / max) × 65535 computed in binary floating point, as the Python SDK does, and entries that round
/// to 0 are dropped. Floating point is right here: this is client-side input conversion and must reproduce the Python
/// SDK's values bit for bit; the chain only ever sees the resulting integers.
/// </summary>
public static class WeightNormalization
{
    public const ushort U16Max = ushort.MaxValue;

    public static ChainWeights ToChain(IReadOnlyList<ushort> uids, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(weights);
        if (uids.Count != weights.Count)
            throw new ArgumentException($"{uids.Count} uids but {weights.Count} weights: give one weight per uid");
        if (uids.Distinct().Count() != uids.Count) throw new ArgumentException("a uid appears twice in the weights");
        double max = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            var w = weights[i];
            if (!double.IsFinite(w)) throw new ArgumentException($"weight for uid {uids[i]} is not a finite number");
            if (w < 0) throw new ArgumentException($"weight for uid {uids[i]} is negative ({w}); weights must be >= 0");
            if (w > max) max = w;
        }
        if (max == 0) return new ChainWeights([], []);
        var outUids = new List<ushort>(uids.Count);
        var outValues = new List<ushort>(uids.Count);
        for (int i = 0; i < weights.Count; i++)
        {
            var scaled = System.Math.Round(weights[i] / max * U16Max, MidpointRounding.ToEven);
            if (scaled == 0) continue;
            outUids.Add(uids[i]);
            outValues.Add((ushort)scaled);
        }
        return new ChainWeights([.. outUids], [.. outValues]);
    }
}
