using System.Numerics;
using CsCheck;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>
/// Every operation of a fixed-point type against the BigInteger oracle, exact to the bit. One
/// concrete subclass per type runs the whole contract; a one-ulp difference fails.
/// </summary>
public abstract class FixedPointContractTests<T> where T : struct, IFixedPoint<T>
{
    private const long Iterations = 10_000;

    protected abstract FixedFormat Format { get; }

    protected abstract BigInteger ToBig(T value);

    protected abstract T FromBig(BigInteger bits);

    private Gen<BigInteger> Bits => FixedGenerators.Bits(Format);

    private Gen<(BigInteger, BigInteger)> Pairs => FixedGenerators.Pairs(Format);

    [Fact]
    public void Constants_have_the_documented_bits()
    {
        Assert.Equal(BigInteger.Zero, ToBig(T.Zero));
        Assert.Equal(Format.One, ToBig(T.One));
        Assert.Equal(Format.Max, ToBig(T.MaxValue));
        Assert.Equal(Format.Min, ToBig(T.MinValue));
        Assert.Equal(BigInteger.One, ToBig(T.Delta));
        Assert.True(T.Zero.IsZero);
        Assert.False(T.Delta.IsZero);
    }

    [Fact]
    public void Addition_wraps_saturates_and_checks_exactly()
    {
        Pairs.Sample((a, b) =>
        {
            T x = FromBig(a), y = FromBig(b);
            BigInteger exact = a + b;
            Assert.Equal(Format.Wrap(exact), ToBig(x + y));
            Assert.Equal(Format.Clamp(exact), ToBig(x.SaturatingAdd(y)));
            AssertChecked(Format.Fits(exact) ? exact : null, x.CheckedAdd(y));
        }, iter: Iterations);
    }

    [Fact]
    public void Subtraction_wraps_saturates_and_checks_exactly()
    {
        Pairs.Sample((a, b) =>
        {
            T x = FromBig(a), y = FromBig(b);
            BigInteger exact = a - b;
            Assert.Equal(Format.Wrap(exact), ToBig(x - y));
            Assert.Equal(Format.Clamp(exact), ToBig(x.SaturatingSub(y)));
            AssertChecked(Format.Fits(exact) ? exact : null, x.CheckedSub(y));
        }, iter: Iterations);
    }

    [Fact]
    public void Multiplication_floors_and_handles_overflow_exactly()
    {
        Pairs.Sample((a, b) =>
        {
            T x = FromBig(a), y = FromBig(b);
            BigInteger exact = FixedOracle.Mul(Format, a, b);
            bool fits = Format.Fits(exact);
            Assert.Equal(Format.Wrap(exact), ToBig(x * y));
            Assert.Equal(fits ? exact : FixedOracle.SignLimit(Format, a, b), ToBig(x.SaturatingMul(y)));
            AssertChecked(fits ? exact : null, x.CheckedMul(y));
        }, iter: Iterations);
    }

    [Fact]
    public void Division_truncates_and_handles_overflow_and_zero_exactly()
    {
        Pairs.Sample((a, b) =>
        {
            T x = FromBig(a), y = FromBig(b);
            if (b.IsZero)
            {
                Assert.Throws<DivideByZeroException>(() => x / y);
                Assert.Throws<DivideByZeroException>(() => x.SaturatingDiv(y));
                Assert.Null(x.CheckedDiv(y));
                Assert.Equal(BigInteger.Zero, ToBig(x.SafeDiv(y)));
                Assert.Equal(ToBig(T.One), ToBig(x.SafeDivOr(y, T.One)));
                return;
            }

            BigInteger exact = FixedOracle.Div(Format, a, b);
            bool fits = Format.Fits(exact);
            Assert.Equal(Format.Wrap(exact), ToBig(x / y));
            Assert.Equal(fits ? exact : FixedOracle.SignLimit(Format, a, b), ToBig(x.SaturatingDiv(y)));
            AssertChecked(fits ? exact : null, x.CheckedDiv(y));
            Assert.Equal(fits ? exact : BigInteger.Zero, ToBig(x.SafeDiv(y)));
            Assert.Equal(fits ? exact : Format.One, ToBig(x.SafeDivOr(y, T.One)));
        }, iter: Iterations);
    }

    [Fact]
    public void Division_by_a_divisor_of_one_limb_or_less_is_exact()
    {
        // Small divisors take the one-limb long-division path; make sure it is hit often.
        Gen.Select(Bits, Gen.ULong[1, ulong.MaxValue]).Sample((a, d) =>
        {
            BigInteger b = Format.Wrap(d);
            if (b.IsZero)
            {
                return;
            }

            BigInteger exact = FixedOracle.Div(Format, a, b);
            AssertChecked(Format.Fits(exact) ? exact : null, FromBig(a).CheckedDiv(FromBig(b)));
        }, iter: Iterations);
    }

    [Fact]
    public void Comparisons_follow_the_raw_bits()
    {
        Pairs.Sample((a, b) =>
        {
            T x = FromBig(a), y = FromBig(b);
            Assert.Equal(a < b, x < y);
            Assert.Equal(a <= b, x <= y);
            Assert.Equal(a > b, x > y);
            Assert.Equal(a >= b, x >= y);
            Assert.Equal(a == b, x == y);
            Assert.Equal(a != b, x != y);
            Assert.Equal(a == b, x.Equals(y));
            Assert.Equal(a.CompareTo(b), System.Math.Sign(x.CompareTo(y)));
            Assert.Equal(BigInteger.Min(a, b), ToBig(T.Min(x, y)));
            Assert.Equal(BigInteger.Max(a, b), ToBig(T.Max(x, y)));
            if (a == b)
            {
                Assert.Equal(x.GetHashCode(), y.GetHashCode());
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Clamp_is_max_of_min_like_clamp_value()
    {
        Gen.Select(Bits, Bits, Bits).Sample((v, lo, hi) =>
        {
            BigInteger expected = BigInteger.Max(BigInteger.Min(v, hi), lo);
            Assert.Equal(expected, ToBig(FromBig(v).Clamp(FromBig(lo), FromBig(hi))));
        }, iter: Iterations);
    }

    [Fact]
    public void Conversions_to_integers_floor_and_clamp()
    {
        Bits.Sample(a =>
        {
            T x = FromBig(a);
            Assert.Equal(FixedOracle.ToInteger(Format, a, 0, ushort.MaxValue), (BigInteger)x.SaturatingToU16());
            Assert.Equal(FixedOracle.ToInteger(Format, a, 0, ulong.MaxValue), (BigInteger)x.SaturatingToU64());
            Assert.Equal(FixedOracle.ToInteger(Format, a, long.MinValue, long.MaxValue), (BigInteger)x.SaturatingToI64());
            Assert.Equal(FixedOracle.ToInteger(Format, a, 0, (BigInteger)UInt128.MaxValue), (BigInteger)x.SaturatingToU128());
        }, iter: Iterations);
    }

    [Fact]
    public void Conversions_from_integers_are_exact_or_saturate()
    {
        Gen.Select(Gen.Long, Gen.ULong, Gen.Int128, Gen.UInt128).Sample((l, u, l128, u128) =>
        {
            Assert.Equal(FixedOracle.FromInteger(Format, l), ToBig(T.FromInt(l)));
            Assert.Equal(FixedOracle.FromInteger(Format, u), ToBig(T.FromUInt(u)));
            Assert.Equal(FixedOracle.FromInteger(Format, l128), ToBig(T.FromInt(l128)));
            Assert.Equal(FixedOracle.FromInteger(Format, u128), ToBig(T.FromUInt(u128)));
        }, iter: Iterations);

        // Small integers (the common case) must be exact.
        Gen.Int[-70_000, 70_000].Sample(i =>
        {
            Assert.Equal(FixedOracle.FromInteger(Format, i), ToBig(T.FromInt(i)));
        }, iter: 2_000);
    }

    [Fact]
    public void Round_is_ties_away_from_zero_and_floor_is_floor()
    {
        Bits.Sample(a =>
        {
            T x = FromBig(a);
            Assert.Equal(FixedOracle.Round(Format, a), ToBig(x.Round()));
            Assert.Equal(FixedOracle.Floor(Format, a), ToBig(x.Floor()));
        }, iter: Iterations);
    }

    [Fact]
    public void Round_examples()
    {
        Assert.Equal(2 * Format.One, ToBig(FromBig(3 * Format.One / 2).Round()));
        Assert.Equal(Format.One, ToBig(FromBig((3 * Format.One / 2) - 1).Round()));
        Assert.Equal(Format.One, ToBig(FromBig(Format.One / 2).Round()));
        if (Format.Signed)
        {
            Assert.Equal(-2 * Format.One, ToBig(FromBig(-3 * Format.One / 2).Round()));
            Assert.Equal(-Format.One, ToBig(FromBig((-3 * Format.One / 2) + 1).Round()));
        }
    }

    [Fact]
    public void Fixed_to_fixed_conversions_truncate_and_saturate()
    {
        Bits.Sample(a =>
        {
            T x = FromBig(a);
            Assert.Equal(FixedOracle.Convert(Format, FixedFormat.I32F32, a), (BigInteger)x.ToI32F32().Bits);
            Assert.Equal(FixedOracle.Convert(Format, FixedFormat.I64F64, a), (BigInteger)x.ToI64F64().Bits);
            Assert.Equal(FixedOracle.Convert(Format, FixedFormat.I96F32, a), (BigInteger)x.ToI96F32().Bits);
            Assert.Equal(FixedOracle.Convert(Format, FixedFormat.I110F18, a), (BigInteger)x.ToI110F18().Bits);
            Assert.Equal(FixedOracle.Convert(Format, FixedFormat.U64F64, a), (BigInteger)x.ToU64F64().Bits);
            Assert.Equal(FixedOracle.Convert(Format, FixedFormat.U96F32, a), (BigInteger)x.ToU96F32().Bits);
        }, iter: Iterations);
    }

    [Fact]
    public void ToString_is_the_exact_decimal_and_Parse_round_trips_it()
    {
        Bits.Sample(a =>
        {
            T x = FromBig(a);
            string text = x.ToString()!;
            Assert.Equal(FixedOracle.Decimal(Format, a), text);
            Assert.Equal(a, ToBig(T.Parse(text)));
            Assert.True(T.TryParse(text, out T parsed));
            Assert.Equal(a, ToBig(parsed));
        }, iter: Iterations);
    }

    [Fact]
    public void Parse_rounds_to_nearest_with_ties_to_even()
    {
        Bits.Where(a => a < Format.Max).Sample(a =>
        {
            // The exact midpoint between a and a+1 ulp, and values a hair either side of it.
            BigInteger twiceScale = Format.One * 2;
            string mid = ExactDecimal(2 * a + 1, twiceScale);
            BigInteger even = a.IsEven ? a : a + 1;
            Assert.Equal(even, ToBig(T.Parse(mid)));
            Assert.Equal(a, ToBig(T.Parse(ExactDecimal((4 * a) + 1, 4 * Format.One))));
            Assert.Equal(a + 1, ToBig(T.Parse(ExactDecimal((4 * a) + 3, 4 * Format.One))));
        }, iter: 5_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    [InlineData("١")]
    public void Parse_rejects_malformed_text_with_a_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => T.Parse(text));
        Assert.False(T.TryParse(text, out _));
    }

    [Fact]
    public void Parse_rejects_out_of_range_and_overlong_input()
    {
        string tooBig = (Format.Max / Format.One + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<OverflowException>(() => T.Parse(tooBig));
        Assert.False(T.TryParse(tooBig, out _));
        Assert.Throws<FormatException>(() => T.Parse(new string('9', 100_000)));
        Assert.False(T.TryParse(null, out _));
        if (!Format.Signed)
        {
            Assert.Throws<OverflowException>(() => T.Parse("-1"));
        }
    }

    private void AssertChecked(BigInteger? expected, T? actual)
    {
        Assert.Equal(expected, actual is T v ? ToBig(v) : null);
    }

    /// <summary>numerator/denominator as an exact decimal string (denominator a power of two).</summary>
    private static string ExactDecimal(BigInteger numerator, BigInteger denominator)
    {
        int frac = (int)(denominator.GetBitLength() - 1);
        return FixedOracle.Decimal(new FixedFormat("wide", 512, frac, true), numerator);
    }
}

/// <summary>Negation and Abs, which only the signed types have.</summary>
public abstract class SignedFixedPointContractTests<T> : FixedPointContractTests<T> where T : struct, ISignedFixedPoint<T>
{
    [Fact]
    public void Negation_and_Abs_wrap_like_release_builds()
    {
        FixedGenerators.Bits(Format).Sample(a =>
        {
            T x = FromBig(a);
            Assert.Equal(Format.Wrap(-a), ToBig(-x));
            Assert.Equal(Format.Wrap(BigInteger.Abs(a)), ToBig(x.Abs()));
            Assert.Equal(a.Sign < 0, x.IsNegative);
        }, iter: 20_000);
    }
}

public sealed class I32F32ContractTests : SignedFixedPointContractTests<I32F32>
{
    protected override FixedFormat Format => FixedFormat.I32F32;
    protected override BigInteger ToBig(I32F32 value) => value.Bits;
    protected override I32F32 FromBig(BigInteger bits) => I32F32.FromBits((long)bits);
}

public sealed class I64F64ContractTests : SignedFixedPointContractTests<I64F64>
{
    protected override FixedFormat Format => FixedFormat.I64F64;
    protected override BigInteger ToBig(I64F64 value) => value.Bits;
    protected override I64F64 FromBig(BigInteger bits) => I64F64.FromBits((Int128)bits);
}

public sealed class I96F32ContractTests : SignedFixedPointContractTests<I96F32>
{
    protected override FixedFormat Format => FixedFormat.I96F32;
    protected override BigInteger ToBig(I96F32 value) => value.Bits;
    protected override I96F32 FromBig(BigInteger bits) => I96F32.FromBits((Int128)bits);
}

public sealed class I110F18ContractTests : SignedFixedPointContractTests<I110F18>
{
    protected override FixedFormat Format => FixedFormat.I110F18;
    protected override BigInteger ToBig(I110F18 value) => value.Bits;
    protected override I110F18 FromBig(BigInteger bits) => I110F18.FromBits((Int128)bits);
}

public sealed class U64F64ContractTests : FixedPointContractTests<U64F64>
{
    protected override FixedFormat Format => FixedFormat.U64F64;
    protected override BigInteger ToBig(U64F64 value) => value.Bits;
    protected override U64F64 FromBig(BigInteger bits) => U64F64.FromBits((UInt128)bits);
}

public sealed class U96F32ContractTests : FixedPointContractTests<U96F32>
{
    protected override FixedFormat Format => FixedFormat.U96F32;
    protected override BigInteger ToBig(U96F32 value) => value.Bits;
    protected override U96F32 FromBig(BigInteger bits) => U96F32.FromBits((UInt128)bits);
}
