using System.Runtime.CompilerServices;

namespace TaoSharp.Math;

/// <summary>
/// Raw-bit arithmetic shared by the signed 128-bit fixed types (I64F64, I96F32, I110F18).
/// <paramref name="frac"/> is always a constant at the call site, so the JIT folds the shifts.
/// </summary>
internal static class SignedFixed128
{
    /// <summary>(a·b) &gt;&gt; frac with an arithmetic shift (floor); the low 128 bits and whether the exact result fits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Multiply(Int128 a, Int128 b, int frac, out bool overflow)
    {
        bool negative = (a < 0) != (b < 0);
        UInt128 high = WideArithmetic.Multiply(Magnitude(a), Magnitude(b), out UInt128 low);
        if (negative)
        {
            WideArithmetic.Negate(ref high, ref low);
        }

        UInt128 result = (low >> frac) | (high << (128 - frac));
        Int128 rest = (Int128)high >> frac;
        overflow = rest != ((Int128)result >> 127);
        return (Int128)result;
    }

    /// <summary>trunc((a &lt;&lt; frac) / b) toward zero; the low 128 bits of the quotient and whether it fits. b must be non-zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Divide(Int128 a, Int128 b, int frac, out bool overflow)
    {
        bool negative = (a < 0) != (b < 0);
        UInt128 magnitude = Magnitude(a);
        UInt128 qLow = WideArithmetic.Divide(magnitude >> (128 - frac), magnitude << frac, Magnitude(b), out UInt128 qHigh);
        UInt128 limit = negative ? (UInt128)1 << 127 : ((UInt128)1 << 127) - 1;
        overflow = qHigh != UInt128.Zero || qLow > limit;
        return negative ? (Int128)(UInt128.Zero - qLow) : (Int128)qLow;
    }

    /// <summary>|v| as unsigned; correct for Int128.MinValue too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt128 Magnitude(Int128 v) => v < 0 ? UInt128.Zero - (UInt128)v : (UInt128)v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 SaturatingAdd(Int128 a, Int128 b)
    {
        Int128 r = unchecked(a + b);
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Int128.MinValue : Int128.MaxValue) : r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 SaturatingSub(Int128 a, Int128 b)
    {
        Int128 r = unchecked(a - b);
        return ((a ^ b) & (a ^ r)) < 0 ? (a < 0 ? Int128.MinValue : Int128.MaxValue) : r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AddOverflows(Int128 a, Int128 b, out Int128 sum)
    {
        sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SubOverflows(Int128 a, Int128 b, out Int128 difference)
    {
        difference = unchecked(a - b);
        return ((a ^ b) & (a ^ difference)) < 0;
    }

    /// <summary>Round to the nearest integer, ties away from zero (wrapping at the top of the range like Rust's release build).</summary>
    public static Int128 Round(Int128 bits, int frac)
    {
        Int128 one = Int128.One << frac;
        Int128 fraction = bits & (one - 1);
        Int128 floor = bits - fraction;
        Int128 half = one >> 1;
        bool up = bits >= 0 ? fraction >= half : fraction > half;
        return up ? unchecked(floor + one) : floor;
    }

    public static Int128 Floor(Int128 bits, int frac) => bits & ~((Int128.One << frac) - 1);
}
