using System.Numerics;

namespace TaoSharp.Math;

/// <summary>
/// Unsigned fixed-point number with 96 integer and 32 fraction bits, bit-exact with substrate-fixed's
/// <c>U96F32</c> (raw <c>u128</c>, value = bits / 2^32). Used by most coinbase math and <c>tao_weight</c>.
/// Operators follow Rust release builds (wrapping; <c>/</c> by zero throws); use the Saturating*,
/// Checked* and SafeDiv methods where the reference code does.
/// </summary>
public readonly struct U96F32 : IFixedPoint<U96F32>, IComparable
{
    public const int FractionBits = 32;

    private U96F32(UInt128 bits) => Bits = bits;

    /// <summary>Raw bits; value = Bits / 2^32.</summary>
    public UInt128 Bits { get; }

    public static U96F32 Zero => default;
    public static U96F32 One => new(UInt128.One << FractionBits);
    public static U96F32 MaxValue => new(UInt128.MaxValue);
    public static U96F32 MinValue => default;

    /// <summary>The smallest positive value, 2^-32.</summary>
    public static U96F32 Delta => new(UInt128.One);

    public bool IsZero => Bits == UInt128.Zero;

    public static U96F32 FromBits(UInt128 bits) => new(bits);

    /// <summary>The integer as a fixed value, saturating (negative → 0).</summary>
    public static U96F32 FromInt(long value) => FromInt((Int128)value);

    public static U96F32 FromUInt(ulong value) => FromUInt((UInt128)value);

    public static U96F32 FromInt(Int128 value) => new(FixedConvert.UnsignedFromInt(value, FractionBits));

    public static U96F32 FromUInt(UInt128 value) => new(FixedConvert.UnsignedFromUInt(value, FractionBits));

    // ---- Rust release-build operators (wrapping) ----

    public static U96F32 operator +(U96F32 a, U96F32 b) => new(unchecked(a.Bits + b.Bits));
    public static U96F32 operator -(U96F32 a, U96F32 b) => new(unchecked(a.Bits - b.Bits));
    public static U96F32 operator *(U96F32 a, U96F32 b) => new(UnsignedFixed128.Multiply(a.Bits, b.Bits, FractionBits, out _));

    /// <exception cref="DivideByZeroException">when <paramref name="b"/> is zero.</exception>
    public static U96F32 operator /(U96F32 a, U96F32 b) => new(DivideBits(a.Bits, b.Bits, out _));

    public static bool operator ==(U96F32 a, U96F32 b) => a.Bits == b.Bits;
    public static bool operator !=(U96F32 a, U96F32 b) => a.Bits != b.Bits;
    public static bool operator <(U96F32 a, U96F32 b) => a.Bits < b.Bits;
    public static bool operator >(U96F32 a, U96F32 b) => a.Bits > b.Bits;
    public static bool operator <=(U96F32 a, U96F32 b) => a.Bits <= b.Bits;
    public static bool operator >=(U96F32 a, U96F32 b) => a.Bits >= b.Bits;

    // ---- saturating ----

    public U96F32 SaturatingAdd(U96F32 other)
    {
        UInt128 r = unchecked(Bits + other.Bits);
        return r < Bits ? MaxValue : new(r);
    }

    public U96F32 SaturatingSub(U96F32 other) => Bits < other.Bits ? Zero : new(Bits - other.Bits);

    /// <summary>On overflow: MAX (both operands are non-negative).</summary>
    public U96F32 SaturatingMul(U96F32 other)
    {
        UInt128 r = UnsignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? MaxValue : new(r);
    }

    /// <summary>Clamps on overflow like saturating_div; division by zero throws (Rust panics).</summary>
    /// <exception cref="DivideByZeroException">when <paramref name="other"/> is zero.</exception>
    public U96F32 SaturatingDiv(U96F32 other)
    {
        UInt128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? MaxValue : new(r);
    }

    // ---- checked (null on overflow or division by zero) ----

    public U96F32? CheckedAdd(U96F32 other)
    {
        UInt128 r = unchecked(Bits + other.Bits);
        return r < Bits ? null : new(r);
    }

    public U96F32? CheckedSub(U96F32 other) => Bits < other.Bits ? null : new(Bits - other.Bits);

    public U96F32? CheckedMul(U96F32 other)
    {
        UInt128 r = UnsignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? null : new(r);
    }

    public U96F32? CheckedDiv(U96F32 other)
    {
        if (other.Bits == UInt128.Zero)
        {
            return null;
        }

        UInt128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? null : new(r);
    }

    /// <summary>safe-math's safe_div: zero on division by zero AND on overflow.</summary>
    public U96F32 SafeDiv(U96F32 other) => SafeDivOr(other, Zero);

    /// <summary>safe_div_or: <paramref name="fallback"/> on division by zero or overflow.</summary>
    public U96F32 SafeDivOr(U96F32 divisor, U96F32 fallback) => CheckedDiv(divisor) ?? fallback;

    // ---- to integers (floor, clamp) ----

    public ushort SaturatingToU16() => FixedConvert.ToU16(Bits, FractionBits);
    public ulong SaturatingToU64() => FixedConvert.ToU64(Bits, FractionBits);
    public long SaturatingToI64() => FixedConvert.ToI64(Bits, FractionBits);
    public UInt128 SaturatingToU128() => Bits >> FractionBits;

    // ---- rounding ----

    /// <summary>Nearest integer, ties away from zero (wraps at the top of the range, as Rust release does).</summary>
    public U96F32 Round() => new(UnsignedFixed128.Round(Bits, FractionBits));

    public U96F32 Floor() => new(UnsignedFixed128.Floor(Bits, FractionBits));

    public static U96F32 Min(U96F32 a, U96F32 b) => a.Bits <= b.Bits ? a : b;
    public static U96F32 Max(U96F32 a, U96F32 b) => a.Bits >= b.Bits ? a : b;

    /// <summary>max(min(this, hi), lo), the order subtensor's clamp_value uses.</summary>
    public U96F32 Clamp(U96F32 lo, U96F32 hi) => Max(Min(this, hi), lo);

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
    public static U96F32 Parse(string text) =>
        new((UInt128)FixedDecimal.Parse(text, FractionBits, BigInteger.Zero, (BigInteger)UInt128.MaxValue, nameof(U96F32)));

    public static bool TryParse(string? text, out U96F32 value)
    {
        bool ok = FixedDecimal.TryParse(text, FractionBits, BigInteger.Zero, (BigInteger)UInt128.MaxValue, out BigInteger bits);
        value = new((UInt128)bits);
        return ok;
    }

    // ---- equality ----

    public bool Equals(U96F32 other) => Bits == other.Bits;
    public override bool Equals(object? obj) => obj is U96F32 other && Equals(other);
    public override int GetHashCode() => Bits.GetHashCode();
    public int CompareTo(U96F32 other) => Bits.CompareTo(other.Bits);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        U96F32 other => CompareTo(other),
        _ => throw new ArgumentException($"Expected {nameof(U96F32)}.", nameof(obj)),
    };

    private static UInt128 DivideBits(UInt128 a, UInt128 b, out bool overflow)
    {
        if (b == UInt128.Zero)
        {
            throw new DivideByZeroException($"{nameof(U96F32)} division by zero.");
        }

        return UnsignedFixed128.Divide(a, b, FractionBits, out overflow);
    }
}
