using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// <c>swap_hotkey</c> (70) / <c>swap_hotkey_v2</c> (72): a coldkey replaces one of its hotkeys by another, on every
/// subnet (cost <see cref="KeySwapConstants.KeySwapCost"/>) or on one subnet (cost
/// <see cref="KeySwapConstants.KeySwapOnSubnetCost"/>); the cost is recycled. Checks in the reference's order, then
/// everything the old hotkey has is moved: ownership, UID and key, axon, prometheus endpoint, TLS certificate, weight commits,
/// childkey take, child/parent relations and schedules (also where it is someone's pending child), auto-stake
/// destinations pointing at it, the subnet owner hotkey, delegate take and rate-limit blocks, and (unless <c>keep_stake</c>) its stakers' positions, last-epoch
/// dividend records and, on root, its root-claim rates and watermarks and the auto-parent flag.
/// </summary>
public static class HotkeySwap
{
    public static void Swap(IStateAccess s, AccountId coldkey, AccountId oldHotkey, AccountId newHotkey, NetUid? netuid,
        bool keepStake, ulong block, EventLog? events)
    {
        if (!OwnedBy(s, oldHotkey, coldkey)) throw new DispatchException(DispatchError.NonAssociatedColdKey);
        if (SubtensorStorage.Owner.Contains(s, newHotkey) && !OwnedBy(s, newHotkey, coldkey))
            throw new DispatchException(DispatchError.NonAssociatedColdKey, "the new hotkey belongs to another coldkey");
        if (oldHotkey == newHotkey) throw new DispatchException(DispatchError.NewHotKeyIsSameWithOld);
        if (ExceedsTxRateLimit(s, SubtensorStorage.LastTxBlock.Get(s, coldkey), block))
            throw new DispatchException(DispatchError.HotKeySetTxRateLimitExceeded);

        if (netuid is { } only)
        {
            if (SubtensorStorage.Uids.Contains(s, only, newHotkey)) throw new DispatchException(DispatchError.HotKeyAlreadyRegisteredInSubNet);
        }
        else if (KeySwapSubnets.All(s).Any(n => SubtensorStorage.Uids.Contains(s, n, newHotkey)))
        {
            throw new DispatchException(DispatchError.HotKeyAlreadyRegisteredInSubNet);
        }

        // Merging a non-empty root claim book into the new hotkey would misallocate dividends: require it clean.
        if (netuid is null || netuid.Value.IsRoot)
        {
            var clean = !SubtensorStorage.RootClaimable.IteratePrefix(s, newHotkey).Any()
                && SubtensorStorage.TotalHotkeyAlpha.Get(s, newHotkey, NetUid.Root) == 0
                && !SubtensorStorage.RootClaimed.IteratePrefix(s, newHotkey).Any();
            if (!clean) throw new DispatchException(DispatchError.NewHotKeyNotCleanForRootSwap);
        }

        // The rate-limit blocks of the old hotkey carry over to the new one (so a swap cannot reset them).
        CopyOrRemove(s, SubtensorStorage.LastTxBlock, oldHotkey, newHotkey);
        CopyOrRemove(s, SubtensorStorage.LastTxBlockDelegateTake, oldHotkey, newHotkey);
        foreach (var (key, last) in SubtensorStorage.TransactionKeyLastBlock.IteratePrefix(s, oldHotkey).ToList())
            if (netuid is null || key.Netuid == netuid.Value)
                SubtensorStorage.TransactionKeyLastBlock.Set(s, newHotkey, key, last);

        if (netuid is { } one) SwapOnSubnet(s, coldkey, oldHotkey, newHotkey, one, keepStake, block, events);
        else SwapOnAllSubnets(s, coldkey, oldHotkey, newHotkey, keepStake, block, events);
    }

    /// <summary><c>exceeds_tx_rate_limit</c>: never for a first transaction or a zero limit, else within the limit.</summary>
    public static bool ExceedsTxRateLimit(IStateReader s, ulong previous, ulong block)
    {
        var limit = SubtensorStorage.TxRateLimit.Get(s);
        if (limit == 0 || previous == 0) return false;
        return block - System.Math.Min(block, previous) <= limit;
    }

    private static void SwapOnAllSubnets(IStateAccess s, AccountId coldkey, AccountId oldHotkey, AccountId newHotkey,
        bool keepStake, ulong block, EventLog? events)
    {
        // The per-subnet cooldown also applies here, on every subnet the old hotkey is a member of or a parent on
        // (not where it is only a child: a parent can name anyone its child). A first swap is never gated.
        var subnets = KeySwapSubnets.All(s);
        var affected = subnets
            .Where(n => SubtensorStorage.Uids.Contains(s, n, oldHotkey) || SubtensorStorage.ChildKeys.Get(s, oldHotkey, n).Length > 0)
            .ToList();
        foreach (var n in affected)
        {
            var last = SubtensorStorage.LastHotkeySwapOnNetuid.Get(s, n, coldkey);
            if (last != 0 && !(SafeMath.SaturatingAdd(last, KeySwapConstants.HotkeySwapOnSubnetInterval) < block))
                throw new DispatchException(DispatchError.HotKeySwapOnSubnetIntervalNotPassed, $"subnet {n.Value}");
        }

        if (!SwapCostPayment.CanPay(s, coldkey, KeySwapConstants.KeySwapCost))
            throw new DispatchException(DispatchError.NotEnoughBalanceToPaySwapHotKey);
        SwapCostPayment.Recycle(s, coldkey, KeySwapConstants.KeySwapCost);

        // Coldkeys with a position on the old hotkey, read before the positions move (for StakingHotkeys below).
        var stakers = SubtensorStorage.Alpha.IteratePrefix(s, oldHotkey)
            .Where(e => e.Value != UInt128.Zero).Select(e => e.Key2.Coldkey).Distinct().ToList();

        SubtensorStorage.Owner.Remove(s, oldHotkey);
        SetHotkeyOwner(s, coldkey, newHotkey);

        foreach (var n in subnets) SwapSubnetData(s, oldHotkey, newHotkey, n, keepStake, events);

        SubtensorStorage.LastTxBlock.Remove(s, oldHotkey);
        SubtensorStorage.LastTxBlockDelegateTake.Remove(s, oldHotkey);
        SubtensorStorage.TransactionKeyLastBlock.RemovePrefix(s, oldHotkey);
        if (SubtensorStorage.Delegates.TryGet(s, oldHotkey, out var take))
        {
            SubtensorStorage.Delegates.Remove(s, oldHotkey);
            SubtensorStorage.Delegates.Set(s, newHotkey, take);
        }

        if (!keepStake)
        {
            foreach (var staker in stakers)
            {
                var list = SubtensorStorage.StakingHotkeys.Get(s, staker);
                if (Array.IndexOf(list, oldHotkey) < 0) continue;
                SubtensorStorage.StakingHotkeys.Set(s, staker, [.. list.Where(h => h != oldHotkey && h != newHotkey), newHotkey]);
            }
        }

        foreach (var n in affected) SubtensorStorage.LastHotkeySwapOnNetuid.Set(s, n, coldkey, block);
        SubtensorStorage.LastTxBlock.Set(s, coldkey, block);
        events?.Deposit(SubtensorEvents.Pallet, "HotkeySwapped", ("coldkey", coldkey.ToHex()),
            ("old_hotkey", oldHotkey.ToHex()), ("new_hotkey", newHotkey.ToHex()));
    }

    private static void SwapOnSubnet(IStateAccess s, AccountId coldkey, AccountId oldHotkey, AccountId newHotkey, NetUid netuid,
        bool keepStake, ulong block, EventLog? events)
    {
        // The reference gates even a first per-subnet swap by the interval since block 0.
        var last = SubtensorStorage.LastHotkeySwapOnNetuid.Get(s, netuid, coldkey);
        if (!(SafeMath.SaturatingAdd(last, KeySwapConstants.HotkeySwapOnSubnetInterval) < block))
            throw new DispatchException(DispatchError.HotKeySwapOnSubnetIntervalNotPassed);
        if (StakingAccounts.IsSystemAccount(newHotkey)) throw new DispatchException(DispatchError.CannotUseSystemAccount);
        if (SubtensorStorage.Uids.Contains(s, netuid, newHotkey)) throw new DispatchException(DispatchError.HotKeyAlreadyRegisteredInSubNet);

        if (!SwapCostPayment.CanPay(s, coldkey, KeySwapConstants.KeySwapOnSubnetCost))
            throw new DispatchException(DispatchError.NotEnoughBalanceToPaySwapHotKey);
        SwapCostPayment.Recycle(s, coldkey, KeySwapConstants.KeySwapOnSubnetCost);

        // The old hotkey stays owned: it keeps its place on the other subnets.
        SubtensorStorage.Owner.Set(s, newHotkey, coldkey);
        SwapSubnetData(s, oldHotkey, newHotkey, netuid, keepStake, events);

        SubtensorStorage.LastTxBlock.Set(s, coldkey, block);
        SubtensorStorage.LastHotkeySwapOnNetuid.Set(s, netuid, coldkey, block);
        events?.Deposit(SubtensorEvents.Pallet, "HotkeySwappedOnSubnet", ("coldkey", coldkey.ToHex()),
            ("old_hotkey", oldHotkey.ToHex()), ("new_hotkey", newHotkey.ToHex()), ("netuid", netuid.Value.ToString()));
    }

    /// <summary><c>perform_hotkey_swap_on_one_subnet</c>.</summary>
    private static void SwapSubnetData(IStateAccess s, AccountId oldHotkey, AccountId newHotkey, NetUid netuid, bool keepStake, EventLog? events)
    {
        if (SubtensorStorage.Uids.TryGet(s, netuid, oldHotkey, out var uid))
        {
            SubtensorStorage.Uids.Remove(s, netuid, oldHotkey);
            SubtensorStorage.Uids.Set(s, netuid, newHotkey, uid);
            SubtensorStorage.Keys.Set(s, netuid, uid, newHotkey);
            Move(s, SubtensorStorage.Axons, netuid, oldHotkey, newHotkey);
            Move(s, SubtensorStorage.Prometheus, netuid, oldHotkey, newHotkey);
            Move(s, SubtensorStorage.NeuronCertificates, netuid, oldHotkey, newHotkey);
            Move(s, SubtensorStorage.WeightCommits, SubtensorStorage.MainIndex(netuid), oldHotkey, newHotkey);
        }

        if (SubtensorStorage.ChildkeyTake.TryGet(s, oldHotkey, netuid, out var childkeyTake))
        {
            SubtensorStorage.ChildkeyTake.Remove(s, oldHotkey, netuid);
            SubtensorStorage.ChildkeyTake.Set(s, newHotkey, netuid, childkeyTake);
        }

        ChildKeyRelationsSwap.Swap(s, oldHotkey, newHotkey, netuid);

        // Schedules of other parents that name the old hotkey as a child: the entry moves to the end, proportion kept.
        foreach (var (parent, (children, cooldown)) in SubtensorStorage.PendingChildKeys.IteratePrefix(s, netuid).ToList())
        {
            var i = Array.FindIndex(children, c => c.Key == oldHotkey);
            if (i < 0) continue;
            var moved = children[i];
            SubtensorStorage.PendingChildKeys.Set(s, netuid, parent, ([.. children.Where((_, j) => j != i), (moved.Proportion, newHotkey)], cooldown));
        }

        // Coldkeys that auto-stake their miners' incentive to the old hotkey now auto-stake to the new one.
        AutoStake.MoveHotkey(s, netuid, oldHotkey, newHotkey);

        if (SubtensorStorage.SubnetOwnerHotkey.TryGet(s, netuid, out var ownerHotkey) && ownerHotkey == oldHotkey)
        {
            SetSubnetOwnerHotkey(s, netuid, newHotkey);
            events?.Deposit(SubtensorEvents.Pallet, "SubnetOwnerHotkeySet", ("netuid", netuid.Value.ToString()), ("hotkey", newHotkey.ToHex()));
        }

        if (keepStake) return;

        MergeRecord(s, SubtensorStorage.AlphaDividendsPerSubnet, netuid, oldHotkey, newHotkey);
        MergeRecord(s, SubtensorStorage.RootAlphaDividendsPerSubnet, netuid, oldHotkey, newHotkey);
        HotkeyStakeMove.Move(s, oldHotkey, newHotkey, netuid);

        if (netuid.IsRoot)
        {
            // Root claims: rates are per unit of root stake, which moved with the positions; so do the watermarks.
            foreach (var (subnet, rate) in SubtensorStorage.RootClaimable.IteratePrefix(s, oldHotkey).ToList())
            {
                SubtensorStorage.RootClaimable.Mutate(s, newHotkey, subnet, r => r.SaturatingAdd(rate));
                SubtensorStorage.RootClaimable.Remove(s, oldHotkey, subnet);
            }
            foreach (var (key, claimed) in SubtensorStorage.RootClaimed.IteratePrefix(s, oldHotkey).ToList())
            {
                SubtensorStorage.RootClaimed.Mutate(s, newHotkey, key, w => w > UInt128.MaxValue - claimed ? UInt128.MaxValue : w + claimed);
                SubtensorStorage.RootClaimed.Remove(s, oldHotkey, key);
            }
            if (SubtensorStorage.AutoParentDelegationEnabled.TryGet(s, oldHotkey, out var enabled))
            {
                SubtensorStorage.AutoParentDelegationEnabled.Remove(s, oldHotkey);
                SubtensorStorage.AutoParentDelegationEnabled.Set(s, newHotkey, enabled);
            }
        }
    }

    private static bool OwnedBy(IStateReader s, AccountId hotkey, AccountId coldkey) =>
        SubtensorStorage.Owner.TryGet(s, hotkey, out var owner) && owner == coldkey;

    /// <summary><c>set_hotkey_owner</c>: system accounts can never become hotkeys.</summary>
    internal static void SetHotkeyOwner(IStateAccess s, AccountId coldkey, AccountId hotkey)
    {
        if (StakingAccounts.IsSystemAccount(hotkey)) throw new DispatchException(DispatchError.CannotUseSystemAccount);
        SubtensorStorage.Owner.Set(s, hotkey, coldkey);
    }

    private static void SetSubnetOwnerHotkey(IStateAccess s, NetUid netuid, AccountId hotkey)
    {
        if (StakingAccounts.IsSystemAccount(hotkey)) throw new DispatchException(DispatchError.CannotUseSystemAccount);
        SubtensorStorage.SubnetOwnerHotkey.Set(s, netuid, hotkey);
    }

    private static void CopyOrRemove(IStateAccess s, StorageMap<AccountId, ulong> map, AccountId from, AccountId to)
    {
        if (map.TryGet(s, from, out var v)) map.Set(s, to, v);
        else map.Remove(s, to);
    }

    private static void Move<TKey, TValue>(IStateAccess s, StorageDoubleMap<TKey, AccountId, TValue> map, TKey key1, AccountId from, AccountId to)
    {
        if (!map.TryGet(s, key1, from, out var value)) return;
        map.Remove(s, key1, from);
        map.Set(s, key1, to, value);
    }

    /// <summary>Adds the old hotkey's last-epoch record to the new one's (absent when both are zero).</summary>
    private static void MergeRecord(IStateAccess s, StorageDoubleMap<NetUid, AccountId, ulong> map, NetUid netuid, AccountId from, AccountId to)
    {
        if (!map.TryGet(s, netuid, from, out var old)) return;
        map.Remove(s, netuid, from);
        var sum = old > ulong.MaxValue - map.Get(s, netuid, to) ? ulong.MaxValue : old + map.Get(s, netuid, to);
        map.Set(s, netuid, to, sum);
    }
}

/// <summary>The subnets that exist, in storage order (the reference's <c>get_all_subnet_netuids</c> iterates the same map).</summary>
internal static class KeySwapSubnets
{
    public static List<NetUid> All(IStateReader s) =>
        [.. SubtensorStorage.NetworksAdded.Iterate(s).Where(e => e.Value).Select(e => e.Key)];
}
