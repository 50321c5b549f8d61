using System.Numerics;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>
/// Shape of a substrate-fixed type for the BigInteger oracle: total bits, fraction bits, signedness.
/// Raw bits are handled as exact BigIntegers, so the oracle has no width limits of its own.
/// </summary>
public sealed record FixedFormat(string Name, int TotalBits, int FracBits, bool Signed)
{
    public static readonly FixedFormat I32F32 = new(nameof(I32F32), 64, 32, true);
    public static readonly FixedFormat I64F64 = new(nameof(I64F64), 128, 64, true);
    public static readonly FixedFormat I96F32 = new(nameof(I96F32), 128, 32, true);
    public static readonly FixedFormat I110F18 = new(nameof(I110F18), 128, 18, true);
    public static readonly FixedFormat U64F64 = new(nameof(U64F64), 128, 64, false);
    public static readonly FixedFormat U96F32 = new(nameof(U96F32), 128, 32, false);

    public static IReadOnlyList<FixedFormat> All { get; } = [I32F32, I64F64, I96F32, I110F18, U64F64, U96F32];

    public BigInteger Min => Signed ? -(BigInteger.One << (TotalBits - 1)) : BigInteger.Zero;
    public BigInteger Max => Signed ? (BigInteger.One << (TotalBits - 1)) - 1 : (BigInteger.One << TotalBits) - 1;
    public BigInteger One => BigInteger.One << FracBits;

    public bool Fits(BigInteger v) => v >= Min && v <= Max;

    public BigInteger Clamp(BigInteger v) => v < Min ? Min : v > Max ? Max : v;

    /// <summary>Two's-complement wrap to the type's width (Rust release-build overflow).</summary>
    public BigInteger Wrap(BigInteger v)
    {
        BigInteger modulus = BigInteger.One << TotalBits;
        BigInteger r = BigInteger.Remainder(v, modulus);
        if (r < 0)
        {
            r += modulus;
        }

        return Signed && r > Max ? r - modulus : r;
    }

    public override string ToString() => Name;
}
