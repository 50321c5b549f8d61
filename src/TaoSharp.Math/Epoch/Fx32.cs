using System.Runtime.CompilerServices;

namespace TaoSharp.Math.Epoch;

/// <summary>
/// substrate-fixed <c>I32F32</c> arithmetic on raw <see cref="long"/> bits (value = bits / 2^32), exactly as
/// the reference epoch uses it (spec-yuma §1.2). The epoch's hot loops work on arrays of raw bits, so these
/// helpers take and return bits instead of the <c>I32F32</c> struct; the semantics are the same.
/// </summary>
public static class Fx32
{
    public const int FracBits = 32;
    public const long One = 1L << FracBits;
    public const long Half = One / 2;
    public const long U16MaxBits = 65535L << FracBits;

    /// <summary>e as substrate-fixed stores it (I9F23), widened to 32 fraction bits; exp(1) returns exactly this.</summary>
    private const long EulerI9F23Widened = 22802600L << 9;

    /// <summary>Integer → fixed (<c>saturating_from_num</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromInt(long value) =>
        value > int.MaxValue ? long.MaxValue : value < int.MinValue ? long.MinValue : value << FracBits;

    /// <summary>Exact product shifted right with floor (arithmetic shift); null when it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMul(long a, long b, out long result)
    {
        long hi = System.Math.BigMul(a, b, out long lo);
        // (hi:lo) >> 32 must fit in 64 signed bits: the top 33 bits of the 128-bit product must be all equal.
        long shifted = (long)(((ulong)lo >> FracBits) | ((ulong)hi << (64 - FracBits)));
        long top = hi >> (FracBits - 1);
        result = shifted;
        return top == 0 || top == -1;
    }

    /// <summary><c>saturating_mul</c>: MAX when the signs agree, MIN otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatMul(long a, long b) =>
        TryMul(a, b, out long r) ? r : ((a < 0) != (b < 0) ? long.MinValue : long.MaxValue);

    /// <summary><c>checked_mul(..).unwrap_or(0)</c> as <c>vec_mul</c> uses it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MulOrZero(long a, long b) => TryMul(a, b, out long r) ? r : 0;

    /// <summary>Division truncating toward zero; false on /0 or overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDiv(long a, long b, out long result)
    {
        result = 0;
        if (b == 0) return false;
        if (a >= 0 && b > 0)
        {
            // Fast paths for the epoch's non-negative proportions: 64-bit division instead of 128-bit.
            if (a < One)
            {
                ulong q64 = ((ulong)a << FracBits) / (ulong)b;
                if (q64 > long.MaxValue) return false;
                result = (long)q64;
                return true;
            }
            if (a == One)
            {
                // ⌊2^64 / b⌋ from ⌊(2^64 − 1) / b⌋: one more exactly when b divides 2^64.
                ulong quotient = ulong.MaxValue / (ulong)b;
                if (ulong.MaxValue - quotient * (ulong)b == (ulong)b - 1) quotient++;
                if (quotient > long.MaxValue || (quotient == 0 && b == 1)) return false;
                result = (long)quotient;
                return true;
            }
        }
        Int128 q = ((Int128)a << FracBits) / b;
        if (q > long.MaxValue || q < long.MinValue) return false;
        result = (long)q;
        return true;
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
    public static long SatAdd(long a, long b)
    {
        long r = unchecked(a + b);
        // Overflow iff both operands have the same sign and the result's sign differs.
        if (((a ^ r) & (b ^ r)) < 0) return a < 0 ? long.MinValue : long.MaxValue;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatSub(long a, long b)
    {
        long r = unchecked(a - b);
        if (((a ^ b) & (a ^ r)) < 0) return a < 0 ? long.MinValue : long.MaxValue;
        return r;
    }

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

    /// <summary><c>u16_proportion_to_fixed</c>: u/65535 truncated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long U16Proportion(ushort value) => SafeDiv((long)value << FracBits, U16MaxBits);

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

    /// <summary>
    /// <c>substrate_fixed::transcendental::exp</c> for I32F32 (spec-yuma §1.7): truncated Taylor series up to
    /// x^31/31!, reciprocal for negative inputs. False where the reference returns Err (overflow).
    /// </summary>
    public static bool TryExp(long x, out long result)
    {
        result = 0;
        if (x == 0) { result = One; return true; }
        if (x == One) { result = EulerI9F23Widened; return true; }
        bool negative = x < 0;
        if (negative)
        {
            if (x == long.MinValue) return false;
            x = -x;
        }
        if (x > long.MaxValue - One) return false;
        long sum = x + One;
        long term = x;
        for (int i = 2; i < 32; i++)
        {
            if (!TryMul(term, x, out term)) return false;
            if (term == 0) break; // every later term is 0 as well
            // checked_div(term, I32F32(i)) = trunc(term·2^32 / (i·2^32)) = trunc(term / i); never overflows.
            term /= i;
            long next = unchecked(sum + term);
            if (((sum ^ next) & (term ^ next)) < 0) return false;
            sum = next;
        }
        if (negative) return TryDiv(One, sum, out result);
        result = sum;
        return true;
    }

    /// <summary><c>exp_safe</c>: clamp to [-20, 20], then exp; on Err 0 for x ≤ 0, MAX otherwise.</summary>
    public static long ExpSafe(long x)
    {
        long xs = Clamp(x, -20L << FracBits, 20L << FracBits);
        if (TryExp(xs, out long r)) return r;
        return xs <= 0 ? 0 : long.MaxValue;
    }

    /// <summary><c>sigmoid_safe(x, rho, kappa)</c> = 1 / (1 + exp_safe(−rho·(x − kappa))) (legacy trust sigmoid).</summary>
    public static long SigmoidSafe(long x, long rho, long kappa)
    {
        long offset = SatSub(x, kappa);
        long negRho = SatMul(rho, -One);
        long e = ExpSafe(SatMul(negRho, offset));
        return SafeDiv(One, SatAdd(e, One));
    }
}
