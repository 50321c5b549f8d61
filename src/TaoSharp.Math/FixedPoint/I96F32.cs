using System.Numerics;

namespace TaoSharp.Math;

/// <summary>
/// Signed fixed-point number with 96 integer and 32 fraction bits, bit-exact with substrate-fixed's
/// <c>I96F32</c> (raw <c>i128</c>, value = bits / 2^32). Used to turn normalized emission shares into rao.
/// Operators follow Rust release builds (wrapping; <c>/</c> by zero throws); use the Saturating*,
/// Checked* and SafeDiv methods where the reference code does.
/// </summary>
public readonly struct I96F32 : ISignedFixedPoint<I96F32>, IComparable
{
    public const int FractionBits = 32;

    private I96F32(Int128 bits) => Bits = bits;

    /// <summary>Raw two's-complement bits; value = Bits / 2^32.</summary>
    public Int128 Bits { get; }

    public static I96F32 Zero => default;
    public static I96F32 One => new(Int128.One << FractionBits);
    public static I96F32 MaxValue => new(Int128.MaxValue);
    public static I96F32 MinValue => new(Int128.MinValue);

    /// <summary>The smallest positive value, 2^-32.</summary>
    public static I96F32 Delta => new(Int128.One);

    public bool IsZero => Bits == Int128.Zero;
    public bool IsNegative => Bits < 0;

    public static I96F32 FromBits(Int128 bits) => new(bits);

    /// <summary>The integer as a fixed value, saturating outside the range.</summary>
    public static I96F32 FromInt(long value) => FromInt((Int128)value);

    public static I96F32 FromUInt(ulong value) => FromUInt((UInt128)value);

    public static I96F32 FromInt(Int128 value) =>
        new(FixedConvert.SignedFromInt(value, FractionBits, Int128.MinValue, Int128.MaxValue));

    public static I96F32 FromUInt(UInt128 value) =>
        new(FixedConvert.SignedFromUInt(value, FractionBits, Int128.MaxValue));

    // ---- Rust release-build operators (wrapping) ----

    public static I96F32 operator +(I96F32 a, I96F32 b) => new(unchecked(a.Bits + b.Bits));
    public static I96F32 operator -(I96F32 a, I96F32 b) => new(unchecked(a.Bits - b.Bits));
    public static I96F32 operator -(I96F32 a) => new(unchecked(-a.Bits));
    public static I96F32 operator *(I96F32 a, I96F32 b) => new(SignedFixed128.Multiply(a.Bits, b.Bits, FractionBits, out _));

    /// <exception cref="DivideByZeroException">when <paramref name="b"/> is zero.</exception>
    public static I96F32 operator /(I96F32 a, I96F32 b) => new(DivideBits(a.Bits, b.Bits, out _));

    public static bool operator ==(I96F32 a, I96F32 b) => a.Bits == b.Bits;
    public static bool operator !=(I96F32 a, I96F32 b) => a.Bits != b.Bits;
    public static bool operator <(I96F32 a, I96F32 b) => a.Bits < b.Bits;
    public static bool operator >(I96F32 a, I96F32 b) => a.Bits > b.Bits;
    public static bool operator <=(I96F32 a, I96F32 b) => a.Bits <= b.Bits;
    public static bool operator >=(I96F32 a, I96F32 b) => a.Bits >= b.Bits;

    // ---- saturating ----

    public I96F32 SaturatingAdd(I96F32 other) => new(SignedFixed128.SaturatingAdd(Bits, other.Bits));

    public I96F32 SaturatingSub(I96F32 other) => new(SignedFixed128.SaturatingSub(Bits, other.Bits));

    /// <summary>On overflow: MAX if the operands' signs are equal, else MIN.</summary>
    public I96F32 SaturatingMul(I96F32 other)
    {
        Int128 r = SignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? SignedLimit(other) : new(r);
    }

    /// <summary>Clamps on overflow like saturating_div; division by zero throws (Rust panics).</summary>
    /// <exception cref="DivideByZeroException">when <paramref name="other"/> is zero.</exception>
    public I96F32 SaturatingDiv(I96F32 other)
    {
        Int128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? SignedLimit(other) : new(r);
    }

    // ---- checked (null on overflow or division by zero) ----

    public I96F32? CheckedAdd(I96F32 other) =>
        SignedFixed128.AddOverflows(Bits, other.Bits, out Int128 r) ? null : new(r);

    public I96F32? CheckedSub(I96F32 other) =>
        SignedFixed128.SubOverflows(Bits, other.Bits, out Int128 r) ? null : new(r);

    public I96F32? CheckedMul(I96F32 other)
    {
        Int128 r = SignedFixed128.Multiply(Bits, other.Bits, FractionBits, out bool overflow);
        return overflow ? null : new(r);
    }

    public I96F32? CheckedDiv(I96F32 other)
    {
        if (other.Bits == Int128.Zero)
        {
            return null;
        }

        Int128 r = DivideBits(Bits, other.Bits, out bool overflow);
        return overflow ? null : new(r);
    }

    /// <summary>safe-math's safe_div: zero on division by zero AND on overflow.</summary>
    public I96F32 SafeDiv(I96F32 other) => SafeDivOr(other, Zero);

    /// <summary>safe_div_or: <paramref name="fallback"/> on division by zero or overflow.</summary>
    public I96F32 SafeDivOr(I96F32 divisor, I96F32 fallback) => CheckedDiv(divisor) ?? fallback;

    // ---- to integers (floor, clamp) ----

    public ushort SaturatingToU16() => FixedConvert.ToU16(Bits, FractionBits);
    public ulong SaturatingToU64() => FixedConvert.ToU64(Bits, FractionBits);
    public long SaturatingToI64() => FixedConvert.ToI64(Bits, FractionBits);
    public UInt128 SaturatingToU128() => FixedConvert.ToU128(Bits, FractionBits);

    // ---- rounding ----

    /// <summary>Nearest integer, ties away from zero (wraps at the top of the range, as Rust release does).</summary>
    public I96F32 Round() => new(SignedFixed128.Round(Bits, FractionBits));

    public I96F32 Floor() => new(SignedFixed128.Floor(Bits, FractionBits));

    /// <summary>|x|; MIN stays MIN (wrapping, as Rust release does).</summary>
    public I96F32 Abs() => new(Bits < 0 ? unchecked(-Bits) : Bits);

    public static I96F32 Min(I96F32 a, I96F32 b) => a.Bits <= b.Bits ? a : b;
    public static I96F32 Max(I96F32 a, I96F32 b) => a.Bits >= b.Bits ? a : b;

    /// <summary>max(min(this, hi), lo), the order subtensor's clamp_value uses.</summary>
    public I96F32 Clamp(I96F32 lo, I96F32 hi) => Max(Min(this, hi), lo);

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
    public static I96F32 Parse(string text) =>
        new((Int128)FixedDecimal.Parse(text, FractionBits, (BigInteger)Int128.MinValue, (BigInteger)Int128.MaxValue, nameof(I96F32)));

    public static bool TryParse(string? text, out I96F32 value)
    {
        bool ok = FixedDecimal.TryParse(text, FractionBits, (BigInteger)Int128.MinValue, (BigInteger)Int128.MaxValue, out BigInteger bits);
        value = new((Int128)bits);
        return ok;
    }

    // ---- equality ----

    public bool Equals(I96F32 other) => Bits == other.Bits;
    public override bool Equals(object? obj) => obj is I96F32 other && Equals(other);
    public override int GetHashCode() => Bits.GetHashCode();
    public int CompareTo(I96F32 other) => Bits.CompareTo(other.Bits);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        I96F32 other => CompareTo(other),
        _ => throw new ArgumentException($"Expected {nameof(I96F32)}.", nameof(obj)),
    };

    private I96F32 SignedLimit(I96F32 other) => (Bits < 0) == (other.Bits < 0) ? MaxValue : MinValue;

    private static Int128 DivideBits(Int128 a, Int128 b, out bool overflow)
    {
        if (b == Int128.Zero)
        {
            throw new DivideByZeroException($"{nameof(I96F32)} division by zero.");
        }

        return SignedFixed128.Divide(a, b, FractionBits, out overflow);
    }
}
