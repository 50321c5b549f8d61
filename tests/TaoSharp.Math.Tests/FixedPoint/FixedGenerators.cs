using System.Numerics;
using CsCheck;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>
/// Raw-bit generators that reach the interesting places: edges (0, ±1 ulp, ±1, MIN, MAX), every
/// magnitude (random bit length), values near integers, and limb patterns (runs of 0/1 bits) that
/// exercise the rare correction steps of long division.
/// </summary>
public static class FixedGenerators
{
    public static Gen<BigInteger> Bits(FixedFormat t)
    {
        BigInteger one = t.One;
        BigInteger[] edges =
        [
            0, 1, 2, one - 1, one, one + 1, one / 2, 2 * one, 3 * one / 2, 20 * one, t.Max, t.Max - 1, t.Max / 2, t.Max / 2 + 1,
            t.Min, t.Min + 1, -1, -one, -one - 1, -one + 1, -one / 2, -3 * one / 2, -20 * one,
            (BigInteger)ulong.MaxValue, (BigInteger)ulong.MaxValue + 1, BigInteger.One << 63, BigInteger.One << 96,
            -(BigInteger.One << 63), (BigInteger.One << 64) - one,
        ];

        Gen<BigInteger> edge = Gen.OneOf(edges);
        Gen<BigInteger> anyMagnitude = Gen.Select(Gen.Int[0, t.TotalBits], Gen.UInt128, Gen.Bool, (len, raw, negative) =>
        {
            BigInteger v = len == 0 ? BigInteger.Zero : (BigInteger)raw & ((BigInteger.One << len) - 1);
            return negative ? -v : v;
        });
        Gen<BigInteger> nearInteger = Gen.Select(Gen.Long[-1_000_000, 1_000_000], Gen.Int[-3, 3], (k, d) => k * one + d);
        Gen<BigInteger> patterned = Gen.Select(Gen.Int[1, t.TotalBits / 16], Gen.ULong, Gen.Bool, (chunks, choice, negative) =>
        {
            ushort[] palette = [0x0000, 0xFFFF, 0x8000, 0x0001, 0x7FFF, (ushort)(choice >> 48)];
            BigInteger v = BigInteger.Zero;
            for (int i = 0; i < chunks; i++)
            {
                v = (v << 16) | palette[(int)((choice >> (3 * i)) % (ulong)palette.Length)];
            }

            return negative ? -v : v;
        });

        return Gen.Frequency(
            (3, (IGen<BigInteger>)edge),
            (5, anyMagnitude),
            (2, nearInteger),
            (3, patterned))
            .Select(t.Wrap);
    }

    public static Gen<(BigInteger, BigInteger)> Pairs(FixedFormat t) => Gen.Select(Bits(t), Bits(t));
}
