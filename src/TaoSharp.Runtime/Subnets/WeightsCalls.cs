using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// <c>set_weights</c> and hash-based commit-reveal (spec-yuma §5.1–5.2, the non-drand design of §5.4).
/// Every function takes the signing hotkey and the current block; a failed rule throws
/// <see cref="DispatchException"/> with the reference's error, checked in the reference's order.
/// </summary>
public sealed class WeightsCalls(IStakeView stakes)
{
    /// <summary>The reference's <c>get_max_weight_limit</c> is a constant 65535, so the max-weight rule always passes.</summary>
    private const ushort MaxWeightLimit = ushort.MaxValue;

    /// <summary><c>set_weights(netuid, uids, values, version_key)</c>.</summary>
    public void SetWeights(IStateAccess state, AccountId hotkey, NetUid netuid, ushort[] uids, ushort[] values, ulong versionKey, ulong block)
    {
        if (SubtensorStorage.CommitRevealWeightsEnabled.Get(state, netuid))
            throw new DispatchException(DispatchError.CommitRevealEnabled);
        ApplyWeights(state, hotkey, netuid, uids, values, versionKey, block, commitRevealFlow: false);
    }

    /// <summary><c>commit_weights(netuid, hash)</c>: queue a hash commit for the current epoch.</summary>
    public static void CommitWeights(IStateAccess state, AccountId hotkey, NetUid netuid, Hash256 commitHash, ulong block)
    {
        if (!SubtensorStorage.CommitRevealWeightsEnabled.Get(state, netuid))
            throw new DispatchException(DispatchError.CommitRevealDisabled);
        if (!SubtensorStorage.Uids.TryGet(state, netuid, hotkey, out ushort uid))
            throw new DispatchException(DispatchError.HotKeyNotRegisteredInSubNet);
        ushort idx = SubtensorStorage.MainIndex(netuid);
        if (!RateLimitPassed(state, netuid, idx, uid, block))
            throw new DispatchException(DispatchError.CommittingWeightsTooFast);

        ulong currentEpoch = CurrentEpoch(state, netuid);
        ulong revealPeriod = SubtensorStorage.RevealPeriodEpochs.Get(state, netuid);
        var queue = SubtensorStorage.WeightCommits.Get(state, idx, hotkey)
            .SkipWhile(c => c.IsExpired(currentEpoch, revealPeriod)).ToList();
        if (queue.Count >= WeightCommit.MaxUnrevealed)
            throw new DispatchException(DispatchError.TooManyUnrevealedCommits);
        queue.Add(new WeightCommit(commitHash, currentEpoch, block));
        SubtensorStorage.WeightCommits.Set(state, idx, hotkey, [.. queue]);
        SetLastUpdate(state, netuid, idx, uid, block);
    }

    /// <summary>
    /// <c>reveal_weights(netuid, uids, values, salt, version_key)</c>: the matching commit must be in its reveal epoch
    /// (commit epoch + RevealPeriodEpochs); that commit and all older ones are removed, then the weights are
    /// validated and stored like set_weights (no rate limit, LastUpdate stays the commit block).
    /// </summary>
    public void RevealWeights(IStateAccess state, AccountId hotkey, NetUid netuid, ushort[] uids, ushort[] values, ushort[] salt, ulong versionKey, ulong block)
    {
        if (!SubtensorStorage.CommitRevealWeightsEnabled.Get(state, netuid))
            throw new DispatchException(DispatchError.CommitRevealDisabled);
        ushort idx = SubtensorStorage.MainIndex(netuid);
        var commits = SubtensorStorage.WeightCommits.Get(state, idx, hotkey);
        if (commits.Length == 0) throw new DispatchException(DispatchError.NoWeightsCommitFound);

        ulong currentEpoch = CurrentEpoch(state, netuid);
        ulong revealPeriod = SubtensorStorage.RevealPeriodEpochs.Get(state, netuid);
        Hash256 hash = CommitHash(hotkey, idx, uids, values, salt, versionKey);
        int expired = commits.TakeWhile(c => c.IsExpired(currentEpoch, revealPeriod)).Count();
        int position = Array.FindIndex(commits, expired, c => c.Hash == hash);
        if (position < 0)
        {
            bool matchesExpired = Array.FindIndex(commits, 0, expired, c => c.Hash == hash) >= 0;
            throw new DispatchException(matchesExpired ? DispatchError.ExpiredWeightCommit : DispatchError.InvalidRevealCommitHashNotMatch);
        }
        if (currentEpoch != commits[position].RevealEpoch(revealPeriod))
            throw new DispatchException(DispatchError.RevealTooEarly);

        SubtensorStorage.WeightCommits.Set(state, idx, hotkey, commits[(position + 1)..]);
        ApplyWeights(state, hotkey, netuid, uids, values, versionKey, block, commitRevealFlow: true);
    }

    /// <summary>
    /// The commit hash: BlakeTwo256 of SCALE(hotkey, netuid_index u16, uids Vec&lt;u16&gt;, values Vec&lt;u16&gt;,
    /// salt Vec&lt;u16&gt;, version_key u64) — what a validator computes off-chain before committing.
    /// </summary>
    public static Hash256 CommitHash(AccountId hotkey, ushort netuidIndex, ushort[] uids, ushort[] values, ushort[] salt, ulong versionKey)
    {
        var w = new ScaleWriter();
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuidIndex);
        WriteU16Vec(w, uids);
        WriteU16Vec(w, values);
        WriteU16Vec(w, salt);
        w.WriteU64(versionKey);
        return Blake2b.Hash256(w.WrittenSpan);
    }

    private static void WriteU16Vec(ScaleWriter w, ushort[] v)
    {
        w.WriteCompact((ulong)v.Length);
        foreach (ushort x in v) w.WriteU16(x);
    }

    /// <summary>The epoch index used by commit-reveal. Extrinsics run after the block's epochs, so no look-ahead applies.</summary>
    private static ulong CurrentEpoch(IStateReader state, NetUid netuid) => SubtensorStorage.SubnetEpochIndex.Get(state, netuid);

    /// <summary><c>internal_set_weights</c>: rules 1–16 of spec-yuma §5.1 in order.</summary>
    private void ApplyWeights(IStateAccess state, AccountId hotkey, NetUid netuid, ushort[] uids, ushort[] values, ulong versionKey, ulong block, bool commitRevealFlow)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(values);
        if (netuid.IsRoot) throw new DispatchException(DispatchError.CanNotSetRootNetworkWeights);
        if (uids.Length != values.Length) throw new DispatchException(DispatchError.WeightVecNotEqualSize);
        if (!SubtensorStorage.NetworksAdded.Get(state, netuid)) throw new DispatchException(DispatchError.MechanismDoesNotExist);
        int n = SubtensorStorage.SubnetworkN.Get(state, netuid);
        if (uids.Length > n) throw new DispatchException(DispatchError.UidsLengthExceedUidsInSubNet);
        if (!SubtensorStorage.Uids.TryGet(state, netuid, hotkey, out ushort uid))
            throw new DispatchException(DispatchError.HotKeyNotRegisteredInSubNet);

        bool isOwnerHotkey = SubtensorStorage.SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey) && ownerHotkey == hotkey;
        if (!isOwnerHotkey && !HasStakeToSetWeights(state, netuid, hotkey))
            throw new DispatchException(DispatchError.NotEnoughStakeToSetWeights);

        ulong requiredVersion = SubtensorStorage.WeightsVersionKey.Get(state, netuid);
        if (requiredVersion != 0 && versionKey < requiredVersion)
            throw new DispatchException(DispatchError.IncorrectWeightVersionKey);

        ushort idx = SubtensorStorage.MainIndex(netuid);
        if (!commitRevealFlow && !RateLimitPassed(state, netuid, idx, uid, block))
            throw new DispatchException(DispatchError.SettingWeightsTooFast);

        bool isSelfWeight = uids.Length == 1 && uids[0] == uid;
        var permits = SubtensorStorage.ValidatorPermit.Get(state, netuid);
        bool hasPermit = uid < permits.Length && permits[uid];
        if (!isSelfWeight && !isOwnerHotkey && !hasPermit)
            throw new DispatchException(DispatchError.NeuronNoValidatorPermit);

        if (uids.Length != uids.Distinct().Count()) throw new DispatchException(DispatchError.DuplicateUids);
        foreach (ushort target in uids)
            if (target >= n || !SubtensorStorage.Keys.Contains(state, netuid, target))
                throw new DispatchException(DispatchError.UidVecContainInvalidOne);

        int minLength = System.Math.Min(SubtensorStorage.MinAllowedWeights.Get(state, netuid), n);
        if (!isSelfWeight && uids.Length < minLength) throw new DispatchException(DispatchError.WeightVecLengthIsLow);

        ushort[] upscaled = EpochVector.U16MaxUpscaleToU16(values);
        if (!isSelfWeight && !EpochVector.CheckMaxLimited(upscaled, MaxWeightLimit))
            throw new DispatchException(DispatchError.MaxWeightExceeded);

        var row = new (ushort, ushort)[uids.Length];
        for (int k = 0; k < uids.Length; k++) row[k] = (uids[k], upscaled[k]);
        SubtensorStorage.Weights.Set(state, idx, uid, row);
        if (!commitRevealFlow) SetLastUpdate(state, netuid, idx, uid, block);
    }

    /// <summary>Owner excepted, the hotkey's total stake (alpha + tao·TaoWeight, I64F64) must reach StakeThreshold.</summary>
    private bool HasStakeToSetWeights(IStateReader state, NetUid netuid, AccountId hotkey)
    {
        var total = StakeWeights.TotalStake(
            stakes.AlphaStake(state, netuid, hotkey), stakes.RootStake(state, hotkey),
            StakeWeights.TaoWeightBits(SubtensorStorage.TaoWeight.Get(state)));
        return total >= StakeWeights.FromU64(SubtensorStorage.StakeThreshold.Get(state));
    }

    private static bool RateLimitPassed(IStateReader state, NetUid netuid, ushort idx, ushort uid, ulong block)
    {
        var lastUpdate = SubtensorStorage.LastUpdate.Get(state, idx);
        ulong last = uid < lastUpdate.Length ? lastUpdate[uid] : 0;
        if (last == 0) return true;
        ulong since = block >= last ? block - last : 0;
        return since >= SubtensorStorage.WeightsSetRateLimit.Get(state, netuid);
    }

    internal static void SetLastUpdate(IStateAccess state, NetUid netuid, ushort idx, ushort uid, ulong block)
    {
        var lastUpdate = SubtensorStorage.LastUpdate.Get(state, idx);
        if (lastUpdate.Length <= uid) Array.Resize(ref lastUpdate, uid + 1);
        lastUpdate[uid] = block;
        SubtensorStorage.LastUpdate.Set(state, idx, lastUpdate);
    }
}
