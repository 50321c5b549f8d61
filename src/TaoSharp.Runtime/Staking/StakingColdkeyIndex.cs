using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// The dense coldkey index the automatic root claims sample from (spec-dtao §4.8). Invariant:
/// <c>StakingColdkeys[c] == i ⇔ StakingColdkeysByIndex[i] == c</c> for every i &lt; <c>NumStakingColdkeys</c>, and no
/// slot at or above n is used. A coldkey joins when it stakes into root, claims or sets its claim type; it leaves when
/// an unstake from root leaves it without any root stake (the last slot moves into the freed one).
/// </summary>
public static class StakingColdkeyIndex
{
    /// <summary>Appends the coldkey at slot n unless it is already indexed.</summary>
    public static void MaybeAdd(IStateAccess s, AccountId coldkey)
    {
        if (SubtensorStorage.StakingColdkeys.Contains(s, coldkey)) return;
        var n = SubtensorStorage.NumStakingColdkeys.Get(s);
        SubtensorStorage.StakingColdkeysByIndex.Set(s, n, coldkey);
        SubtensorStorage.StakingColdkeys.Set(s, coldkey, n);
        SubtensorStorage.NumStakingColdkeys.Set(s, n == ulong.MaxValue ? n : n + 1);
    }

    /// <summary>Takes the coldkey out of the index, moving the last slot's coldkey into its slot so the index stays dense.</summary>
    public static void MaybeRemove(IStateAccess s, AccountId coldkey)
    {
        if (!SubtensorStorage.StakingColdkeys.TryGet(s, coldkey, out var slot)) return;
        SubtensorStorage.StakingColdkeys.Remove(s, coldkey);
        var n = SubtensorStorage.NumStakingColdkeys.Get(s);
        var last = n == 0 ? 0 : n - 1;
        if (slot != last && SubtensorStorage.StakingColdkeysByIndex.TryGet(s, last, out var moved))
        {
            SubtensorStorage.StakingColdkeysByIndex.Remove(s, last);
            SubtensorStorage.StakingColdkeysByIndex.Set(s, slot, moved);
            SubtensorStorage.StakingColdkeys.Set(s, moved, slot);
        }
        else
        {
            SubtensorStorage.StakingColdkeysByIndex.Remove(s, slot);
        }
        SubtensorStorage.NumStakingColdkeys.Set(s, last);
    }

    /// <summary>Whether any of the coldkey's staking hotkeys still holds root stake for it.</summary>
    public static bool HasRootStake(IStateReader s, AccountId coldkey)
    {
        foreach (var hotkey in SubtensorStorage.StakingHotkeys.Get(s, coldkey))
            if (StakeLedger.Stake(s, hotkey, coldkey, NetUid.Root) != 0) return true;
        return false;
    }

    /// <summary>After an unstake from root: a coldkey left without root stake leaves the index.</summary>
    public static void OnRootUnstaked(IStateAccess s, AccountId coldkey)
    {
        if (!HasRootStake(s, coldkey)) MaybeRemove(s, coldkey);
    }

    /// <summary>The coldkeys in slot order (queries and tests).</summary>
    public static IReadOnlyList<AccountId> Coldkeys(IStateReader s)
    {
        var n = SubtensorStorage.NumStakingColdkeys.Get(s);
        var list = new List<AccountId>();
        for (ulong i = 0; i < n; i++)
            if (SubtensorStorage.StakingColdkeysByIndex.TryGet(s, i, out var c)) list.Add(c);
        return list;
    }

    /// <summary>Violations of the index invariant (empty when consistent): slots 0..n−1 filled with distinct coldkeys whose
    /// inverse entry points back, and no entry outside them.</summary>
    public static IReadOnlyList<string> Check(IStateReader s)
    {
        var errors = new List<string>();
        var n = SubtensorStorage.NumStakingColdkeys.Get(s);
        var bySlot = SubtensorStorage.StakingColdkeysByIndex.Iterate(s).ToList();
        var byColdkey = SubtensorStorage.StakingColdkeys.Iterate(s).ToList();
        if ((ulong)bySlot.Count != n) errors.Add($"StakingColdkeysByIndex has {bySlot.Count} slots, NumStakingColdkeys is {n}");
        if ((ulong)byColdkey.Count != n) errors.Add($"StakingColdkeys has {byColdkey.Count} coldkeys, NumStakingColdkeys is {n}");
        foreach (var (slot, coldkey) in bySlot)
        {
            if (slot >= n) errors.Add($"slot {slot} is at or above NumStakingColdkeys {n}");
            if (!SubtensorStorage.StakingColdkeys.TryGet(s, coldkey, out var back) || back != slot)
                errors.Add($"slot {slot} holds {coldkey.ToHex()} whose StakingColdkeys entry does not point back");
        }
        return errors;
    }
}
