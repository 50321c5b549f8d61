using TaoSharp.Primitives;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// Moves every staker's position on one subnet from the old hotkey's share pool to the new hotkey's. Decision: when the
/// new hotkey has no pool on the subnet (the usual case) the pool moves as it is — value, denominator and every share —
/// so each position keeps exactly its value; otherwise each position is withdrawn at its value and added to the new
/// pool, as the reference's decrease/increase does (flooring dust then stays with whoever holds it under the ledger's
/// rules). Either way nothing of the pool is left under the old hotkey.
/// </summary>
internal static class HotkeyStakeMove
{
    public static void Move(IStateAccess s, AccountId oldHotkey, AccountId newHotkey, NetUid netuid)
    {
        var positions = SubtensorStorage.Alpha.IteratePrefix(s, oldHotkey)
            .Where(e => e.Key2.Netuid == netuid).Select(e => (e.Key2.Coldkey, Share: e.Value)).ToList();
        var value = SubtensorStorage.TotalHotkeyAlpha.Get(s, oldHotkey, netuid);
        var denom = SubtensorStorage.TotalHotkeyShares.Get(s, oldHotkey, netuid);
        if (positions.Count == 0 && value == 0 && denom == UInt128.Zero) return;

        var newPoolEmpty = SubtensorStorage.TotalHotkeyShares.Get(s, newHotkey, netuid) == UInt128.Zero
            && SubtensorStorage.TotalHotkeyAlpha.Get(s, newHotkey, netuid) == 0
            && !SubtensorStorage.Alpha.IteratePrefix(s, newHotkey).Any(e => e.Key2.Netuid == netuid);
        if (newPoolEmpty)
        {
            foreach (var (coldkey, share) in positions)
            {
                SubtensorStorage.Alpha.Remove(s, oldHotkey, (coldkey, netuid));
                SubtensorStorage.Alpha.Set(s, newHotkey, (coldkey, netuid), share);
            }
            SubtensorStorage.TotalHotkeyAlpha.Remove(s, oldHotkey, netuid);
            SubtensorStorage.TotalHotkeyShares.Remove(s, oldHotkey, netuid);
            if (value != 0) SubtensorStorage.TotalHotkeyAlpha.Set(s, newHotkey, netuid, value);
            if (denom != UInt128.Zero) SubtensorStorage.TotalHotkeyShares.Set(s, newHotkey, netuid, denom);
        }
        else
        {
            foreach (var (coldkey, _) in positions)
            {
                var stake = StakeLedger.Stake(s, oldHotkey, coldkey, netuid);
                if (stake == 0) continue;
                StakeLedger.Decrease(s, oldHotkey, coldkey, netuid, stake);
                StakeLedger.Increase(s, newHotkey, coldkey, netuid, stake);
            }
            // Positions worth nothing (and any value left without shares) end the old pool; its value becomes unowned.
            var leftValue = SubtensorStorage.TotalHotkeyAlpha.Get(s, oldHotkey, netuid);
            foreach (var (coldkey, _) in positions) SubtensorStorage.Alpha.Remove(s, oldHotkey, (coldkey, netuid));
            SubtensorStorage.TotalHotkeyAlpha.Remove(s, oldHotkey, netuid);
            SubtensorStorage.TotalHotkeyShares.Remove(s, oldHotkey, netuid);
            StakeLedger.AddUnowned(s, netuid, leftValue);
        }

        foreach (var (coldkey, _) in positions)
        {
            var list = SubtensorStorage.StakingHotkeys.Get(s, coldkey);
            if (Array.IndexOf(list, oldHotkey) >= 0 && Array.IndexOf(list, newHotkey) < 0)
                SubtensorStorage.StakingHotkeys.Set(s, coldkey, [.. list, newHotkey]);
        }
    }
}
