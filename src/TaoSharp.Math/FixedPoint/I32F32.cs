using System.Numerics;
using System.Runtime.CompilerServices;

namespace TaoSharp.Math;

/// <summary>
/// Signed fixed-point number with 32 integer and 32 fraction bits, bit-exact with substrate-fixed's
/// <c>I32F32</c> (raw <c>i64</c>, value = bits / 2^32). The epoch computes in this type.
/// Operators follow Rust release builds (wrapping; <c>/</c> by zero throws); use the Saturating*,
/// Checked* and SafeDiv methods where the reference code does.
/// </summary>
public readonly struct I32F32 : ISignedFixedPoint<I32F32>, IComparable
{
    public const int FractionBits = 32;
    private const long OneBits = 1L << FractionBits;

    private I32F32(long bits) => Bits = bits;

    /// <summary>Raw two's-complement bits; value = Bits / 2^32.</summary>
    public long Bits { get; }

    public static I32F32 Zero => default;
    public static I32F32 One => new(OneBits);
    public static I32F32 MaxValue => new(long.MaxValue);
    public static I32F32 MinValue => new(long.MinValue);

    /// <summary>The smallest positive value, 2^-32.</summary>
    public static I32F32 Delta => new(1);

    public bool IsZero => Bits == 0;
    public bool IsNegative => Bits < 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static I32F32 FromBits(long bits) => new(bits);

    /// <summary>The integer as a fixed value, saturating outside [-2^31, 2^31).</summary>
    public static I32F32 FromInt(long value) => FromInt((Int128)value);

    public static I32F32 FromUInt(ulong value) => FromUInt((UInt128)value);

    public static I32F32 FromInt(Int128 value) =>
        new((long)FixedConvert.SignedFromInt(value, FractionBits, long.MinValue, long.MaxValue));

    public static I32F32 FromUInt(UInt128 value) =>
        new((long)FixedConvert.SignedFromUInt(value, FractionBits, long.MaxValue));

    // ---- Rust release-build operators (wrapping) ----

    public static I32F32 operator +(I32F32 a, I32F32 b) => new(unchecked(a.Bits + b.Bits));
    public static I32F32 operator -(I32F32 a, I32F32 b) => new(unchecked(a.Bits - b.Bits));
    public static I32F32 operator -(I32F32 a) => new(unchecked(-a.Bits));
    public static I32F32 operator *(I32F32 a, I32F32 b) => new(MultiplyBits(a.Bits, b.Bits, out _));

    /// <exception cref="DivideByZeroException">when <paramref name="b"/> is zero.</exception>
    public static I32F32 operator /(I32F32 a, I32F32 b) => new(DivideBits(a.Bits, b.Bits, out _));

    public static bool operator ==(I32F32 a, I32F32 b) => a.Bits == b.Bits;
    public static bool operator !=(I32F32 a, I32F32 b) => a.Bits != b.Bits;
    public static bool operator <(I32F32 a, I32F32 b) => a.Bits < b.Bits;
    public static bool operator >(I32F32 a, I32F32 b) => a.Bits > b.Bits;
    public static bool operator <=(I32F32 a, I32F32 b) => a.Bits <= b.Bits;
    public static bool operator >=(I32F32 a, I32F32 b) => a.Bits >= b.Bits;

    // ---- saturating ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 SaturatingAdd(I32F32 other)
    {
        long r = unchecked(Bits + other.Bits);
        return ((Bits ^ r) & (other.Bits ^ r)) < 0 ? (Bits < 0 ? MinValue : MaxValue) : new(r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 SaturatingSub(I32F32 other)
    {
        long r = unchecked(Bits - other.Bits);
        return ((Bits ^ other.Bits) & (Bits ^ r)) < 0 ? (Bits < 0 ? MinValue : MaxValue) : new(r);
    }

    /// <summary>On overflow: MAX if the operands' signs are equal, else MIN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 SaturatingMul(I32F32 other)
    {
        long r = MultiplyBits(Bits, other.Bits, out bool overflow);
        return overflow ? SignedLimit(other) : new(r);
    }

    /// <summary>Clamps on overflow like saturating_div; division by zero throws (Rust panics).</summary>
    /// <exception cref="DivideByZeroException">when <paramref name="other"/> is zero.</exception>
    public I32F32 SaturatingDiv(I32F32 other)
    {
        long r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? SignedLimit(other) : new(r);
    }

    // ---- checked (null on overflow or division by zero) ----

    public I32F32? CheckedAdd(I32F32 other)
    {
        long r = unchecked(Bits + other.Bits);
        return ((Bits ^ r) & (other.Bits ^ r)) < 0 ? null : new(r);
    }

    public I32F32? CheckedSub(I32F32 other)
    {
        long r = unchecked(Bits - other.Bits);
        return ((Bits ^ other.Bits) & (Bits ^ r)) < 0 ? null : new(r);
    }

    public I32F32? CheckedMul(I32F32 other)
    {
        long r = MultiplyBits(Bits, other.Bits, out bool overflow);
        return overflow ? null : new(r);
    }

    public I32F32? CheckedDiv(I32F32 other)
    {
        if (other.Bits == 0)
        {
            return null;
        }

        long r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? null : new(r);
    }

    /// <summary>safe-math's safe_div: zero on division by zero AND on overflow.</summary>
    public I32F32 SafeDiv(I32F32 other) => SafeDivOr(other, Zero);

    /// <summary>safe_div_or: <paramref name="fallback"/> on division by zero or overflow.</summary>
    public I32F32 SafeDivOr(I32F32 divisor, I32F32 fallback) => CheckedDiv(divisor) ?? fallback;

    // ---- to integers (floor, clamp) ----

    public ushort SaturatingToU16() => FixedConvert.ToU16(Bits, FractionBits);
    public ulong SaturatingToU64() => Bits < 0 ? 0 : (ulong)(Bits >> FractionBits);
    public long SaturatingToI64() => Bits >> FractionBits;
    public UInt128 SaturatingToU128() => Bits < 0 ? UInt128.Zero : (UInt128)(ulong)(Bits >> FractionBits);

    // ---- rounding ----

    /// <summary>Nearest integer, ties away from zero (wraps at the top of the range, as Rust release does).</summary>
    public I32F32 Round()
    {
        long fraction = Bits & (OneBits - 1);
        long floor = Bits - fraction;
        bool up = Bits >= 0 ? fraction >= OneBits / 2 : fraction > OneBits / 2;
        return new(up ? unchecked(floor + OneBits) : floor);
    }

    public I32F32 Floor() => new(Bits & ~(OneBits - 1));

    /// <summary>|x|; MIN stays MIN (wrapping, as Rust release does).</summary>
    public I32F32 Abs() => new(Bits < 0 ? unchecked(-Bits) : Bits);

    public static I32F32 Min(I32F32 a, I32F32 b) => a.Bits <= b.Bits ? a : b;
    public static I32F32 Max(I32F32 a, I32F32 b) => a.Bits >= b.Bits ? a : b;

    /// <summary>max(min(this, hi), lo), the order subtensor's clamp_value uses.</summary>
    public I32F32 Clamp(I32F32 lo, I32F32 hi) => Max(Min(this, hi), lo);

    // ---- conversions (saturating, floor of removed fraction bits) ----

    public I32F32 ToI32F32() => this;
    public I64F64 ToI64F64() => I64F64.FromBits(FixedConvert.SignedToSigned(Bits, FractionBits, I64F64.FractionBits, Int128.MinValue, Int128.MaxValue));
    public I96F32 ToI96F32() => I96F32.FromBits(Bits);
    public I110F18 ToI110F18() => I110F18.FromBits(FixedConvert.SignedToSigned(Bits, FractionBits, I110F18.FractionBits, Int128.MinValue, Int128.MaxValue));
    public U64F64 ToU64F64() => U64F64.FromBits(FixedConvert.SignedToUnsigned(Bits, FractionBits, U64F64.FractionBits, UInt128.MaxValue));
    public U96F32 ToU96F32() => U96F32.FromBits(Bits < 0 ? UInt128.Zero : (UInt128)(ulong)Bits);

    // ---- text ----

    /// <summary>Exact decimal value, e.g. "0.5" or "-1.25".</summary>
    public override string ToString() => FixedDecimal.Format(Bits < 0, SignedFixed128.Magnitude(Bits), FractionBits);

    /// <summary>Exact decimal parse, rounded to nearest (ties to even). Tests and CLI input only.</summary>
    /// <exception cref="FormatException">malformed text.</exception>
    /// <exception cref="OverflowException">value outside the range.</exception>
    public static I32F32 Parse(string text) =>
        new((long)FixedDecimal.Parse(text, FractionBits, long.MinValue, long.MaxValue, nameof(I32F32)));

    public static bool TryParse(string? text, out I32F32 value)
    {
        bool ok = FixedDecimal.TryParse(text, FractionBits, long.MinValue, long.MaxValue, out BigInteger bits);
        value = new((long)bits);
        return ok;
    }

    // ---- equality ----

    public bool Equals(I32F32 other) => Bits == other.Bits;
    public override bool Equals(object? obj) => obj is I32F32 other && Equals(other);
    public override int GetHashCode() => Bits.GetHashCode();
    public int CompareTo(I32F32 other) => Bits.CompareTo(other.Bits);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        I32F32 other => CompareTo(other),
        _ => throw new ArgumentException($"Expected {nameof(I32F32)}.", nameof(obj)),
    };

    // ---- raw-bit kernels ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private I32F32 SignedLimit(I32F32 other) => (Bits < 0) == (other.Bits < 0) ? MaxValue : MinValue;

    /// <summary>(a·b) &gt;&gt; 32 on the exact 128-bit product (arithmetic shift ⇒ floor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long MultiplyBits(long a, long b, out bool overflow)
    {
        long high = System.Math.BigMul(a, b, out long low);
        long result = (long)(((ulong)low >> FractionBits) | ((ulong)high << FractionBits));
        overflow = (high >> FractionBits) != (result >> 63);
        return result;
    }

    /// <summary>trunc((a &lt;&lt; 32) / b) toward zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DivideBits(long a, long b, out bool overflow)
    {
        if (b == 0)
        {
            throw new DivideByZeroException($"{nameof(I32F32)} division by zero.");
        }

        bool negative = (a < 0) != (b < 0);
        ulong ma = a < 0 ? 0UL - (ulong)a : (ulong)a;
        ulong mb = b < 0 ? 0UL - (ulong)b : (ulong)b;
        ulong q;
        if ((ma >> FractionBits) == 0)
        {
            // |a| < 1.0: the shifted dividend fits 64 bits, one hardware division.
            q = (ma << FractionBits) / mb;
            overflow = negative ? q > 1UL << 63 : q > long.MaxValue;
        }
        else
        {
            ulong hi = ma >> FractionBits, lo = ma << FractionBits;
            if (hi >= mb)
            {
                // The quotient needs more than 64 bits: certainly an overflow; keep its low bits (wrapping).
                ulong qHigh = hi / mb;
                q = WideArithmetic.DivideWide(hi - qHigh * mb, lo, mb, out _);
                overflow = true;
            }
            else
            {
                q = WideArithmetic.DivideWide(hi, lo, mb, out _);
                overflow = negative ? q > 1UL << 63 : q > long.MaxValue;
            }
        }

        return negative ? (long)(0UL - q) : (long)q;
    }
}
