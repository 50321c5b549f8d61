using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// Coldkey swaps (spec-dtao §8): the owner announces BlakeTwo256(new coldkey) and pays <see cref="KeySwapConstants.KeySwapCost"/>
/// (125), may execute after <c>ColdkeySwapAnnouncementDelay</c> (126), may dispute its own announcement (127, which
/// freezes the coldkey until root resets it, 128) or clear it once the re-announcement delay has passed too (133). Root
/// can swap any coldkey at once (71). While an announcement exists, <see cref="ColdkeySwapGuard"/> limits what the
/// coldkey may sign.
/// </summary>
public static class ColdkeySwap
{
    /// <summary>BlakeTwo256 of the SCALE-encoded account (its 32 raw bytes), as announced.</summary>
    public static Hash256 HashOf(AccountId coldkey) => Blake2b.Hash256(coldkey.AsSpan());

    /// <summary><c>announce_coldkey_swap</c>: the first announcement pays the swap cost; a re-announcement waits.</summary>
    public static void Announce(IStateAccess s, AccountId who, Hash256 newColdkeyHash, ulong block, EventLog? events)
    {
        var now = ToBlock32(block);
        if (SubtensorStorage.ColdkeySwapAnnouncements.TryGet(s, who, out var existing))
        {
            var earliest = SaturatingAdd(existing.When, SubtensorStorage.ColdkeySwapReannouncementDelay.Get(s));
            if (now < earliest) throw new DispatchException(DispatchError.ColdkeySwapReannouncedTooEarly, $"not before block {earliest}");
        }
        else
        {
            ChargeSwapCost(s, who, KeySwapConstants.KeySwapCost);
        }

        var when = SaturatingAdd(now, SubtensorStorage.ColdkeySwapAnnouncementDelay.Get(s));
        SubtensorStorage.ColdkeySwapAnnouncements.Set(s, who, (when, newColdkeyHash));
        events?.Deposit(SubtensorEvents.Pallet, "ColdkeySwapAnnounced", ("who", who.ToHex()), ("new_coldkey_hash", newColdkeyHash.ToHex()));
    }

    /// <summary><c>swap_coldkey_announced</c>: the announced key, not before the announced block.</summary>
    public static void ExecuteAnnounced(IStateAccess s, AccountId who, AccountId newColdkey, ulong block, EventLog? events)
    {
        if (!SubtensorStorage.ColdkeySwapAnnouncements.TryGet(s, who, out var announcement))
            throw new DispatchException(DispatchError.ColdkeySwapAnnouncementNotFound);
        SubtensorStorage.ColdkeySwapAnnouncements.Remove(s, who);
        if (announcement.NewColdkeyHash != HashOf(newColdkey)) throw new DispatchException(DispatchError.AnnouncedColdkeyHashDoesNotMatch);
        if (ToBlock32(block) < announcement.When)
            throw new DispatchException(DispatchError.ColdkeySwapTooEarly, $"not before block {announcement.When}");
        Swap(s, who, newColdkey, block, events);
    }

    /// <summary><c>dispute_coldkey_swap</c>: only over an existing, not yet disputed announcement.</summary>
    public static void Dispute(IStateAccess s, AccountId coldkey, ulong block, EventLog? events)
    {
        if (!SubtensorStorage.ColdkeySwapAnnouncements.Contains(s, coldkey)) throw new DispatchException(DispatchError.ColdkeySwapAnnouncementNotFound);
        if (SubtensorStorage.ColdkeySwapDisputes.Contains(s, coldkey)) throw new DispatchException(DispatchError.ColdkeySwapAlreadyDisputed);
        SubtensorStorage.ColdkeySwapDisputes.Set(s, coldkey, ToBlock32(block));
        events?.Deposit(SubtensorEvents.Pallet, "ColdkeySwapDisputed", ("coldkey", coldkey.ToHex()));
    }

    /// <summary><c>reset_coldkey_swap</c> (root): clears the announcement and the dispute.</summary>
    public static void Reset(IStateAccess s, AccountId coldkey, EventLog? events)
    {
        SubtensorStorage.ColdkeySwapAnnouncements.Remove(s, coldkey);
        SubtensorStorage.ColdkeySwapDisputes.Remove(s, coldkey);
        events?.Deposit(SubtensorEvents.Pallet, "ColdkeySwapReset", ("who", coldkey.ToHex()));
    }

    /// <summary><c>clear_coldkey_swap_announcement</c>: once the re-announcement delay after the swap block has passed.</summary>
    public static void Clear(IStateAccess s, AccountId who, ulong block, EventLog? events)
    {
        if (!SubtensorStorage.ColdkeySwapAnnouncements.TryGet(s, who, out var announcement))
            throw new DispatchException(DispatchError.ColdkeySwapAnnouncementNotFound);
        var earliest = SaturatingAdd(announcement.When, SubtensorStorage.ColdkeySwapReannouncementDelay.Get(s));
        if (ToBlock32(block) < earliest) throw new DispatchException(DispatchError.ColdkeySwapClearTooEarly, $"not before block {earliest}");
        SubtensorStorage.ColdkeySwapAnnouncements.Remove(s, who);
        events?.Deposit(SubtensorEvents.Pallet, "ColdkeySwapCleared", ("who", who.ToHex()));
    }

    /// <summary><c>swap_coldkey</c> (root): charges the given cost (if any), swaps, and clears announcement and dispute.</summary>
    public static void RootSwap(IStateAccess s, AccountId oldColdkey, AccountId newColdkey, ulong swapCost, ulong block, EventLog? events)
    {
        if (swapCost != 0) ChargeSwapCost(s, oldColdkey, swapCost);
        Swap(s, oldColdkey, newColdkey, block, events);
        SubtensorStorage.ColdkeySwapAnnouncements.Remove(s, oldColdkey);
        SubtensorStorage.ColdkeySwapDisputes.Remove(s, oldColdkey);
    }

    /// <summary>
    /// <c>do_swap_coldkey</c>: the identity, subnet ownership, auto-stake destinations, every stake position (with its
    /// root-claim watermarks and auto-claim index slot), the staking and owned hotkeys, and the whole free balance move
    /// to the new coldkey, which must be unused (no staking hotkeys) and not a hotkey. The new coldkey starts the
    /// hotkey-swap rate limit.
    /// </summary>
    public static void Swap(IStateAccess s, AccountId oldColdkey, AccountId newColdkey, ulong block, EventLog? events)
    {
        if (SubtensorStorage.StakingHotkeys.Get(s, newColdkey).Length != 0) throw new DispatchException(DispatchError.ColdKeyAlreadyAssociated);
        if (SubtensorStorage.Owner.Contains(s, newColdkey)) throw new DispatchException(DispatchError.NewColdKeyIsHotkey);

        // The identity follows unless the new coldkey already has one.
        if (!SubtensorStorage.IdentitiesV2.Contains(s, newColdkey) && SubtensorStorage.IdentitiesV2.TryGet(s, oldColdkey, out var identity))
        {
            SubtensorStorage.IdentitiesV2.Remove(s, oldColdkey);
            SubtensorStorage.IdentitiesV2.Set(s, newColdkey, identity);
        }

        var stakingHotkeys = SubtensorStorage.StakingHotkeys.Get(s, oldColdkey);
        foreach (var netuid in KeySwapSubnets.All(s))
        {
            if (SubtensorStorage.SubnetOwner.TryGet(s, netuid, out var owner) && owner == oldColdkey)
                SubtensorStorage.SubnetOwner.Set(s, netuid, newColdkey);
            AutoStake.MoveColdkey(s, netuid, oldColdkey, newColdkey);
            // The new coldkey holds nothing yet, so each position moves as its shares: its value is exactly kept.
            foreach (var hotkey in stakingHotkeys)
                if (SubtensorStorage.Alpha.TryGet(s, hotkey, (oldColdkey, netuid), out var share))
                {
                    SubtensorStorage.Alpha.Remove(s, hotkey, (oldColdkey, netuid));
                    SubtensorStorage.Alpha.Set(s, hotkey, (newColdkey, netuid), share);
                }
        }

        // Decision: every root-claim watermark of the old coldkey moves with its root stake. (The reference moves a
        // subnet's watermark only when the coldkey also has alpha on that subnet under the hotkey, which would let the
        // new coldkey claim a root-only staker's past dividends again.)
        foreach (var hotkey in stakingHotkeys)
            foreach (var (key, claimed) in SubtensorStorage.RootClaimed.IteratePrefix(s, hotkey).Where(e => e.Key2.Coldkey == oldColdkey).ToList())
            {
                SubtensorStorage.RootClaimed.Remove(s, hotkey, key);
                SubtensorStorage.RootClaimed.Mutate(s, hotkey, (newColdkey, key.Netuid), w => w > UInt128.MaxValue - claimed ? UInt128.MaxValue : w + claimed);
            }

        SubtensorStorage.StakingHotkeys.Remove(s, oldColdkey);
        if (stakingHotkeys.Length != 0) SubtensorStorage.StakingHotkeys.Set(s, newColdkey, stakingHotkeys);

        // The auto-claim index: the new coldkey joins if it now holds root stake, the old one leaves.
        if (StakingColdkeyIndex.HasRootStake(s, newColdkey)) StakingColdkeyIndex.MaybeAdd(s, newColdkey);
        StakingColdkeyIndex.MaybeRemove(s, oldColdkey);

        // Decision: there is no OwnedHotkeys index here (registration writes only Owner), so the owned hotkeys are
        // found by scanning Owner; same result as the reference's list.
        foreach (var (hotkey, _) in SubtensorStorage.Owner.Iterate(s).Where(e => e.Value == oldColdkey).ToList())
            HotkeySwap.SetHotkeyOwner(s, newColdkey, hotkey);

        var free = TaoBalances.Free(s, oldColdkey);
        if (free.Rao != 0) TaoBalances.Transfer(s, oldColdkey, newColdkey, free, ExistenceRequirement.AllowDeath, events);

        SubtensorStorage.LastTxBlock.Set(s, newColdkey, block);
        events?.Deposit(SubtensorEvents.Pallet, "ColdkeySwapped", ("old_coldkey", oldColdkey.ToHex()), ("new_coldkey", newColdkey.ToHex()));
    }

    /// <summary><c>charge_swap_cost</c>: any failure to recycle is reported as <c>NotEnoughBalanceToPaySwapColdKey</c>.</summary>
    private static void ChargeSwapCost(IStateAccess s, AccountId coldkey, ulong cost)
    {
        try
        {
            SwapCostPayment.Recycle(s, coldkey, cost);
        }
        catch (DispatchException e)
        {
            throw new DispatchException(DispatchError.NotEnoughBalanceToPaySwapColdKey, e.Message);
        }
    }

    /// <summary>The reference's block numbers are u32; ours are u64 (saturated, never reached in practice).</summary>
    private static uint ToBlock32(ulong block) => block > uint.MaxValue ? uint.MaxValue : (uint)block;

    private static uint SaturatingAdd(uint a, uint b) => a > uint.MaxValue - b ? uint.MaxValue : a + b;
}
