using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace TaoSharp.Math;

/// <summary>
/// Double-width integer steps the fixed-point types need: 64×64→128 and 128×128→256 products and
/// 128÷64 / 256÷128 quotients. .NET has no 256-bit integer, and BigInteger allocates, so these
/// are written out on 64-bit limbs (schoolbook product, Knuth/Hacker's Delight long division).
/// </summary>
internal static class WideArithmetic
{
    /// <summary>Full 256-bit product of two unsigned 128-bit values, as (high, low) halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt128 Multiply(UInt128 a, UInt128 b, out UInt128 low)
    {
        ulong a0 = (ulong)a, a1 = (ulong)(a >> 64);
        ulong b0 = (ulong)b, b1 = (ulong)(b >> 64);
        if ((a1 | b1) == 0)
        {
            ulong hi = System.Math.BigMul(a0, b0, out ulong lo);
            low = new UInt128(hi, lo);
            return UInt128.Zero;
        }

        ulong h00 = System.Math.BigMul(a0, b0, out ulong l00);
        ulong h01 = System.Math.BigMul(a0, b1, out ulong l01);
        ulong h10 = System.Math.BigMul(a1, b0, out ulong l10);
        ulong h11 = System.Math.BigMul(a1, b1, out ulong l11);

        // Column 1 (bits 64..127) collects three 64-bit terms; its carry flows into column 2.
        UInt128 mid = (UInt128)h00 + l01 + l10;
        low = new UInt128((ulong)mid, l00);
        UInt128 upper = new UInt128(h11, l11) + h01 + h10 + (ulong)(mid >> 64);
        return upper;
    }

    /// <summary>Two's-complement negation of a 256-bit value given as (high, low).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(ref UInt128 high, ref UInt128 low)
    {
        low = ~low + 1;
        high = ~high + (low == UInt128.Zero ? UInt128.One : UInt128.Zero);
    }

    /// <summary>
    /// Quotient of the 256-bit value (high:low) by <paramref name="divisor"/> (non-zero); returns the
    /// low 128 bits and reports the high 128 bits of the quotient in <paramref name="quotientHigh"/>.
    /// </summary>
    public static UInt128 Divide(UInt128 high, UInt128 low, UInt128 divisor, out UInt128 quotientHigh)
    {
        if (high == UInt128.Zero)
        {
            quotientHigh = UInt128.Zero;
            return low / divisor;
        }

        UInt128 remainder;
        if (high < divisor)
        {
            quotientHigh = UInt128.Zero;
            remainder = high;
        }
        else
        {
            quotientHigh = high / divisor;
            remainder = high - quotientHigh * divisor;
        }

        return DivideBounded(remainder, low, divisor);
    }

    /// <summary>(u1:u0) / v for a 256-bit dividend whose high half is below the divisor, so the quotient fits 128 bits.</summary>
    private static UInt128 DivideBounded(UInt128 u1, UInt128 u0, UInt128 v)
    {
        ulong vHigh = (ulong)(v >> 64);
        if (vHigh == 0)
        {
            // Divisor fits one limb: two 128÷64 steps, each with a remainder below the divisor.
            ulong d = (ulong)v;
            ulong q1 = DivideWide((ulong)u1, (ulong)(u0 >> 64), d, out ulong r1);
            ulong q0 = DivideWide(r1, (ulong)u0, d, out _);
            return new UInt128(q1, q0);
        }

        // Two-limb divisor: normalise so its top bit is set, then produce two quotient limbs.
        int s = (int)UInt128.LeadingZeroCount(v);
        v <<= s;
        ulong vn1 = (ulong)(v >> 64), vn0 = (ulong)v;
        UInt128 un32 = s == 0 ? u1 : (u1 << s) | (u0 >> (128 - s));
        UInt128 un10 = u0 << s;
        ulong un1 = (ulong)(un10 >> 64), un0 = (ulong)un10;

        ulong qHigh = QuotientLimb(un32, un1, vn1, vn0);
        UInt128 un21 = (un32 << 64) + un1 - (UInt128)qHigh * v; // true value < v, so the wrap is harmless
        ulong qLow = QuotientLimb(un21, un0, vn1, vn0);
        return new UInt128(qHigh, qLow);
    }

    /// <summary>One exact quotient limb of (top:next) / (vn1:vn0) with a normalised two-limb divisor and top &lt; divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong QuotientLimb(UInt128 top, ulong next, ulong vn1, ulong vn0)
    {
        ulong topHigh = (ulong)(top >> 64);
        ulong qhat;
        UInt128 rhat;
        if (topHigh >= vn1)
        {
            qhat = ulong.MaxValue;
            rhat = top - (UInt128)qhat * vn1;
        }
        else
        {
            qhat = DivideWide(topHigh, (ulong)top, vn1, out ulong r);
            rhat = r;
        }

        // With a two-limb divisor this refinement makes the estimate exact (Knuth D, step D3).
        while (rhat <= ulong.MaxValue && (UInt128)qhat * vn0 > ((rhat << 64) | next))
        {
            qhat--;
            rhat += vn1;
        }

        return qhat;
    }

    /// <summary>(u1:u0) / v for a 128-bit dividend with u1 &lt; v (quotient fits 64 bits), using only 64-bit divisions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DivideWide(ulong u1, ulong u0, ulong v, out ulong remainder)
    {
        if (u1 == 0)
        {
            ulong q = u0 / v;
            remainder = u0 - q * v;
            return q;
        }

        if (X86Base.X64.IsSupported && u1 < v)
        {
            // The hardware 128÷64 division gives the same exact quotient and remainder in one instruction (it faults
            // only when the quotient does not fit 64 bits, which u1 < v rules out). The epoch's row and column
            // normalizations divide values ≥ 1 here once per matrix entry.
            // SYSLIB5004: the API is marked "for evaluation" in .NET 10; the instruction's result is fixed by the ISA,
            // so the only risk is a compile error on a future SDK, never a different quotient.
#pragma warning disable SYSLIB5004
            (ulong quotient, ulong rest) = X86Base.X64.DivRem(u0, u1, v);
#pragma warning restore SYSLIB5004
            remainder = rest;
            return quotient;
        }

        const ulong b = 1UL << 32;
        int s = BitOperations.LeadingZeroCount(v);
        v <<= s;
        ulong vn1 = v >> 32, vn0 = v & 0xFFFF_FFFF;
        ulong un32 = s == 0 ? u1 : (u1 << s) | (u0 >> (64 - s));
        ulong un10 = u0 << s;
        ulong un1 = un10 >> 32, un0 = un10 & 0xFFFF_FFFF;

        ulong q1 = un32 / vn1;
        ulong rhat = un32 - q1 * vn1;
        while (q1 >= b || q1 * vn0 > ((rhat << 32) | un1))
        {
            q1--;
            rhat += vn1;
            if (rhat >= b)
            {
                break;
            }
        }

        ulong un21 = (un32 << 32) + un1 - q1 * v;
        ulong q0 = un21 / vn1;
        rhat = un21 - q0 * vn1;
        while (q0 >= b || q0 * vn0 > ((rhat << 32) | un0))
        {
            q0--;
            rhat += vn1;
            if (rhat >= b)
            {
                break;
            }
        }

        remainder = ((un21 << 32) + un0 - q0 * v) >> s;
        return (q1 << 32) | q0;
    }
}
