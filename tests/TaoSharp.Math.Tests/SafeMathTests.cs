using System.Numerics;
using CsCheck;

namespace TaoSharp.Math.Tests;

/// <summary>The integer safe-math helpers against exact BigInteger arithmetic.</summary>
public sealed class SafeMathTests
{
    private static readonly Gen<ulong> U64 = Gen.Frequency(
        (3, (IGen<ulong>)Gen.ULong),
        (1, Gen.OneOf(0UL, 1UL, 2UL, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 32)),
        (2, Gen.ULong[0, 1000]));

    private static BigInteger Clamp(BigInteger v, BigInteger lo, BigInteger hi) => v < lo ? lo : v > hi ? hi : v;

    [Fact]
    public void Unsigned_64_bit_helpers_match_exact_arithmetic()
    {
        Gen.Select(U64, U64, U64).Sample((a, b, c) =>
        {
            Assert.Equal(b == 0 ? 0 : a / b, SafeMath.SafeDiv(a, b));
            Assert.Equal(b == 0 ? c : a / b, SafeMath.SafeDivOr(a, b, c));
            Assert.Equal(Clamp((BigInteger)a + b, 0, ulong.MaxValue), (BigInteger)SafeMath.SaturatingAdd(a, b));
            Assert.Equal(Clamp((BigInteger)a - b, 0, ulong.MaxValue), (BigInteger)SafeMath.SaturatingSub(a, b));
            Assert.Equal(Clamp((BigInteger)a * b, 0, ulong.MaxValue), (BigInteger)SafeMath.SaturatingMul(a, b));
            BigInteger mulDiv = c == 0 ? 0 : Clamp((BigInteger)a * b / c, 0, ulong.MaxValue);
            Assert.Equal(mulDiv, (BigInteger)SafeMath.MulDivFloor(a, b, c));
        }, iter: 20_000);
    }

    [Fact]
    public void Unsigned_128_bit_helpers_match_exact_arithmetic()
    {
        Gen.Select(Gen.UInt128, Gen.UInt128, Gen.Int[0, 128]).Sample((a, b, shift) =>
        {
            UInt128 small = b >> shift; // many small divisors and zero
            BigInteger max = (BigInteger)UInt128.MaxValue;
            Assert.Equal(small == 0 ? BigInteger.Zero : (BigInteger)a / small, (BigInteger)SafeMath.SafeDiv(a, small));
            Assert.Equal(Clamp((BigInteger)a + b, 0, max), (BigInteger)SafeMath.SaturatingAdd(a, b));
            Assert.Equal(Clamp((BigInteger)a - b, 0, max), (BigInteger)SafeMath.SaturatingSub(a, b));
            Assert.Equal(Clamp((BigInteger)a * small, 0, max), (BigInteger)SafeMath.SaturatingMul(a, small));
            Assert.Equal(Clamp(a, 0, ulong.MaxValue), (BigInteger)SafeMath.SaturatingToU64(a));
        }, iter: 20_000);
    }

    [Fact]
    public void Signed_helpers_match_exact_arithmetic()
    {
        Gen.Select(Gen.Long, Gen.Frequency((3, (IGen<long>)Gen.Long), (1, Gen.OneOf(0L, -1L, 1L, long.MinValue, long.MaxValue)))).Sample((a, b) =>
        {
            BigInteger quotient = b == 0 ? 0 : BigInteger.Divide(a, b);
            Assert.Equal(quotient > long.MaxValue ? 0 : quotient, (BigInteger)SafeMath.SafeDiv(a, b));
            Assert.Equal(Clamp((BigInteger)a + b, long.MinValue, long.MaxValue), (BigInteger)SafeMath.SaturatingAdd(a, b));
            Assert.Equal(Clamp((BigInteger)a - b, long.MinValue, long.MaxValue), (BigInteger)SafeMath.SaturatingSub(a, b));
            Assert.Equal(quotient, (BigInteger)SafeMath.SafeDiv((Int128)a * (1L << 40), (Int128)b * (1L << 40)));
        }, iter: 20_000);
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.Equal(0L, SafeMath.SafeDiv(long.MinValue, -1));
        Assert.Equal(7L, SafeMath.SafeDivOr(long.MinValue, -1, 7));
        Assert.Equal(Int128.Zero, SafeMath.SafeDiv(Int128.MinValue, Int128.NegativeOne));
        Assert.Equal((ushort)0, SafeMath.SafeDiv((ushort)5, (ushort)0));
        Assert.Equal(0u, SafeMath.SafeDiv(5u, 0u));
        Assert.Equal(ushort.MaxValue, SafeMath.SaturatingAdd((ushort)65000, (ushort)1000));
        Assert.Equal((ushort)0, SafeMath.SaturatingSub((ushort)1, (ushort)2));
        Assert.Equal(ushort.MaxValue, SafeMath.SaturatingMul((ushort)300, (ushort)300));
        Assert.Equal((ushort)600, SafeMath.SaturatingMul((ushort)2, (ushort)300));
    }
}
