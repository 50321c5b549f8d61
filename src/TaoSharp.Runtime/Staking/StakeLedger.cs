using System.Buffers.Binary;
using System.Numerics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// The per-(hotkey, subnet) share pools of spec-dtao §5.1 over storage. <c>TotalHotkeyAlpha</c> is the pool value V,
/// <c>TotalHotkeyShares</c> the denominator, <c>Alpha</c> each coldkey's shares. A coldkey's value is ⌊V·share/denom⌋,
/// so the values of a pool sum to at most V (the rounding dust stays with V and is shared by the remaining stakers).
/// Decision: shares are exact u128 integers instead of the reference's SafeFloat; the value of a position is
/// identical whenever the reference's 21-digit mantissa is exact (every vector in share_pool.json).
/// </summary>
public static class StakeLedger
{
    public static ulong HotkeyTotal(IStateReader s, AccountId hotkey, NetUid netuid) =>
        SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, netuid);

    /// <summary>The alpha value of (hotkey, coldkey) on the subnet.</summary>
    public static ulong Stake(IStateReader s, AccountId hotkey, AccountId coldkey, NetUid netuid)
    {
        var share = SubtensorStorage.Alpha.Get(s, hotkey, (coldkey, netuid));
        if (share == UInt128.Zero) return 0;
        var denom = SubtensorStorage.TotalHotkeyShares.Get(s, hotkey, netuid);
        var value = SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, netuid);
        return denom == UInt128.Zero ? 0 : (ulong)MulDiv(value, share, denom);
    }

    /// <summary><c>update_value_for_one</c> (increase): mints shares at the current rate and raises V.</summary>
    public static void Increase(IStateAccess s, AccountId hotkey, AccountId coldkey, NetUid netuid, ulong amount)
    {
        if (amount == 0) return;
        // Hot path of every stake and every dividend: each hashed key is built once and used for the read and the write.
        var valueKey = SubtensorStorage.TotalHotkeyAlpha.Key(hotkey, netuid);
        var denomKey = SubtensorStorage.TotalHotkeyShares.Key(hotkey, netuid);
        var shareKey = SubtensorStorage.Alpha.Key(hotkey, (coldkey, netuid));
        var value = ReadU64(s, valueKey, "TotalHotkeyAlpha");
        if (value > ulong.MaxValue - amount) throw new DispatchException(DispatchError.InsufficientLiquidity, "hotkey stake would overflow");
        var denom = ReadU128(s, denomKey, "TotalHotkeyShares");
        var share = ReadU128(s, shareKey, "Alpha");
        var alreadyStaked = share != UInt128.Zero;
        UInt128 added;
        if (denom == UInt128.Zero || value == 0)
        {
            // An empty pool (or one whose value fell to 0) restarts at one share per unit: earlier shares are worthless.
            if (value == 0 && denom != UInt128.Zero) ResetShares(s, hotkey, netuid);
            denom = UInt128.Zero;
            share = UInt128.Zero;
            added = amount;
        }
        else
        {
            var big = MulDiv(denom, amount, value);
            if (big > (BigInteger)(UInt128.MaxValue - denom)) throw new DispatchException(DispatchError.InsufficientLiquidity, "share pool cannot represent the stake");
            added = (UInt128)big;
            if (added == UInt128.Zero) throw new DispatchException(DispatchError.InsufficientLiquidity, "stake too small for the share pool");
        }

        Span<byte> buffer = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(buffer, share + added);
        s.Set(shareKey, buffer);
        BinaryPrimitives.WriteUInt128LittleEndian(buffer, denom + added);
        s.Set(denomKey, buffer);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value + amount);
        s.Set(valueKey, buffer[..8]);
        // A coldkey with shares in this pool is already listed (the list is only ever appended to while staking).
        if (!alreadyStaked) AddStakingHotkey(s, coldkey, hotkey);
    }

    private static ulong ReadU64(IStateReader s, byte[] key, string item)
    {
        var raw = s.Get(key);
        if (raw is null) return 0;
        if (raw.Length != 8) throw new ScaleDecodeException($"{item}: stored value is {raw.Length} bytes, expected 8");
        return BinaryPrimitives.ReadUInt64LittleEndian(raw);
    }

    private static UInt128 ReadU128(IStateReader s, byte[] key, string item)
    {
        var raw = s.Get(key);
        if (raw is null) return UInt128.Zero;
        if (raw.Length != 16) throw new ScaleDecodeException($"{item}: stored value is {raw.Length} bytes, expected 16");
        return BinaryPrimitives.ReadUInt128LittleEndian(raw);
    }

    /// <summary>
    /// <c>update_value_for_one</c> (decrease). Burns the shares worth <paramref name="amount"/>, rounding the burned
    /// shares up so no position can withdraw more than its value; removing the whole value removes all shares.
    /// </summary>
    public static void Decrease(IStateAccess s, AccountId hotkey, AccountId coldkey, NetUid netuid, ulong amount)
    {
        if (amount == 0) return;
        var current = Stake(s, hotkey, coldkey, netuid);
        if (current < amount) throw new DispatchException(DispatchError.NotEnoughStakeToWithdraw);
        var value = SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, netuid);
        var denom = SubtensorStorage.TotalHotkeyShares.Get(s, hotkey, netuid);
        var share = SubtensorStorage.Alpha.Get(s, hotkey, (coldkey, netuid));
        UInt128 burned;
        if (amount == current) burned = share;
        else
        {
            var num = (BigInteger)denom * amount;
            var q = BigInteger.DivRem(num, value, out var rem);
            if (!rem.IsZero) q += 1;
            burned = q > (BigInteger)share ? share : (UInt128)q;
        }

        var left = share - burned;
        if (left == UInt128.Zero) SubtensorStorage.Alpha.Remove(s, hotkey, (coldkey, netuid));
        else SubtensorStorage.Alpha.Set(s, hotkey, (coldkey, netuid), left);
        var newDenom = denom - burned;
        var newValue = value - amount;
        if (newDenom == UInt128.Zero)
        {
            // The last staker left: any rounding dust of V goes with the pool (reported by the caller as unowned).
            SubtensorStorage.TotalHotkeyShares.Remove(s, hotkey, netuid);
            SubtensorStorage.TotalHotkeyAlpha.Remove(s, hotkey, netuid);
            if (newValue > 0) AddUnowned(s, netuid, newValue);
        }
        else
        {
            SubtensorStorage.TotalHotkeyShares.Set(s, hotkey, netuid, newDenom);
            SubtensorStorage.TotalHotkeyAlpha.Set(s, hotkey, netuid, newValue);
        }
    }

    /// <summary><c>update_value_for_all</c>: raises V, so every staker of the hotkey gains pro rata.
    /// Returns false (nothing written) when the pool has no stakers to receive it.</summary>
    public static bool IncreaseForAll(IStateAccess s, AccountId hotkey, NetUid netuid, ulong amount)
    {
        if (amount == 0) return true;
        if (SubtensorStorage.TotalHotkeyShares.Get(s, hotkey, netuid) == UInt128.Zero) return false;
        var value = SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, netuid);
        if (value > ulong.MaxValue - amount) throw new DispatchException(DispatchError.Overflow, "hotkey stake would overflow");
        SubtensorStorage.TotalHotkeyAlpha.Set(s, hotkey, netuid, value + amount);
        return true;
    }

    /// <summary>Every (coldkey, value) staked to the hotkey on the subnet.</summary>
    public static IEnumerable<(AccountId Coldkey, ulong Value)> Stakers(IStateReader s, AccountId hotkey, NetUid netuid)
    {
        var denom = SubtensorStorage.TotalHotkeyShares.Get(s, hotkey, netuid);
        var value = SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, netuid);
        if (denom == UInt128.Zero) yield break;
        foreach (var (key, share) in SubtensorStorage.Alpha.IteratePrefix(s, hotkey))
            if (key.Netuid == netuid)
                yield return (key.Coldkey, (ulong)MulDiv(value, share, denom));
    }

    public static void AddStakingHotkey(IStateAccess s, AccountId coldkey, AccountId hotkey)
    {
        var list = SubtensorStorage.StakingHotkeys.Get(s, coldkey);
        if (Array.IndexOf(list, hotkey) >= 0) return;
        if (list.Length >= SubtensorStorage.MaxStakingHotkeys) throw new DispatchException(DispatchError.InsufficientLiquidity, "too many staking hotkeys");
        SubtensorStorage.StakingHotkeys.Set(s, coldkey, [.. list, hotkey]);
    }

    /// <summary>Alpha that stays in <c>SubnetAlphaOut</c> without an owner.</summary>
    public static void AddUnowned(IStateAccess s, NetUid netuid, ulong amount)
    {
        if (amount == 0) return;
        SubtensorStorage.AlphaBurned.Mutate(s, netuid, v => v > ulong.MaxValue - amount ? ulong.MaxValue : v + amount);
    }

    private static void ResetShares(IStateAccess s, AccountId hotkey, NetUid netuid)
    {
        var stale = SubtensorStorage.Alpha.IteratePrefix(s, hotkey).Where(e => e.Key2.Netuid == netuid).Select(e => e.Key2).ToList();
        foreach (var k in stale) SubtensorStorage.Alpha.Remove(s, hotkey, k);
        SubtensorStorage.TotalHotkeyShares.Remove(s, hotkey, netuid);
    }

    private static BigInteger MulDiv(UInt128 a, UInt128 b, UInt128 c) => (BigInteger)a * b / c;
}
