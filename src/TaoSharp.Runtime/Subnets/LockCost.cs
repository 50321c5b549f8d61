using TaoSharp.Math;
using TaoSharp.Runtime.Coinbase;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// The price of registering a subnet (spec-dtao §6.1, <c>get_network_lock_cost</c>): each registration doubles the
/// last lock, which then decays linearly back over the reduction interval and on down to the minimum. The interval
/// shrinks with the halvings (it is scaled by E(TotalIssuance)/1 TAO), so the decay speeds up after each halving.
/// </summary>
public static class LockCost
{
    /// <summary><c>NetworkMinLockCost</c> of the runtime: 1 000 TAO.</summary>
    public const ulong DefaultMinLockCost = 1_000_000_000_000;

    /// <summary><c>NetworkLockReductionInterval</c> of the runtime: 14 days of blocks.</summary>
    public const ulong DefaultReductionInterval = 100_800;

    /// <summary>The interval scaled by the current block emission: ⌊interval · (E/1e9)⌋ in I64F64 (E/1e9 truncated first).</summary>
    public static ulong EffectiveReductionInterval(ulong reductionInterval, ulong blockEmission)
    {
        var halving = I64F64.FromUInt(blockEmission).CheckedDiv(I64F64.FromUInt(BlockEmission.DefaultBlockEmission)) ?? I64F64.Zero;
        return I64F64.FromUInt(reductionInterval).SaturatingMul(halving).SaturatingToU64();
    }

    /// <summary>
    /// max(min, last·mult − ⌊last/effInterval⌋·(now − lastBlock)), mult = 1 before any registration (lastBlock = 0)
    /// and 2 after; all u64 arithmetic saturating; no decay when the effective interval is 0.
    /// </summary>
    public static ulong Compute(ulong lastLock, ulong minLock, ulong lastLockBlock, ulong currentBlock, ulong effectiveInterval)
    {
        var multiplier = lastLockBlock == 0 ? 1UL : 2UL;
        var start = SafeMath.SaturatingMul(lastLock, multiplier);
        var perBlock = effectiveInterval == 0 ? 0 : lastLock / effectiveInterval;
        var elapsed = currentBlock > lastLockBlock ? currentBlock - lastLockBlock : 0;
        var decay = SafeMath.SaturatingMul(perBlock, elapsed);
        var cost = start > decay ? start - decay : 0;
        return System.Math.Max(cost, minLock);
    }
}
