using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// <c>set_coldkey_auto_stake_hotkey</c> (114) and the lookup the distribution uses (spec-dtao §4.3): a coldkey names, per
/// subnet, the hotkey its miners' incentive is staked to (still under the same coldkey). Any signed coldkey may set it;
/// the hotkey must hold a UID on the subnet when it is chosen (it is not re-checked at distribution, as in the reference).
/// </summary>
public static class AutoStake
{
    /// <summary>The reference's checks in order: subnet exists, hotkey registered on it, not the current choice.</summary>
    public static void SetDestination(IStateAccess s, AccountId coldkey, NetUid netuid, AccountId hotkey, EventLog? events)
    {
        if (!SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        if (!SubtensorStorage.Uids.Contains(s, netuid, hotkey)) throw new DispatchException(DispatchError.HotKeyNotRegisteredInSubNet);
        if (SubtensorStorage.AutoStakeDestination.TryGet(s, coldkey, netuid, out var current))
        {
            if (current == hotkey) throw new DispatchException(DispatchError.SameAutoStakeHotkeyAlreadySet);
            RemoveFromIndex(s, current, netuid, coldkey);
        }

        SubtensorStorage.AutoStakeDestination.Set(s, coldkey, netuid, hotkey);
        var listed = SubtensorStorage.AutoStakeDestinationColdkeys.Get(s, hotkey, netuid);
        if (!listed.Contains(coldkey)) SubtensorStorage.AutoStakeDestinationColdkeys.Set(s, hotkey, netuid, [.. listed, coldkey]);
        events?.Deposit(SubtensorEvents.Pallet, "AutoStakeDestinationSet", ("coldkey", coldkey.ToHex()), ("netuid", netuid.Value.ToString()),
            ("hotkey", hotkey.ToHex()));
    }

    /// <summary>The coldkey's destination on the subnet, if it chose one.</summary>
    public static AccountId? Destination(IStateReader s, AccountId coldkey, NetUid netuid) =>
        SubtensorStorage.AutoStakeDestination.TryGet(s, coldkey, netuid, out var hotkey) ? hotkey : null;

    /// <summary>Every (netuid, hotkey) the coldkey chose, by netuid.</summary>
    public static IReadOnlyList<(NetUid Netuid, AccountId Hotkey)> Destinations(IStateReader s, AccountId coldkey) =>
        SubtensorStorage.AutoStakeDestination.IteratePrefix(s, coldkey).OrderBy(e => e.Key2.Value).Select(e => (e.Key2, e.Value)).ToList();

    /// <summary>
    /// swap_coldkey's <c>transfer_auto_stake_destination</c> on one subnet: the old coldkey's choice becomes the new
    /// coldkey's (overwriting one the new coldkey had), and the destination's reverse index names the new coldkey once.
    /// </summary>
    public static void MoveColdkey(IStateAccess s, NetUid netuid, AccountId oldColdkey, AccountId newColdkey)
    {
        if (!SubtensorStorage.AutoStakeDestination.TryGet(s, oldColdkey, netuid, out var hotkey)) return;
        SubtensorStorage.AutoStakeDestination.Remove(s, oldColdkey, netuid);
        SubtensorStorage.AutoStakeDestination.Set(s, newColdkey, netuid, hotkey);
        var listed = SubtensorStorage.AutoStakeDestinationColdkeys.Get(s, hotkey, netuid).Where(c => c != oldColdkey && c != newColdkey);
        SubtensorStorage.AutoStakeDestinationColdkeys.Set(s, hotkey, netuid, [.. listed, newColdkey]);
    }

    /// <summary>
    /// swap_hotkey's step 6.4 on one subnet: every coldkey whose destination was the old hotkey now names the new one, and
    /// the reverse index moves (replacing the new hotkey's, as the reference's insert does).
    /// </summary>
    public static void MoveHotkey(IStateAccess s, NetUid netuid, AccountId oldHotkey, AccountId newHotkey)
    {
        if (!SubtensorStorage.AutoStakeDestinationColdkeys.TryGet(s, oldHotkey, netuid, out var coldkeys)) return;
        foreach (var coldkey in coldkeys) SubtensorStorage.AutoStakeDestination.Set(s, coldkey, netuid, newHotkey);
        SubtensorStorage.AutoStakeDestinationColdkeys.Remove(s, oldHotkey, netuid);
        SubtensorStorage.AutoStakeDestinationColdkeys.Set(s, newHotkey, netuid, coldkeys);
    }

    private static void RemoveFromIndex(IStateAccess s, AccountId hotkey, NetUid netuid, AccountId coldkey)
    {
        var rest = SubtensorStorage.AutoStakeDestinationColdkeys.Get(s, hotkey, netuid).Where(c => c != coldkey).ToArray();
        if (rest.Length == 0) SubtensorStorage.AutoStakeDestinationColdkeys.Remove(s, hotkey, netuid);
        else SubtensorStorage.AutoStakeDestinationColdkeys.Set(s, hotkey, netuid, rest);
    }
}
