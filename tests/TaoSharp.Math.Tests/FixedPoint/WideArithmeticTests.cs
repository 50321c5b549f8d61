using System.Numerics;
using CsCheck;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>The double-width kernels against BigInteger, with inputs built to hit long division's correction steps.</summary>
public sealed class WideArithmeticTests
{
    private static readonly FixedFormat U128 = new("u128", 128, 0, false);

    private static readonly Gen<UInt128> Wide = FixedGenerators.Bits(U128).Select(b => (UInt128)b);

    private static readonly Gen<ulong> Limb = Gen.Frequency(
        (3, (IGen<ulong>)Gen.ULong),
        (2, Gen.OneOf(0UL, 1UL, ulong.MaxValue, 1UL << 63, (1UL << 63) - 1, 1UL << 32, (1UL << 32) - 1, 0xFFFF_FFFF_0000_0000UL)),
        (2, Gen.Select(Gen.Int[1, 64], Gen.ULong, (len, v) => len == 64 ? v : v & ((1UL << len) - 1))));

    [Fact]
    public void Multiply_gives_the_full_256_bit_product()
    {
        Gen.Select(Wide, Wide).Sample((a, b) =>
        {
            UInt128 high = WideArithmetic.Multiply(a, b, out UInt128 low);
            Assert.Equal((BigInteger)a * b, ((BigInteger)high << 128) + low);
        }, iter: 20_000);
    }

    [Fact]
    public void Divide_gives_the_256_by_128_quotient()
    {
        Gen.Select(Wide, Wide, Wide).Sample((high, low, divisor) =>
        {
            if (divisor == UInt128.Zero)
            {
                return;
            }

            BigInteger dividend = ((BigInteger)high << 128) + low;
            UInt128 qLow = WideArithmetic.Divide(high, low, divisor, out UInt128 qHigh);
            Assert.Equal(dividend / divisor, ((BigInteger)qHigh << 128) + qLow);
        }, iter: 20_000);
    }

    [Fact]
    public void Divide_is_exact_next_to_multiples_of_the_divisor()
    {
        // q·d + r for r ∈ {0, 1, d−1}: the quotient estimate is most often wrong right here.
        Gen.Select(Wide, Wide, Gen.Int[0, 2]).Sample((quotient, divisor, which) =>
        {
            if (divisor == UInt128.Zero)
            {
                return;
            }

            BigInteger r = which switch { 0 => 0, 1 => BigInteger.Min(1, (BigInteger)divisor - 1), _ => (BigInteger)divisor - 1 };
            BigInteger dividend = ((BigInteger)quotient * divisor) + r;
            var high = (UInt128)(dividend >> 128);
            var low = (UInt128)(dividend & (BigInteger)UInt128.MaxValue);
            UInt128 qLow = WideArithmetic.Divide(high, low, divisor, out UInt128 qHigh);
            Assert.Equal((BigInteger)quotient, ((BigInteger)qHigh << 128) + qLow);
        }, iter: 20_000);
    }

    [Fact]
    public void DivideWide_gives_the_128_by_64_quotient_and_remainder()
    {
        Gen.Select(Limb, Limb, Limb).Sample((u1, u0, v) =>
        {
            if (v == 0)
            {
                return;
            }

            u1 %= v; // precondition: the quotient fits 64 bits
            BigInteger dividend = ((BigInteger)u1 << 64) + u0;
            ulong q = WideArithmetic.DivideWide(u1, u0, v, out ulong rem);
            Assert.Equal(dividend / v, (BigInteger)q);
            Assert.Equal(dividend % v, (BigInteger)rem);
        }, iter: 50_000);
    }
}
