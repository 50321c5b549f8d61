using System.Runtime.CompilerServices;

namespace TaoSharp.Math.Epoch;

/// <summary>
/// substrate-fixed <c>I32F32</c> arithmetic on raw <see cref="long"/> bits (value = bits / 2^32), exactly as
/// the reference epoch uses it (spec-yuma §1.2). The epoch's hot loops work on arrays of raw bits, so these
/// helpers take and return bits instead of the <see cref="I32F32"/> struct. They are a view, not a second
/// implementation: every operation forwards to the struct's kernels or to <see cref="FixedMath"/> (both inline to the
/// same machine code), so the Math oracle tests of the struct cover them. What is added here is only the epoch's
/// vocabulary (safe_div's 0, u16 proportions, round half away).
/// </summary>
public static class Fx32
{
    public const int FracBits = 32;
    public const long One = 1L << FracBits;
    public const long Half = One / 2;
    public const long U16MaxBits = 65535L << FracBits;

    /// <summary>Integer → fixed (<c>saturating_from_num</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromInt(long value) => I32F32.FromInt(value).Bits;

    /// <summary>Exact product shifted right with floor (arithmetic shift); null when it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMul(long a, long b, out long result)
    {
        result = I32F32.MultiplyBits(a, b, out bool overflow);
        return !overflow;
    }

    /// <summary><c>saturating_mul</c>: MAX when the signs agree, MIN otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatMul(long a, long b) => I32F32.FromBits(a).SaturatingMul(I32F32.FromBits(b)).Bits;

    /// <summary><c>checked_mul(..).unwrap_or(0)</c> as <c>vec_mul</c> uses it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MulOrZero(long a, long b) => TryMul(a, b, out long r) ? r : 0;

    /// <summary>Division truncating toward zero; false on /0 or overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDiv(long a, long b, out long result)
    {
        if (b == 0)
        {
            result = 0;
            return false;
        }

        // The struct's kernel: one 64-bit division for |a| < 1, the hardware 128÷64 division otherwise (portable
        // two-limb division where that instruction does not exist).
        result = I32F32.DivideBits(a, b, out bool overflow);
        if (overflow) result = 0;
        return !overflow;
    }

    /// <summary>safe-math <c>safe_div</c>: 0 on division by zero <b>and</b> on overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SafeDiv(long a, long b) => TryDiv(a, b, out long r) ? r : 0;

    /// <summary><c>saturating_div</c>; the reference panics on /0, we throw.</summary>
    public static long SatDiv(long a, long b)
    {
        if (b == 0) throw new DivideByZeroException("I32F32 saturating_div by zero");
        return TryDiv(a, b, out long r) ? r : ((a < 0) != (b < 0) ? long.MinValue : long.MaxValue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatAdd(long a, long b) => I32F32.FromBits(a).SaturatingAdd(I32F32.FromBits(b)).Bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatSub(long a, long b) => I32F32.FromBits(a).SaturatingSub(I32F32.FromBits(b)).Bits;

    /// <summary><c>saturating_to_num::&lt;u16&gt;</c>: floor, clamp to [0, 65535].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ToU16(long bits)
    {
        long v = bits >> FracBits;
        return v < 0 ? (ushort)0 : v > ushort.MaxValue ? ushort.MaxValue : (ushort)v;
    }

    /// <summary><c>fixed_proportion_to_u16</c>: ⌊x·65535⌋ clamped (never rounds up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ProportionToU16(long bits) => ToU16(SatMul(bits, U16MaxBits));

    /// <summary>
    /// <c>u16_proportion_to_fixed</c>: safe_div(I32F32(u), I32F32(65535)) = ⌊u·2^64 / (65535·2^32)⌋ = ⌊u·2^32 / 65535⌋
    /// (the common factor 2^32 cancels exactly; the quotient is at most 2^32, so nothing overflows). Dividing by the
    /// constant lets the JIT use a multiplication; Yuma3 converts every stored bond cell this way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long U16Proportion(ushort value) => (long)(((ulong)value << FracBits) / ushort.MaxValue);

    /// <summary><c>round()</c>: nearest integer, ties away from zero.</summary>
    public static long RoundHalfAway(long bits)
    {
        long floor = bits & ~(One - 1);
        long frac = bits - floor;
        if (bits >= 0) return frac >= Half ? SatAdd(floor, One) : floor;
        return frac > Half ? SatAdd(floor, One) : floor;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Clamp(long v, long lo, long hi) => System.Math.Max(System.Math.Min(v, hi), lo);

    /// <summary><c>substrate_fixed::transcendental::exp</c> for I32F32 (spec-yuma §1.7); false where the reference returns Err.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryExp(long x, out long result) => FixedMath.TryExpBits(x, out result);

    /// <summary><c>exp_safe</c>: clamp to [-20, 20], then exp; on Err 0 for x ≤ 0, MAX otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ExpSafe(long x) => FixedMath.ExpSafeBits(x);

    /// <summary><c>sigmoid_safe(x, rho, kappa)</c> = 1 / (1 + exp_safe(−rho·(x − kappa))) (legacy trust sigmoid).</summary>
    public static long SigmoidSafe(long x, long rho, long kappa) =>
        FixedMath.SigmoidSafe(I32F32.FromBits(x), I32F32.FromBits(rho), I32F32.FromBits(kappa)).Bits;
}
