using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// <c>parent_child_swap_hotkey</c>: moves every parent/child relation of the old hotkey on one subnet to the new hotkey
/// (its own <c>ChildKeys</c>/<c>ParentKeys</c>, the mirror entries of its children and parents, and its pending
/// schedule), with the reference's consistency checks: <c>InvalidChild</c> when the new hotkey is already one of the old
/// hotkey's children or parents, <c>ProportionOverflow</c>/<c>ChildParentInconsistency</c>/<c>TooManyChildren</c> when the
/// stored relations or the pending schedule would become inconsistent under the new pivot.
/// </summary>
internal static class ChildKeyRelationsSwap
{
    public static void Swap(IStateAccess s, AccountId oldHotkey, AccountId newHotkey, NetUid netuid)
    {
        // 1. Load (self edges are ignored, as the reference's loader does) and validate.
        var children = Load(SubtensorStorage.ChildKeys.Get(s, oldHotkey, netuid), oldHotkey);
        EnsureProportionSum(children.Values);
        var parents = Load(SubtensorStorage.ParentKeys.Get(s, oldHotkey, netuid), oldHotkey);
        EnsureSeparated(children, parents);

        // 2. Remove the old hotkey from the mirrors of its children and parents, then its own entries.
        foreach (var child in children.Keys)
            SetParents(s, child, netuid, [.. SubtensorStorage.ParentKeys.Get(s, child, netuid).Where(e => e.Key != oldHotkey)]);
        foreach (var parent in parents.Keys)
            SetChildren(s, parent, netuid, [.. SubtensorStorage.ChildKeys.Get(s, parent, netuid).Where(e => e.Key != oldHotkey)]);
        SubtensorStorage.ChildKeys.Remove(s, oldHotkey, netuid);
        SubtensorStorage.ParentKeys.Remove(s, oldHotkey, netuid);

        // 3. Rebind the pivot: the new hotkey may not be its own child or parent.
        if (children.ContainsKey(newHotkey) || parents.ContainsKey(newHotkey)) throw new DispatchException(DispatchError.InvalidChild);

        // 4. The pending schedule follows the pivot when it stays consistent under it.
        if (SubtensorStorage.PendingChildKeys.TryGet(s, netuid, oldHotkey, out var pending))
        {
            var scheduled = new Dictionary<AccountId, ulong>();
            foreach (var (p, c) in pending.Children) scheduled[c] = p;
            if (scheduled.ContainsKey(newHotkey)) throw new DispatchException(DispatchError.InvalidChild);
            if (scheduled.Count > SubtensorStorage.MaxChildren) throw new DispatchException(DispatchError.TooManyChildren);
            EnsureProportionSum(scheduled.Values);
            EnsureSeparated(scheduled, parents);
            SubtensorStorage.PendingChildKeys.Remove(s, netuid, oldHotkey);
            SubtensorStorage.PendingChildKeys.Set(s, netuid, newHotkey, pending);
        }

        // 5. Persist the relations under the new pivot, diffing against what the new hotkey had.
        Persist(s, netuid, newHotkey, children, parents);
    }

    private static SortedDictionary<AccountId, ulong> Load((ulong Proportion, AccountId Key)[] links, AccountId pivot)
    {
        var map = new SortedDictionary<AccountId, ulong>(AccountOrder.Instance);
        foreach (var (p, k) in links)
            if (k != pivot) map[k] = p;
        return map;
    }

    private static void Persist(IStateAccess s, NetUid netuid, AccountId pivot,
        SortedDictionary<AccountId, ulong> children, SortedDictionary<AccountId, ulong> parents)
    {
        var previousChildren = SubtensorStorage.ChildKeys.Get(s, pivot, netuid).Select(e => e.Key).ToHashSet();
        SetChildren(s, pivot, netuid, [.. children.Select(e => (e.Value, e.Key))]);
        foreach (var (child, p) in children) SetParents(s, child, netuid, Upsert(SubtensorStorage.ParentKeys.Get(s, child, netuid), p, pivot));
        foreach (var removed in previousChildren.Where(c => !children.ContainsKey(c)))
            SetParents(s, removed, netuid, [.. SubtensorStorage.ParentKeys.Get(s, removed, netuid).Where(e => e.Key != pivot)]);

        var previousParents = SubtensorStorage.ParentKeys.Get(s, pivot, netuid).Select(e => e.Key).ToHashSet();
        SetParents(s, pivot, netuid, [.. parents.Select(e => (e.Value, e.Key))]);
        foreach (var (parent, p) in parents) SetChildren(s, parent, netuid, Upsert(SubtensorStorage.ChildKeys.Get(s, parent, netuid), p, pivot));
        foreach (var removed in previousParents.Where(c => !parents.ContainsKey(c)))
            SetChildren(s, removed, netuid, [.. SubtensorStorage.ChildKeys.Get(s, removed, netuid).Where(e => e.Key != pivot)]);
    }

    /// <summary><c>upsert_edge</c>: replaces the proportion of an existing edge in place, else appends.</summary>
    private static (ulong, AccountId)[] Upsert((ulong Proportion, AccountId Key)[] list, ulong proportion, AccountId who)
    {
        var copy = list.ToList();
        var i = copy.FindIndex(e => e.Key == who);
        if (i >= 0) copy[i] = (proportion, who);
        else copy.Add((proportion, who));
        return [.. copy];
    }

    private static void SetChildren(IStateAccess s, AccountId parent, NetUid netuid, (ulong, AccountId)[] list)
    {
        if (list.Length == 0) SubtensorStorage.ChildKeys.Remove(s, parent, netuid);
        else SubtensorStorage.ChildKeys.Set(s, parent, netuid, list);
    }

    private static void SetParents(IStateAccess s, AccountId child, NetUid netuid, (ulong, AccountId)[] list)
    {
        if (list.Length == 0) SubtensorStorage.ParentKeys.Remove(s, child, netuid);
        else SubtensorStorage.ParentKeys.Set(s, child, netuid, list);
    }

    private static void EnsureProportionSum(IEnumerable<ulong> proportions)
    {
        UInt128 total = 0;
        foreach (var p in proportions) total += p;
        if (total > ulong.MaxValue) throw new DispatchException(DispatchError.ProportionOverflow);
    }

    private static void EnsureSeparated(IDictionary<AccountId, ulong> children, IDictionary<AccountId, ulong> parents)
    {
        if (children.Keys.Any(parents.ContainsKey)) throw new DispatchException(DispatchError.ChildParentInconsistency);
    }
}

/// <summary>Byte-wise account order: the reference's BTreeMap order over AccountId32, which is also storage key order.</summary>
internal sealed class AccountOrder : IComparer<AccountId>
{
    public static readonly AccountOrder Instance = new();

    public int Compare(AccountId x, AccountId y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
}
