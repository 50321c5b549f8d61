using System.Numerics;
using CsCheck;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>exp / exp_safe / sigmoid_safe against a BigInteger re-statement of spec-yuma §1.7.</summary>
public sealed class FixedMathTests
{
    private static readonly FixedFormat F = FixedFormat.I32F32;

    /// <summary>The documented algorithm on exact integers; null where Rust returns Err.</summary>
    private static BigInteger? OracleExp(BigInteger x)
    {
        BigInteger one = F.One;
        if (x.IsZero)
        {
            return one;
        }

        if (x == one)
        {
            return (BigInteger.Parse("0ADF85458A2BB4A9AAFDC5620273D3CF1", System.Globalization.NumberStyles.HexNumber) >> 103) << 9;
        }

        bool negative = x.Sign < 0;
        if (negative)
        {
            x = -x;
            if (!F.Fits(x))
            {
                return null;
            }
        }

        BigInteger result = x + one;
        if (!F.Fits(result))
        {
            return null;
        }

        BigInteger term = x;
        for (int i = 2; i <= 31; i++)
        {
            term = FixedOracle.Mul(F, term, x);
            if (!F.Fits(term))
            {
                return null;
            }

            term = FixedOracle.Div(F, term, i * one);
            result += term;
            if (!F.Fits(result))
            {
                return null;
            }
        }

        if (negative)
        {
            BigInteger q = FixedOracle.Div(F, one, result);
            return F.Fits(q) ? q : null;
        }

        return result;
    }

    private static readonly Gen<long> Inputs = Gen.Frequency(
        (3, (IGen<long>)Gen.Long[-25L << 32, 25L << 32]),
        (1, Gen.Long[-(1L << 32), 1L << 32]),
        (1, Gen.Long));

    [Fact]
    public void Exp_matches_the_documented_series_bit_for_bit()
    {
        Inputs.Sample(x =>
        {
            BigInteger? expected = OracleExp(x);
            I32F32? actual = FixedMath.Exp(I32F32.FromBits(x));
            Assert.Equal(expected, actual is I32F32 a ? a.Bits : null);
        }, iter: 3_000);
    }

    [Fact]
    public void Exp_series_division_by_magic_multiplication_is_exact_for_every_term_index()
    {
        // The series divides products below 2^63 by i = 2..31 with a multiply-and-shift; it must equal ⌊n / i⌋.
        var edges = new List<ulong> { 0, 1, (1UL << 63) - 1, (1UL << 63) - 2, 1UL << 62, (1UL << 32) - 1, 1UL << 32 };
        for (int i = 2; i <= 31; i++)
        {
            ulong d = (ulong)i;
            var cases = new List<ulong>(edges) { d - 1, d, d + 1, ((1UL << 63) - 1) / d * d, ((1UL << 63) - 1) / d * d - 1 };
            foreach (ulong n in cases) Assert.Equal(n / d, Magic(n, i));
            Gen.ULong[0, (1UL << 63) - 1].Sample(n => Assert.Equal(n / d, Magic(n, i)), iter: 2_000);
            Gen.Int[1, 63].SelectMany(bits => Gen.ULong[0, (1UL << bits) - 1]).Sample(n => Assert.Equal(n / d, Magic(n, i)), iter: 2_000);
        }

        static ulong Magic(ulong n, int i) => System.Math.BigMul(n, FixedMath.Magic[i], out _) >> FixedMath.MagicShift[i];
    }

    [Fact]
    public void Exp_matches_the_series_densely_over_the_liquid_alpha_range()
    {
        // Liquid alpha evaluates exp at steepness·(d − ½) for every bond cell: |x| up to a few units, all fractions.
        Gen.Long[-(8L << 32), 8L << 32].Sample(x =>
        {
            BigInteger? expected = OracleExp(x);
            Assert.Equal(expected, FixedMath.Exp(I32F32.FromBits(x)) is I32F32 a ? a.Bits : null);
        }, iter: 5_000);
    }

    [Fact]
    public void Paired_exp_safe_equals_two_single_evaluations()
    {
        long one = I32F32.One.Bits;
        long[] edges = [0, 1, -1, one, -one, 20 * one, -20 * one, 21 * one, -21 * one, long.MaxValue, long.MinValue, one / 2, -one / 2];
        foreach (long a in edges)
        {
            foreach (long b in edges) AssertPair(a, b);
        }

        Gen.Select(Inputs, Inputs).Sample((a, b) => AssertPair(a, b), iter: 3_000);

        static void AssertPair(long a, long b)
        {
            FixedMath.ExpSafeBitsPair(a, b, out long ea, out long eb);
            Assert.Equal(FixedMath.ExpSafeBits(a), ea);
            Assert.Equal(FixedMath.ExpSafeBits(b), eb);
        }
    }

    [Fact]
    public void Four_lane_exp_safe_equals_single_evaluations()
    {
        long one = I32F32.One.Bits;
        long[] edges = [0, 1, -1, one, -one, 20 * one, -20 * one, 21 * one, -21 * one, long.MaxValue, long.MinValue, one / 2, -one / 2];
        // Every edge in every lane, next to ordinary arguments (an edge must not disturb its neighbours).
        foreach (long a in edges)
        {
            for (int lane = 0; lane < 4; lane++)
            {
                long[] x = [one / 3, -5 * one / 7, 3 * one, -one / 9];
                x[lane] = a;
                AssertQuad(x);
            }
        }

        Gen.Select(Inputs, Inputs, Inputs, Inputs).Sample((a, b, c, d) => AssertQuad([a, b, c, d]), iter: 3_000);
        // The liquid-alpha range (|x| ≤ 5 for the default steepness), where all four series normally succeed.
        var small = Gen.Long[-5 * one, 5 * one];
        Gen.Select(small, small, small, small).Sample((a, b, c, d) => AssertQuad([a, b, c, d]), iter: 3_000);

        static void AssertQuad(long[] x)
        {
            var e = new long[4];
            FixedMath.ExpSafeBitsQuad(x, e);
            for (int k = 0; k < 4; k++) Assert.Equal(FixedMath.ExpSafeBits(x[k]), e[k]);
        }
    }

    [Fact]
    public void Exp_safe_clamps_and_maps_errors()
    {
        Inputs.Sample(x =>
        {
            BigInteger clamped = BigInteger.Clamp(x, -20 * F.One, 20 * F.One);
            BigInteger expected = OracleExp(clamped) ?? (clamped.Sign <= 0 ? BigInteger.Zero : F.Max);
            Assert.Equal(expected, (BigInteger)FixedMath.ExpSafe(I32F32.FromBits(x)).Bits);
        }, iter: 3_000);
    }

    [Fact]
    public void Sigmoid_safe_matches_its_definition()
    {
        Gen.Select(Inputs, Inputs, Inputs).Sample((x, rho, kappa) =>
        {
            BigInteger offset = F.Clamp((BigInteger)x - kappa);
            BigInteger negRhoExact = FixedOracle.Mul(F, rho, -F.One);
            BigInteger negRho = F.Fits(negRhoExact) ? negRhoExact : FixedOracle.SignLimit(F, rho, -F.One);
            BigInteger exponentExact = FixedOracle.Mul(F, negRho, offset);
            BigInteger exponent = F.Fits(exponentExact) ? exponentExact : FixedOracle.SignLimit(F, negRho, offset);
            BigInteger clamped = BigInteger.Clamp(exponent, -20 * F.One, 20 * F.One);
            BigInteger e = OracleExp(clamped) ?? (clamped.Sign <= 0 ? BigInteger.Zero : F.Max);
            BigInteger denominator = F.Clamp(e + F.One);
            BigInteger q = denominator.IsZero ? 0 : FixedOracle.Div(F, F.One, denominator);
            BigInteger expected = F.Fits(q) ? q : 0;
            I32F32 actual = FixedMath.SigmoidSafe(I32F32.FromBits(x), I32F32.FromBits(rho), I32F32.FromBits(kappa));
            Assert.Equal(expected, (BigInteger)actual.Bits);
        }, iter: 1_000);
    }
}
