using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// <c>recycle_alpha</c> (101) and <c>burn_alpha</c> (102), spec-dtao §4.9: a coldkey destroys part of its own stake on a
/// subnet (never root). The amount is clipped to the position. Recycling lowers <c>SubnetAlphaOut</c> (alpha issuance
/// falls, so future alpha emission can rise); burning leaves it minted and unowned (<c>AlphaBurned</c>).
/// </summary>
public static class AlphaBurns
{
    public static ulong Recycle(IStateAccess s, AccountId coldkey, AccountId hotkey, ulong amount, NetUid netuid, EventLog? events)
    {
        amount = Take(s, coldkey, hotkey, amount, netuid);
        SubtensorStorage.SubnetAlphaOut.Mutate(s, netuid, v => v - amount);
        events?.Deposit(SubtensorEvents.Pallet, "AlphaRecycled", ("coldkey", coldkey.ToHex()), ("hotkey", hotkey.ToHex()),
            ("amount", amount.ToString()), ("netuid", netuid.Value.ToString()));
        return amount;
    }

    public static ulong Burn(IStateAccess s, AccountId coldkey, AccountId hotkey, ulong amount, NetUid netuid, EventLog? events)
    {
        amount = Take(s, coldkey, hotkey, amount, netuid);
        StakeLedger.AddUnowned(s, netuid, amount);
        events?.Deposit(SubtensorEvents.Pallet, "AlphaBurned", ("coldkey", coldkey.ToHex()), ("hotkey", hotkey.ToHex()),
            ("amount", amount.ToString()), ("netuid", netuid.Value.ToString()));
        return amount;
    }

    /// <summary>The reference's checks in order, then the stake decrease; returns the clipped amount.</summary>
    private static ulong Take(IStateAccess s, AccountId coldkey, AccountId hotkey, ulong amount, NetUid netuid)
    {
        if (!netuid.IsRoot && !SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        if (netuid.IsRoot) throw new DispatchException(DispatchError.CannotBurnOrRecycleOnRootSubnet);
        if (!SubtensorStorage.SubtokenEnabled.Get(s, netuid)) throw new DispatchException(DispatchError.SubtokenDisabled);
        if (!SubtensorStorage.Owner.Contains(s, hotkey)) throw new DispatchException(DispatchError.HotKeyAccountNotExists);
        amount = System.Math.Min(amount, StakeLedger.Stake(s, hotkey, coldkey, netuid));
        if (SubtensorStorage.SubnetAlphaOut.Get(s, netuid) < amount) throw new DispatchException(DispatchError.InsufficientLiquidity);
        StakeLedger.Decrease(s, hotkey, coldkey, netuid, amount);
        return amount;
    }
}
