using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Sdk.Transactions;

/// <summary>The weight calls of SubtensorModule, signed by the validator's hotkey (mechanism 0: storage index = netuid).</summary>
public static partial class Calls
{
    /// <summary>set_weights(netuid, dests: Vec&lt;u16&gt;, weights: Vec&lt;u16&gt;, version_key) (0).</summary>
    public static byte[] SetWeights(NetUid netuid, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> weights, ulong versionKey)
    {
        SameLength(uids, weights);
        var w = Begin(SubtensorModule, 0);
        w.WriteU16(netuid.Value);
        WriteU16Vec(w, uids);
        WriteU16Vec(w, weights);
        w.WriteU64(versionKey);
        return w.ToArray();
    }

    /// <summary>commit_weights(netuid, commit_hash: H256) (96).</summary>
    public static byte[] CommitWeights(NetUid netuid, Hash256 commitHash)
    {
        var w = Begin(SubtensorModule, 96);
        w.WriteU16(netuid.Value);
        w.WriteFixed(commitHash.AsSpan());
        return w.ToArray();
    }

    /// <summary>reveal_weights(netuid, uids, values, salt, version_key) (97): must hash to an earlier commit.</summary>
    public static byte[] RevealWeights(NetUid netuid, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, IReadOnlyList<ushort> salt, ulong versionKey)
    {
        SameLength(uids, values);
        ArgumentNullException.ThrowIfNull(salt);
        var w = Begin(SubtensorModule, 97);
        w.WriteU16(netuid.Value);
        WriteU16Vec(w, uids);
        WriteU16Vec(w, values);
        WriteU16Vec(w, salt);
        w.WriteU64(versionKey);
        return w.ToArray();
    }

    /// <summary>
    /// The commit-reveal v2 hash (spec-client §5.4): blake2b-256 of SCALE(hotkey 32 bytes, u16 netuid index,
    /// Vec&lt;u16&gt; uids, Vec&lt;u16&gt; values, Vec&lt;u16&gt; salt, u64 version_key). The netuid index is the netuid for mechanism 0.
    /// </summary>
    public static Hash256 WeightCommitHash(AccountId hotkey, ushort netuidIndex, IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values,
        IReadOnlyList<ushort> salt, ulong versionKey)
    {
        SameLength(uids, values);
        ArgumentNullException.ThrowIfNull(salt);
        var w = new ScaleWriter();
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuidIndex);
        WriteU16Vec(w, uids);
        WriteU16Vec(w, values);
        WriteU16Vec(w, salt);
        w.WriteU64(versionKey);
        return Blake2b.Hash256(w.WrittenSpan);
    }

    private static void WriteU16Vec(ScaleWriter w, IReadOnlyList<ushort> values)
    {
        w.WriteCompact((ulong)values.Count);
        foreach (var v in values) w.WriteU16(v);
    }

    private static void SameLength(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(values);
        if (uids.Count != values.Count)
            throw new ArgumentException($"{uids.Count} uids but {values.Count} weight values: give one value per uid");
    }
}
