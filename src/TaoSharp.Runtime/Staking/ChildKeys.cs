using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// Child keys (spec-dtao §5.7): a parent hotkey lends proportions (of u64::MAX) of its stake on one subnet to at most
/// five children. <c>set_children</c> validates and schedules; the schedule applies at the subnet's first epoch after
/// the cooldown (at once while the subtoken is not enabled). <c>ChildKeys</c> and <c>ParentKeys</c> are kept as
/// mirrors of each other: every change goes through <see cref="Persist"/>, which diffs both directions.
/// </summary>
public static class ChildKeys
{
    /// <summary>Blocks between two set_children of one hotkey on one subnet.</summary>
    public const ulong SetChildrenRateLimit = 150;

    /// <summary>Transaction-type ids of <c>TransactionKeyLastBlock</c> (the reference's enum order).</summary>
    public const ushort TxSetChildren = 0;

    public const ushort TxSetChildkeyTake = 1;

    /// <summary><c>set_children</c> (call 67).</summary>
    public static void Schedule(IStateAccess s, SubnetPools pools, AccountId coldkey, AccountId hotkey, NetUid netuid,
        IReadOnlyList<(ulong Proportion, AccountId Child)> children, ulong block, EventLog? events)
    {
        if (!PassesRateLimit(s, hotkey, netuid, TxSetChildren, SetChildrenRateLimit, block))
            throw new DispatchException(DispatchError.TxRateLimitExceeded);
        if (netuid.IsRoot) throw new DispatchException(DispatchError.RegistrationNotPermittedOnRootSubnet);
        if (!SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        if (!OwnsHotkey(s, coldkey, hotkey)) throw new DispatchException(DispatchError.NonAssociatedColdKey);

        var seen = new HashSet<AccountId>();
        foreach (var (_, child) in children)
            if (!seen.Add(child)) throw new DispatchException(DispatchError.DuplicateChild);

        var parents = LoadValidated(s, hotkey, netuid);
        EnsureConsistent(hotkey, children, parents);

        if (children.Count > 0 && TotalStakeInTao(s, pools, hotkey) < SubtensorStorage.StakeThreshold.Get(s)
            && !(SubtensorStorage.SubnetOwnerHotkey.TryGet(s, netuid, out var ownerHotkey) && ownerHotkey == hotkey))
            throw new DispatchException(DispatchError.NotEnoughStakeToSetChildkeys);

        SubtensorStorage.TransactionKeyLastBlock.Set(s, hotkey, (netuid, TxSetChildren), block);
        var list = children.Select(c => (c.Proportion, c.Child)).ToArray();
        if (!SubtensorStorage.SubtokenEnabled.Get(s, netuid))
        {
            ApplyIfConsistent(s, netuid, hotkey, list, events);
            return;
        }

        var cooldown = block + System.Math.Min(ulong.MaxValue - block, SubtensorStorage.PendingChildKeyCooldown.Get(s));
        SubtensorStorage.PendingChildKeys.Set(s, netuid, hotkey, (list, cooldown));
        events?.Deposit(SubtensorEvents.Pallet, "SetChildrenScheduled", ("hotkey", hotkey.ToHex()), ("netuid", netuid.Value.ToString()),
            ("cooldown_block", cooldown.ToString()), ("children", Describe(list)));
    }

    /// <summary>
    /// <c>do_set_root_validators_for_subnet</c> (since 2026-04-22, spec-dtao §5.7): every root validator that has not
    /// opted out is scheduled, as its owner would schedule it, as a 100 % parent of the new subnet's owner hotkey. A
    /// validator whose schedule fails a rule is skipped (the reference only logs it); a refused schedule writes nothing.
    /// </summary>
    public static void ScheduleRootValidatorsAsParents(IStateAccess s, SubnetPools pools, NetUid netuid, ulong block, EventLog? events)
    {
        if (!SubtensorStorage.SubnetOwnerHotkey.TryGet(s, netuid, out var ownerHotkey)) return;
        foreach (var (_, validator) in SubtensorStorage.Keys.IteratePrefix(s, NetUid.Root).ToList())
        {
            if (validator == ownerHotkey || !SubtensorStorage.AutoParentDelegationEnabled.Get(s, validator)) continue;
            try
            {
                Schedule(s, pools, SubtensorStorage.Owner.Get(s, validator), validator, netuid, [(ulong.MaxValue, ownerHotkey)], block, events);
            }
            catch (DispatchException)
            {
                // Every check of Schedule runs before its first write, so nothing is left behind.
            }
        }
    }

    /// <summary><c>set_auto_parent_delegation_enabled</c> (135): the owner of a root validator opts in or out.</summary>
    public static void SetAutoParentDelegation(IStateAccess s, AccountId coldkey, AccountId hotkey, bool enabled, EventLog? events)
    {
        if (!OwnsHotkey(s, coldkey, hotkey)) throw new DispatchException(DispatchError.NonAssociatedColdKey);
        if (!SubtensorStorage.Uids.Contains(s, NetUid.Root, hotkey)) throw new DispatchException(DispatchError.HotKeyNotRegisteredInSubNet);
        SubtensorStorage.AutoParentDelegationEnabled.Set(s, hotkey, enabled);
        events?.Deposit(SubtensorEvents.Pallet, "AutoParentDelegationEnabledSet", ("hotkey", hotkey.ToHex()), ("enabled", enabled ? "true" : "false"));
    }

    /// <summary><c>do_set_pending_children</c>: applies every schedule of the subnet whose cooldown has passed.</summary>
    public static void ApplyPending(IStateAccess s, NetUid netuid, ulong block, EventLog? events)
    {
        var started = SubtensorStorage.SubtokenEnabled.Get(s, netuid);
        var due = SubtensorStorage.PendingChildKeys.IteratePrefix(s, netuid)
            .Where(e => e.Value.CooldownBlock < block || !started).ToList();
        foreach (var (hotkey, (children, _)) in due)
        {
            ApplyIfConsistent(s, netuid, hotkey, children, events);
            SubtensorStorage.PendingChildKeys.Remove(s, netuid, hotkey);
        }
    }

    /// <summary>Children of (hotkey, netuid) as stored.</summary>
    public static (ulong Proportion, AccountId Key)[] Children(IStateReader s, AccountId hotkey, NetUid netuid) =>
        SubtensorStorage.ChildKeys.Get(s, hotkey, netuid);

    /// <summary>Parents of (hotkey, netuid) as stored.</summary>
    public static (ulong Proportion, AccountId Key)[] Parents(IStateReader s, AccountId hotkey, NetUid netuid) =>
        SubtensorStorage.ParentKeys.Get(s, hotkey, netuid);

    /// <summary>proportion / u64::MAX in U96F32 (truncated), as every child-key formula normalises it.</summary>
    public static U96F32 Normalize(ulong proportion) =>
        U96F32.FromUInt(proportion).SafeDiv(U96F32.FromUInt(ulong.MaxValue));

    /// <summary>
    /// Inherited stake (spec-dtao §5.5) of a hotkey on <paramref name="netuid"/> from the per-subnet values
    /// <paramref name="stakeOf"/> (alpha on the subnet, or root TAO for the TAO part): own − Σ own·p_child + Σ parent·p.
    /// </summary>
    public static ulong Inherited(IStateReader s, AccountId hotkey, NetUid netuid, Func<AccountId, ulong> stakeOf)
    {
        var initial = U96F32.FromUInt(stakeOf(hotkey));
        var toChildren = U96F32.Zero;
        foreach (var (p, _) in SubtensorStorage.ChildKeys.Get(s, hotkey, netuid))
            toChildren = toChildren.SaturatingAdd(initial.SaturatingMul(Normalize(p)));
        var fromParents = U96F32.Zero;
        foreach (var (p, parent) in SubtensorStorage.ParentKeys.Get(s, hotkey, netuid))
            fromParents = fromParents.SaturatingAdd(U96F32.FromUInt(stakeOf(parent)).SaturatingMul(Normalize(p)));
        return initial.SaturatingSub(toChildren).SaturatingAdd(fromParents).SaturatingToU64();
    }

    /// <summary><c>get_total_stake_for_hotkey</c>: Σ over subnets (root included) of alpha × spot price, in TAO.</summary>
    public static ulong TotalStakeInTao(IStateReader s, SubnetPools pools, AccountId hotkey)
    {
        var total = U64F64.Zero;
        foreach (var (netuid, alpha) in SubtensorStorage.TotalHotkeyAlpha.IteratePrefix(s, hotkey))
            total = total.SaturatingAdd(U64F64.FromUInt(alpha).SaturatingMul(pools.Price(s, netuid)));
        return total.SaturatingToU64();
    }

    public static bool OwnsHotkey(IStateReader s, AccountId coldkey, AccountId hotkey) =>
        SubtensorStorage.Owner.TryGet(s, hotkey, out var owner) && owner == coldkey;

    /// <summary>The reference's rate-limit rule: first use always passes, then at least <paramref name="limit"/> blocks apart.</summary>
    public static bool PassesRateLimit(IStateReader s, AccountId hotkey, NetUid netuid, ushort txType, ulong limit, ulong block)
    {
        var last = SubtensorStorage.TransactionKeyLastBlock.Get(s, hotkey, (netuid, txType));
        return last == 0 || block - System.Math.Min(block, last) >= limit;
    }

    /// <summary>The current parents of the pivot after checking the stored relations (no self loop, sum bound, bipartite).</summary>
    private static Dictionary<AccountId, ulong> LoadValidated(IStateReader s, AccountId pivot, NetUid netuid)
    {
        var children = new Dictionary<AccountId, ulong>();
        foreach (var (p, c) in SubtensorStorage.ChildKeys.Get(s, pivot, netuid))
            if (c != pivot) children[c] = p;
        var parents = new Dictionary<AccountId, ulong>();
        foreach (var (p, c) in SubtensorStorage.ParentKeys.Get(s, pivot, netuid))
            if (c != pivot) parents[c] = p;
        EnsureProportionSum(children.Values);
        EnsureSeparated(children.Keys, parents);
        return parents;
    }

    /// <summary><c>ensure_pending_consistency</c>: no self loop, at most five, Σ ≤ u64::MAX, no child that is also a parent.</summary>
    private static void EnsureConsistent(AccountId pivot, IEnumerable<(ulong Proportion, AccountId Child)> children, Dictionary<AccountId, ulong> parents)
    {
        var map = new Dictionary<AccountId, ulong>();
        foreach (var (p, c) in children) map[c] = p;
        if (map.ContainsKey(pivot)) throw new DispatchException(DispatchError.InvalidChild);
        if (map.Count > SubtensorStorage.MaxChildren) throw new DispatchException(DispatchError.TooManyChildren);
        EnsureProportionSum(map.Values);
        EnsureSeparated(map.Keys, parents);
    }

    private static void EnsureProportionSum(IEnumerable<ulong> proportions)
    {
        UInt128 total = 0;
        foreach (var p in proportions) total += p;
        if (total > ulong.MaxValue) throw new DispatchException(DispatchError.ProportionOverflow);
    }

    private static void EnsureSeparated(IEnumerable<AccountId> children, Dictionary<AccountId, ulong> parents)
    {
        if (children.Any(parents.ContainsKey)) throw new DispatchException(DispatchError.ChildParentInconsistency);
    }

    /// <summary>
    /// <c>persist_pending_chidren_ok</c>: applies a schedule unless it would now break consistency (then it is dropped
    /// silently, as the reference does), and emits <c>SetChildren</c>.
    /// </summary>
    private static void ApplyIfConsistent(IStateAccess s, NetUid netuid, AccountId pivot, (ulong Proportion, AccountId Key)[] children, EventLog? events)
    {
        var map = new SortedDictionary<AccountId, ulong>(ByteOrder.Instance);
        foreach (var (p, c) in children)
            if (c != pivot) map[c] = p;
        Dictionary<AccountId, ulong> parents;
        try
        {
            EnsureProportionSum(map.Values);
            parents = new Dictionary<AccountId, ulong>();
            foreach (var (p, c) in SubtensorStorage.ParentKeys.Get(s, pivot, netuid))
                if (c != pivot) parents[c] = p;
            EnsureSeparated(map.Keys, parents);
        }
        catch (DispatchException)
        {
            return;
        }

        Persist(s, netuid, pivot, map);
        events?.Deposit(SubtensorEvents.Pallet, "SetChildren", ("hotkey", pivot.ToHex()), ("netuid", netuid.Value.ToString()), ("children", Describe(children)));
    }

    /// <summary>Writes the pivot's children (sorted by account, as the reference's BTreeMap) and mirrors them into ParentKeys.</summary>
    private static void Persist(IStateAccess s, NetUid netuid, AccountId pivot, SortedDictionary<AccountId, ulong> children)
    {
        var previous = SubtensorStorage.ChildKeys.Get(s, pivot, netuid);
        var list = children.Select(e => (e.Value, e.Key)).ToArray();
        if (list.Length == 0) SubtensorStorage.ChildKeys.Remove(s, pivot, netuid);
        else SubtensorStorage.ChildKeys.Set(s, pivot, netuid, list);

        foreach (var (child, p) in children)
        {
            var pk = SubtensorStorage.ParentKeys.Get(s, child, netuid).ToList();
            var i = pk.FindIndex(e => e.Key == pivot);
            if (i >= 0) pk[i] = (p, pivot);
            else pk.Add((p, pivot));
            SubtensorStorage.ParentKeys.Set(s, child, netuid, [.. pk]);
        }

        foreach (var (_, removed) in previous)
        {
            if (children.ContainsKey(removed)) continue;
            var pk = SubtensorStorage.ParentKeys.Get(s, removed, netuid).Where(e => e.Key != pivot).ToArray();
            if (pk.Length == 0) SubtensorStorage.ParentKeys.Remove(s, removed, netuid);
            else SubtensorStorage.ParentKeys.Set(s, removed, netuid, pk);
        }
    }

    private static string Describe((ulong Proportion, AccountId Key)[] children) =>
        string.Join(";", children.Select(c => $"{c.Proportion}:{c.Key.ToHex()}"));

    /// <summary>Byte-wise account order (the reference's BTreeMap order over AccountId32).</summary>
    private sealed class ByteOrder : IComparer<AccountId>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(AccountId x, AccountId y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
    }
}

/// <summary><c>set_childkey_take</c> (spec-dtao §5.6): the share a child keeps of dividends it earns for other coldkeys' parents.</summary>
public static class ChildkeyTakes
{
    /// <summary>max(MinChildkeyTake, MinChildkeyTakePerSubnet).</summary>
    public static ushort EffectiveMin(IStateReader s, NetUid netuid) =>
        System.Math.Max(SubtensorStorage.MinChildkeyTake.Get(s), SubtensorStorage.MinChildkeyTakePerSubnet.Get(s, netuid));

    /// <summary><c>get_childkey_take</c>: the stored take, never below the effective minimum.</summary>
    public static ushort Get(IStateReader s, AccountId hotkey, NetUid netuid) =>
        System.Math.Max(SubtensorStorage.ChildkeyTake.Get(s, hotkey, netuid), EffectiveMin(s, netuid));

    public static void Set(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ushort take, ulong block, EventLog? events)
    {
        if (!ChildKeys.OwnsHotkey(s, coldkey, hotkey)) throw new DispatchException(DispatchError.NonAssociatedColdKey);
        if (take < EffectiveMin(s, netuid) || take > SubtensorStorage.MaxChildkeyTake.Get(s))
            throw new DispatchException(DispatchError.InvalidChildkeyTake);
        if (take > Get(s, hotkey, netuid)
            && !ChildKeys.PassesRateLimit(s, hotkey, netuid, ChildKeys.TxSetChildkeyTake, SubtensorStorage.TxChildkeyTakeRateLimit.Get(s), block))
            throw new DispatchException(DispatchError.TxChildkeyTakeRateLimitExceeded);
        SubtensorStorage.TransactionKeyLastBlock.Set(s, hotkey, (netuid, ChildKeys.TxSetChildkeyTake), block);
        SubtensorStorage.ChildkeyTake.Set(s, hotkey, netuid, take);
        events?.Deposit(SubtensorEvents.Pallet, "ChildKeyTakeSet", ("hotkey", hotkey.ToHex()), ("take", take.ToString()));
    }
}
