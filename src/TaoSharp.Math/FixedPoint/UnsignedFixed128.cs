using System.Runtime.CompilerServices;

namespace TaoSharp.Math;

/// <summary>Raw-bit arithmetic shared by the unsigned 128-bit fixed types (U64F64, U96F32).</summary>
internal static class UnsignedFixed128
{
    /// <summary>(a·b) &gt;&gt; frac (floor); the low 128 bits and whether the exact result fits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt128 Multiply(UInt128 a, UInt128 b, int frac, out bool overflow)
    {
        UInt128 high = WideArithmetic.Multiply(a, b, out UInt128 low);
        overflow = (high >> frac) != UInt128.Zero;
        return (low >> frac) | (high << (128 - frac));
    }

    /// <summary>(a &lt;&lt; frac) / b (floor); the low 128 bits of the quotient and whether it fits. b must be non-zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt128 Divide(UInt128 a, UInt128 b, int frac, out bool overflow)
    {
        UInt128 q = WideArithmetic.Divide(a >> (128 - frac), a << frac, b, out UInt128 qHigh);
        overflow = qHigh != UInt128.Zero;
        return q;
    }

    /// <summary>Round to the nearest integer, ties away from zero (up), wrapping at the top like Rust's release build.</summary>
    public static UInt128 Round(UInt128 bits, int frac)
    {
        UInt128 one = UInt128.One << frac;
        UInt128 fraction = bits & (one - 1);
        UInt128 floor = bits - fraction;
        return fraction >= (one >> 1) ? unchecked(floor + one) : floor;
    }

    public static UInt128 Floor(UInt128 bits, int frac) => bits & ~((UInt128.One << frac) - 1);
}
