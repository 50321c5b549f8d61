using System.Numerics;

namespace TaoSharp.Math.Epoch;

/// <summary>
/// The I64F64 part of the epoch (spec-yuma §1.6, §3.3): total stake = alpha + tao·TaoWeight, its
/// normalization in I64F64, and the floor to I32F32. Values are raw I64F64 bits in <see cref="Int128"/>.
/// </summary>
public static class StakeWeights
{
    private static readonly Int128 I64F64Max = Int128.MaxValue;

    /// <summary>
    /// <c>get_tao_weight()</c> as I64F64 bits: U96F32(TaoWeight) / U96F32(u64::MAX) keeps 32 fraction bits
    /// (truncated), then widens exactly to 64 fraction bits.
    /// </summary>
    public static Int128 TaoWeightBits(ulong taoWeight)
    {
        UInt128 u96f32 = ((UInt128)taoWeight << 32) / ulong.MaxValue;
        return (Int128)(u96f32 << 32);
    }

    /// <summary>I64F64(alpha) + I64F64(tao)·tw, saturating (raw I64F64 bits).</summary>
    public static Int128 TotalStake(ulong alpha, ulong tao, Int128 taoWeightBits)
    {
        Int128 a = FromU64(alpha);
        if (tao == 0 || taoWeightBits == 0) return a;
        // (tao·2^64)·tw_bits >> 64 = tao·tw_bits exactly; saturate when it leaves the I64F64 range.
        BigInteger product = (BigInteger)tao * (BigInteger)taoWeightBits;
        Int128 weighted = tao >= (1UL << 63) || product > (BigInteger)I64F64Max ? I64F64Max : (Int128)product;
        Int128 sum = a + weighted;
        return sum < a ? I64F64Max : sum;
    }

    /// <summary><c>I64F64::saturating_from_num(u64)</c>.</summary>
    public static Int128 FromU64(ulong v) => v >= (1UL << 63) ? I64F64Max : (Int128)v << 64;

    /// <summary>⌊x⌋ as u64 (clamped; negative → 0).</summary>
    public static ulong ToU64(Int128 bits)
    {
        Int128 v = bits >> 64;
        return v < 0 ? 0 : v > ulong.MaxValue ? ulong.MaxValue : (ulong)v;
    }

    /// <summary>
    /// <c>inplace_normalize_64</c> followed by the I64F64 → I32F32 floor: x_i / Σx (safe_div: 0 on overflow),
    /// unchanged when the (wrapping) sum is 0.
    /// </summary>
    public static long[] NormalizeToI32F32(ReadOnlySpan<Int128> x)
    {
        Int128 sum = 0;
        foreach (Int128 v in x) sum = unchecked(sum + v);
        var result = new long[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            Int128 normalized = sum == 0 ? x[i] : SafeDiv(x[i], sum);
            result[i] = ToI32F32(normalized);
        }
        return result;
    }

    /// <summary>I64F64 safe_div: trunc((a·2^64)/b), 0 on /0 or overflow.</summary>
    /// <remarks>The I64F64 struct's kernel (256÷128 on limbs, no allocation) instead of BigInteger: one call per UID.</remarks>
    public static Int128 SafeDiv(Int128 a, Int128 b) => I64F64.FromBits(a).SafeDiv(I64F64.FromBits(b)).Bits;

    /// <summary>I64F64 → I32F32: drop 32 fraction bits (floor), saturate.</summary>
    public static long ToI32F32(Int128 bits)
    {
        Int128 v = bits >> 32;
        return v > long.MaxValue ? long.MaxValue : v < long.MinValue ? long.MinValue : (long)v;
    }
}
