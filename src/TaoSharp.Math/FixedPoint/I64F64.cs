using System.Numerics;

namespace TaoSharp.Math;

/// <summary>
/// Signed fixed-point number with 64 integer and 64 fraction bits, bit-exact with substrate-fixed's
/// <c>I64F64</c> (raw <c>i128</c>, value = bits / 2^64). Used for raw stake and its normalization.
/// Operators follow Rust release builds (wrapping; <c>/</c> by zero throws); use the Saturating*,
/// Checked* and SafeDiv methods where the reference code does.
/// </summary>
public readonly struct I64F64 : ISignedFixedPoint<I64F64>, IComparable
{
    public const int FractionBits = 64;

    private I64F64(Int128 bits) => Bits = bits;

    /// <summary>Raw two's-complement bits; value = Bits / 2^64.</summary>
    public Int128 Bits { get; }

    public static I64F64 Zero => default;
    public static I64F64 One => new(Int128.One << FractionBits);
    public static I64F64 MaxValue => new(Int128.MaxValue);
    public static I64F64 MinValue => new(Int128.MinValue);

    /// <summary>The smallest positive value, 2^-64.</summary>
    public static I64F64 Delta => new(Int128.One);

    public bool IsZero => Bits == Int128.Zero;
    public bool IsNegative => Bits < 0;

    public static I64F64 FromBits(Int128 bits) => new(bits);

    /// <summary>The integer as a fixed value, saturating outside the range.</summary>
    public static I64F64 FromInt(long value) => FromInt((Int128)value);

    public static I64F64 FromUInt(ulong value) => FromUInt((UInt128)value);

    public static I64F64 FromInt(Int128 value) =>
        new(FixedConvert.SignedFromInt(value, FractionBits, Int128.MinValue, Int128.MaxValue));

    public static I64F64 FromUInt(UInt128 value) =>
        new(FixedConvert.SignedFromUInt(value, FractionBits, Int128.MaxValue));

    // ---- Rust release-build operators (wrapping) ----

    public static I64F64 operator +(I64F64 a, I64F64 b) => new(unchecked(a.Bits + b.Bits));
    public static I64F64 operator -(I64F64 a, I64F64 b) => new(unchecked(a.Bits - b.Bits));
    public static I64F64 operator -(I64F64 a) => new(unchecked(-a.Bits));
    public static I64F64 operator *(I64F64 a, I64F64 b) => new(SignedFixed128.Multiply(a.Bits, b.Bits, FractionBits, out _));

    /// <exception cref="DivideByZeroException">when <paramref name="b"/> is zero.</exception>
    public static I64F64 operator /(I64F64 a, I64F64 b) => new(DivideBits(a.Bits, b.Bits, out _));

    public static bool operator ==(I64F64 a, I64F64 b) => a.Bits == b.Bits;
    public static bool operator !=(I64F64 a, I64F64 b) => a.Bits != b.Bits;
    public static bool operator <(I64F64 a, I64F64 b) => a.Bits < b.Bits;
    public static bool operator >(I64F64 a, I64F64 b) => a.Bits > b.Bits;
    public static bool operator <=(I64F64 a, I64F64 b) => a.Bits <= b.Bits;
    public static bool operator >=(I64F64 a, I64F64 b) => a.Bits >= b.Bits;

    // ---- saturating ----

    public I64F64 SaturatingAdd(I64F64 other) => new(SignedFixed128.SaturatingAdd(Bits, other.Bits));

    public I64F64 SaturatingSub(I64F64 other) => new(SignedFixed128.SaturatingSub(Bits, other.Bits));

    /// <summary>On overflow: MAX if the operands' signs are equal, else MIN.</summary>
    public I64F64 SaturatingMul(I64F64 other)
    {
        Int128 r = SignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? SignedLimit(other) : new(r);
    }

    /// <summary>Clamps on overflow like saturating_div; division by zero throws (Rust panics).</summary>
    /// <exception cref="DivideByZeroException">when <paramref name="other"/> is zero.</exception>
    public I64F64 SaturatingDiv(I64F64 other)
    {
        Int128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? SignedLimit(other) : new(r);
    }

    // ---- checked (null on overflow or division by zero) ----

    public I64F64? CheckedAdd(I64F64 other) =>
        SignedFixed128.AddOverflows(Bits, other.Bits, out Int128 r) ? null : new(r);

    public I64F64? CheckedSub(I64F64 other) =>
        SignedFixed128.SubOverflows(Bits, other.Bits, out Int128 r) ? null : new(r);

    public I64F64? CheckedMul(I64F64 other)
    {
        Int128 r = SignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? null : new(r);
    }

    public I64F64? CheckedDiv(I64F64 other)
    {
        if (other.Bits == Int128.Zero)
        {
            return null;
        }

        Int128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? null : new(r);
    }

    /// <summary>safe-math's safe_div: zero on division by zero AND on overflow.</summary>
    public I64F64 SafeDiv(I64F64 other) => SafeDivOr(other, Zero);

    /// <summary>safe_div_or: <paramref name="fallback"/> on division by zero or overflow.</summary>
    public I64F64 SafeDivOr(I64F64 divisor, I64F64 fallback) => CheckedDiv(divisor) ?? fallback;

    // ---- to integers (floor, clamp) ----

    public ushort SaturatingToU16() => FixedConvert.ToU16(Bits, FractionBits);
    public ulong SaturatingToU64() => FixedConvert.ToU64(Bits, FractionBits);
    public long SaturatingToI64() => FixedConvert.ToI64(Bits, FractionBits);
    public UInt128 SaturatingToU128() => FixedConvert.ToU128(Bits, FractionBits);

    // ---- rounding ----

    /// <summary>Nearest integer, ties away from zero (wraps at the top of the range, as Rust release does).</summary>
    public I64F64 Round() => new(SignedFixed128.Round(Bits, FractionBits));

    public I64F64 Floor() => new(SignedFixed128.Floor(Bits, FractionBits));

    /// <summary>|x|; MIN stays MIN (wrapping, as Rust release does).</summary>
    public I64F64 Abs() => new(Bits < 0 ? unchecked(-Bits) : Bits);

    public static I64F64 Min(I64F64 a, I64F64 b) => a.Bits <= b.Bits ? a : b;
    public static I64F64 Max(I64F64 a, I64F64 b) => a.Bits >= b.Bits ? a : b;

    /// <summary>max(min(this, hi), lo), the order subtensor's clamp_value uses.</summary>
    public I64F64 Clamp(I64F64 lo, I64F64 hi) => Max(Min(this, hi), lo);

    // ---- conversions (saturating, floor of removed fraction bits) ----

    public I32F32 ToI32F32() => I32F32.FromBits((long)FixedConvert.SignedToSigned(Bits, FractionBits, I32F32.FractionBits, long.MinValue, long.MaxValue));
    public I64F64 ToI64F64() => I64F64.FromBits(FixedConvert.SignedToSigned(Bits, FractionBits, I64F64.FractionBits, Int128.MinValue, Int128.MaxValue));
    public I96F32 ToI96F32() => I96F32.FromBits(FixedConvert.SignedToSigned(Bits, FractionBits, I96F32.FractionBits, Int128.MinValue, Int128.MaxValue));
    public I110F18 ToI110F18() => I110F18.FromBits(FixedConvert.SignedToSigned(Bits, FractionBits, I110F18.FractionBits, Int128.MinValue, Int128.MaxValue));
    public U64F64 ToU64F64() => U64F64.FromBits(FixedConvert.SignedToUnsigned(Bits, FractionBits, U64F64.FractionBits, UInt128.MaxValue));
    public U96F32 ToU96F32() => U96F32.FromBits(FixedConvert.SignedToUnsigned(Bits, FractionBits, U96F32.FractionBits, UInt128.MaxValue));

    // ---- text ----

    /// <summary>Exact decimal value, e.g. "0.5" or "-1.25".</summary>
    public override string ToString() => FixedDecimal.Format(Bits < 0, SignedFixed128.Magnitude(Bits), FractionBits);

    /// <summary>Exact decimal parse, rounded to nearest (ties to even). Tests and CLI input only.</summary>
    /// <exception cref="FormatException">malformed text.</exception>
    /// <exception cref="OverflowException">value outside the range.</exception>
    public static I64F64 Parse(string text) =>
        new((Int128)FixedDecimal.Parse(text, FractionBits, (BigInteger)Int128.MinValue, (BigInteger)Int128.MaxValue, nameof(I64F64)));

    public static bool TryParse(string? text, out I64F64 value)
    {
        bool ok = FixedDecimal.TryParse(text, FractionBits, (BigInteger)Int128.MinValue, (BigInteger)Int128.MaxValue, out BigInteger bits);
        value = new((Int128)bits);
        return ok;
    }

    // ---- equality ----

    public bool Equals(I64F64 other) => Bits == other.Bits;
    public override bool Equals(object? obj) => obj is I64F64 other && Equals(other);
    public override int GetHashCode() => Bits.GetHashCode();
    public int CompareTo(I64F64 other) => Bits.CompareTo(other.Bits);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        I64F64 other => CompareTo(other),
        _ => throw new ArgumentException($"Expected {nameof(I64F64)}.", nameof(obj)),
    };

    private I64F64 SignedLimit(I64F64 other) => (Bits < 0) == (other.Bits < 0) ? MaxValue : MinValue;

    private static Int128 DivideBits(Int128 a, Int128 b, out bool overflow)
    {
        if (b == Int128.Zero)
        {
            throw new DivideByZeroException($"{nameof(I64F64)} division by zero.");
        }

        return SignedFixed128.Divide(a, b, FractionBits, out overflow);
    }
}
