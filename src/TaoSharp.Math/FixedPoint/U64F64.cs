using System.Numerics;

namespace TaoSharp.Math;

/// <summary>
/// Unsigned fixed-point number with 64 integer and 64 fraction bits, bit-exact with substrate-fixed's
/// <c>U64F64</c> (raw <c>u128</c>, value = bits / 2^64). Used for mechanism emission weights, prices and flow EMAs.
/// Operators follow Rust release builds (wrapping; <c>/</c> by zero throws); use the Saturating*,
/// Checked* and SafeDiv methods where the reference code does.
/// </summary>
public readonly struct U64F64 : IFixedPoint<U64F64>, IComparable
{
    public const int FractionBits = 64;

    private U64F64(UInt128 bits) => Bits = bits;

    /// <summary>Raw bits; value = Bits / 2^64.</summary>
    public UInt128 Bits { get; }

    public static U64F64 Zero => default;
    public static U64F64 One => new(UInt128.One << FractionBits);
    public static U64F64 MaxValue => new(UInt128.MaxValue);
    public static U64F64 MinValue => default;

    /// <summary>The smallest positive value, 2^-64.</summary>
    public static U64F64 Delta => new(UInt128.One);

    public bool IsZero => Bits == UInt128.Zero;

    public static U64F64 FromBits(UInt128 bits) => new(bits);

    /// <summary>The integer as a fixed value, saturating (negative → 0).</summary>
    public static U64F64 FromInt(long value) => FromInt((Int128)value);

    public static U64F64 FromUInt(ulong value) => FromUInt((UInt128)value);

    public static U64F64 FromInt(Int128 value) => new(FixedConvert.UnsignedFromInt(value, FractionBits));

    public static U64F64 FromUInt(UInt128 value) => new(FixedConvert.UnsignedFromUInt(value, FractionBits));

    // ---- Rust release-build operators (wrapping) ----

    public static U64F64 operator +(U64F64 a, U64F64 b) => new(unchecked(a.Bits + b.Bits));
    public static U64F64 operator -(U64F64 a, U64F64 b) => new(unchecked(a.Bits - b.Bits));
    public static U64F64 operator *(U64F64 a, U64F64 b) => new(UnsignedFixed128.Multiply(a.Bits, b.Bits, FractionBits, out _));

    /// <exception cref="DivideByZeroException">when <paramref name="b"/> is zero.</exception>
    public static U64F64 operator /(U64F64 a, U64F64 b) => new(DivideBits(a.Bits, b.Bits, out _));

    public static bool operator ==(U64F64 a, U64F64 b) => a.Bits == b.Bits;
    public static bool operator !=(U64F64 a, U64F64 b) => a.Bits != b.Bits;
    public static bool operator <(U64F64 a, U64F64 b) => a.Bits < b.Bits;
    public static bool operator >(U64F64 a, U64F64 b) => a.Bits > b.Bits;
    public static bool operator <=(U64F64 a, U64F64 b) => a.Bits <= b.Bits;
    public static bool operator >=(U64F64 a, U64F64 b) => a.Bits >= b.Bits;

    // ---- saturating ----

    public U64F64 SaturatingAdd(U64F64 other)
    {
        UInt128 r = unchecked(Bits + other.Bits);
        return r < Bits ? MaxValue : new(r);
    }

    public U64F64 SaturatingSub(U64F64 other) => Bits < other.Bits ? Zero : new(Bits - other.Bits);

    /// <summary>On overflow: MAX (both operands are non-negative).</summary>
    public U64F64 SaturatingMul(U64F64 other)
    {
        UInt128 r = UnsignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? MaxValue : new(r);
    }

    /// <summary>Clamps on overflow like saturating_div; division by zero throws (Rust panics).</summary>
    /// <exception cref="DivideByZeroException">when <paramref name="other"/> is zero.</exception>
    public U64F64 SaturatingDiv(U64F64 other)
    {
        UInt128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? MaxValue : new(r);
    }

    // ---- checked (null on overflow or division by zero) ----

    public U64F64? CheckedAdd(U64F64 other)
    {
        UInt128 r = unchecked(Bits + other.Bits);
        return r < Bits ? null : new(r);
    }

    public U64F64? CheckedSub(U64F64 other) => Bits < other.Bits ? null : new(Bits - other.Bits);

    public U64F64? CheckedMul(U64F64 other)
    {
        UInt128 r = UnsignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? null : new(r);
    }

    public U64F64? CheckedDiv(U64F64 other)
    {
        if (other.Bits == UInt128.Zero)
        {
            return null;
        }

        UInt128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? null : new(r);
    }

    /// <summary>safe-math's safe_div: zero on division by zero AND on overflow.</summary>
    public U64F64 SafeDiv(U64F64 other) => SafeDivOr(other, Zero);

    /// <summary>safe_div_or: <paramref name="fallback"/> on division by zero or overflow.</summary>
    public U64F64 SafeDivOr(U64F64 divisor, U64F64 fallback) => CheckedDiv(divisor) ?? fallback;

    // ---- to integers (floor, clamp) ----

    public ushort SaturatingToU16() => FixedConvert.ToU16(Bits, FractionBits);
    public ulong SaturatingToU64() => FixedConvert.ToU64(Bits, FractionBits);
    public long SaturatingToI64() => FixedConvert.ToI64(Bits, FractionBits);
    public UInt128 SaturatingToU128() => Bits >> FractionBits;

    // ---- rounding ----

    /// <summary>Nearest integer, ties away from zero (wraps at the top of the range, as Rust release does).</summary>
    public U64F64 Round() => new(UnsignedFixed128.Round(Bits, FractionBits));

    public U64F64 Floor() => new(UnsignedFixed128.Floor(Bits, FractionBits));

    public static U64F64 Min(U64F64 a, U64F64 b) => a.Bits <= b.Bits ? a : b;
    public static U64F64 Max(U64F64 a, U64F64 b) => a.Bits >= b.Bits ? a : b;

    /// <summary>max(min(this, hi), lo), the order subtensor's clamp_value uses.</summary>
    public U64F64 Clamp(U64F64 lo, U64F64 hi) => Max(Min(this, hi), lo);

    // ---- conversions (saturating, floor of removed fraction bits) ----

    public I32F32 ToI32F32() => I32F32.FromBits((long)FixedConvert.UnsignedToSigned(Bits, FractionBits, I32F32.FractionBits, long.MaxValue));
    public I64F64 ToI64F64() => I64F64.FromBits(FixedConvert.UnsignedToSigned(Bits, FractionBits, I64F64.FractionBits, Int128.MaxValue));
    public I96F32 ToI96F32() => I96F32.FromBits(FixedConvert.UnsignedToSigned(Bits, FractionBits, I96F32.FractionBits, Int128.MaxValue));
    public I110F18 ToI110F18() => I110F18.FromBits(FixedConvert.UnsignedToSigned(Bits, FractionBits, I110F18.FractionBits, Int128.MaxValue));
    public U64F64 ToU64F64() => U64F64.FromBits(FixedConvert.UnsignedToUnsigned(Bits, FractionBits, U64F64.FractionBits, UInt128.MaxValue));
    public U96F32 ToU96F32() => U96F32.FromBits(FixedConvert.UnsignedToUnsigned(Bits, FractionBits, U96F32.FractionBits, UInt128.MaxValue));

    // ---- text ----

    /// <summary>Exact decimal value, e.g. "0.5".</summary>
    public override string ToString() => FixedDecimal.Format(false, Bits, FractionBits);

    /// <summary>Exact decimal parse, rounded to nearest (ties to even). Tests and CLI input only.</summary>
    /// <exception cref="FormatException">malformed text.</exception>
    /// <exception cref="OverflowException">value outside the range (including negative values).</exception>
    public static U64F64 Parse(string text) =>
        new((UInt128)FixedDecimal.Parse(text, FractionBits, BigInteger.Zero, (BigInteger)UInt128.MaxValue, nameof(U64F64)));

    public static bool TryParse(string? text, out U64F64 value)
    {
        bool ok = FixedDecimal.TryParse(text, FractionBits, BigInteger.Zero, (BigInteger)UInt128.MaxValue, out BigInteger bits);
        value = new((UInt128)bits);
        return ok;
    }

    // ---- equality ----

    public bool Equals(U64F64 other) => Bits == other.Bits;
    public override bool Equals(object? obj) => obj is U64F64 other && Equals(other);
    public override int GetHashCode() => Bits.GetHashCode();
    public int CompareTo(U64F64 other) => Bits.CompareTo(other.Bits);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        U64F64 other => CompareTo(other),
        _ => throw new ArgumentException($"Expected {nameof(U64F64)}.", nameof(obj)),
    };

    private static UInt128 DivideBits(UInt128 a, UInt128 b, out bool overflow)
    {
        if (b == UInt128.Zero)
        {
            throw new DivideByZeroException($"{nameof(U64F64)} division by zero.");
        }

        return UnsignedFixed128.Divide(a, b, FractionBits, out overflow);
    }
}
