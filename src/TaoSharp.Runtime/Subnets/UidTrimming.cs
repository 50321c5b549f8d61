using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// <c>trim_to_max_allowed_uids</c>: lowers a subnet's MaxAllowedUids and, when more neurons are registered, removes the
/// lowest emitters (never the owner's immune UIDs nor neurons still in their immunity period), then compacts the
/// survivors to UIDs 0..max-1 in their old order and rewrites every per-UID vector and UID-keyed map to match.
/// </summary>
public static class UidTrimming
{
    /// <summary>The runtime's MaxImmuneUidsPercentage: immune UIDs must stay below this share of the new maximum.</summary>
    public const byte MaxImmuneUidsPercent = 80;

    /// <summary>Trims <paramref name="netuid"/> to <paramref name="maxUids"/>; returns the removed UIDs (old numbering), ascending.</summary>
    public static IReadOnlyList<ushort> Trim(IStateAccess state, NetUid netuid, ushort maxUids, ulong block)
    {
        if (!SubtensorStorage.NetworksAdded.Get(state, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        if (maxUids < SubtensorStorage.MinAllowedUids.Get(state, netuid))
            throw new DispatchException(DispatchError.InvalidValue, $"{maxUids} is below MinAllowedUids {SubtensorStorage.MinAllowedUids.Get(state, netuid)}");
        if (maxUids > SubtensorStorage.MaxAllowedUids.Get(state, netuid))
            throw new DispatchException(DispatchError.InvalidValue, $"{maxUids} is above MaxAllowedUids {SubtensorStorage.MaxAllowedUids.Get(state, netuid)}");

        SubtensorStorage.MaxAllowedUids.Set(state, netuid, maxUids);
        ushort n = SubtensorStorage.SubnetworkN.Get(state, netuid);
        if (n <= maxUids) return [];

        var ownerUids = NeuronPruning.ImmuneOwnerUids(state, netuid, n);
        ushort immunityPeriod = SubtensorStorage.ImmunityPeriod.Get(state, netuid);
        bool Protected(ushort uid) => ownerUids.Contains(uid) || IsImmune(state, netuid, uid, block, immunityPeriod);

        int immuneCount = 0;
        for (int uid = 0; uid < n; uid++)
            if (Protected((ushort)uid)) immuneCount++;
        if (PercentFloor(immuneCount, maxUids) >= MaxImmuneUidsPercent)
            throw new DispatchException(DispatchError.TrimmingWouldExceedMaxImmunePercentage,
                $"{immuneCount} immune UIDs of at most {maxUids}");

        // Highest emission first; equal emissions keep UID order (the reference's sort is stable), so among equals the
        // highest UID goes first when removing from the end.
        var emissions = SubtensorStorage.Emission.Get(state, netuid)
            .Select((e, uid) => (Uid: uid, Emission: e))
            .OrderByDescending(x => x.Emission)
            .ToList();

        ushort idx = SubtensorStorage.MainIndex(netuid);
        var removed = new List<ushort>();
        int left = n;
        for (int i = n - 1; i >= 0 && left != maxUids; i--)
        {
            if (i >= emissions.Count) continue; // an Emission vector shorter than n: the reference skips the slot too
            ushort uid = (ushort)emissions[i].Uid;
            if (Protected(uid)) continue;
            RemoveNeuron(state, netuid, idx, uid);
            emissions.RemoveAt(i);
            removed.Add(uid);
            left--;
        }

        emissions.Sort((a, b) => a.Uid.CompareTo(b.Uid));
        var kept = emissions.Select(e => e.Uid).ToArray();
        SubtensorStorage.Emission.Set(state, netuid, emissions.Select(e => e.Emission).ToArray());
        Compact(state, SubtensorStorage.Active, netuid, kept);
        Compact(state, SubtensorStorage.Consensus, netuid, kept);
        Compact(state, SubtensorStorage.Dividends, netuid, kept);
        Compact(state, SubtensorStorage.ValidatorTrust, netuid, kept);
        Compact(state, SubtensorStorage.ValidatorPermit, netuid, kept);
        Compact(state, SubtensorStorage.StakeWeight, netuid, kept);
        Compact(state, SubtensorStorage.Incentive, idx, kept);
        Compact(state, SubtensorStorage.LastUpdate, idx, kept);

        var newUid = new Dictionary<ushort, ushort>(kept.Length);
        for (int k = 0; k < kept.Length; k++) newUid[(ushort)kept[k]] = (ushort)k;

        // Ascending old UID: each survivor moves down into a slot that is empty by then (removed, or already moved on).
        foreach (var (from, to) in newUid.OrderBy(p => p.Key))
        {
            Move(state, SubtensorStorage.Keys, netuid, from, to);
            Move(state, SubtensorStorage.BlockAtRegistration, netuid, from, to);
            Move(state, SubtensorStorage.Weights, idx, from, to);
            SubtensorStorage.Weights.Set(state, idx, to, Remap(SubtensorStorage.Weights.Get(state, idx, to), newUid));
            Move(state, SubtensorStorage.Bonds, idx, from, to);
            SubtensorStorage.Bonds.Set(state, idx, to, Remap(SubtensorStorage.Bonds.Get(state, idx, to), newUid));
        }

        SubtensorStorage.Uids.RemovePrefix(state, netuid);
        foreach (ushort to in newUid.Values)
            SubtensorStorage.Uids.Set(state, netuid, SubtensorStorage.Keys.Get(state, netuid, to), to);

        SubtensorStorage.SubnetworkN.Set(state, netuid, maxUids);
        removed.Sort();
        return removed;
    }

    /// <summary><c>get_neuron_is_immune</c>: registered fewer than ImmunityPeriod blocks ago.</summary>
    private static bool IsImmune(IStateReader state, NetUid netuid, ushort uid, ulong block, ushort immunityPeriod)
    {
        ulong registered = SubtensorStorage.BlockAtRegistration.Get(state, netuid, uid);
        return block - System.Math.Min(block, registered) < immunityPeriod;
    }

    /// <summary>Percent::from_rational(p, q): parts per hundred rounded down, saturating at 100.</summary>
    private static int PercentFloor(int p, int q) => q == 0 || p >= q ? 100 : p * 100 / q;

    /// <summary>Everything the removed neuron owned on this subnet, by hotkey and by UID.</summary>
    private static void RemoveNeuron(IStateAccess state, NetUid netuid, ushort idx, ushort uid)
    {
        if (SubtensorStorage.Keys.TryGet(state, netuid, uid, out var hotkey))
        {
            SubtensorStorage.Uids.Remove(state, netuid, hotkey);
            SubtensorStorage.AlphaDividendsPerSubnet.Remove(state, netuid, hotkey);
            AxonServing.Forget(state, netuid, hotkey);
        }
        SubtensorStorage.Keys.Remove(state, netuid, uid);
        SubtensorStorage.BlockAtRegistration.Remove(state, netuid, uid);
        SubtensorStorage.Weights.Remove(state, idx, uid);
        SubtensorStorage.Bonds.Remove(state, idx, uid);
    }

    /// <summary>The vector's entries at the kept UIDs, in order; a missing entry becomes the default (so a short or
    /// never-written vector comes out with exactly one entry per survivor, as the reference writes it).</summary>
    private static void Compact<TKey, T>(IStateAccess state, StorageMap<TKey, T[]> item, TKey key, int[] kept)
    {
        var v = item.Get(state, key);
        var r = new T[kept.Length];
        for (int k = 0; k < kept.Length; k++) r[k] = kept[k] < v.Length ? v[kept[k]] : default!;
        item.Set(state, key, r);
    }

    /// <summary>The reference's storage <c>swap</c> of two UID keys; the target slot is always empty here, so it is a move.</summary>
    private static void Move<TKey, T>(IStateAccess state, StorageDoubleMap<TKey, ushort, T> item, TKey key, ushort from, ushort to)
    {
        if (from == to) return;
        bool hasFrom = item.TryGet(state, key, from, out var a);
        bool hasTo = item.TryGet(state, key, to, out var b);
        if (hasTo) item.Set(state, key, from, b); else item.Remove(state, key, from);
        if (hasFrom) item.Set(state, key, to, a); else item.Remove(state, key, to);
    }

    /// <summary>A weight or bond row in the new numbering; entries on removed UIDs are dropped.</summary>
    private static (ushort Uid, ushort Value)[] Remap((ushort Uid, ushort Value)[] row, Dictionary<ushort, ushort> newUid)
    {
        var r = new List<(ushort, ushort)>(row.Length);
        foreach (var (target, value) in row)
            if (newUid.TryGetValue(target, out var t)) r.Add((t, value));
        return [.. r];
    }
}
