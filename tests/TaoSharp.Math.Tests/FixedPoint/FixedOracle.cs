using System.Numerics;
using System.Text;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>
/// Reference semantics of substrate-fixed / safe-math on exact rationals (spec-yuma §1.2), written
/// independently of the production kernels: every result is the exact value rounded as documented.
/// </summary>
public static class FixedOracle
{
    /// <summary>⌊a / d⌋ for d &gt; 0 (BigInteger division truncates, so correct negatives).</summary>
    public static BigInteger FloorDiv(BigInteger a, BigInteger d)
    {
        BigInteger q = BigInteger.DivRem(a, d, out BigInteger r);
        return r.Sign < 0 ? q - 1 : q;
    }

    /// <summary>Exact product rescaled with floor: ⌊a·b / 2^F⌋ (before any range check).</summary>
    public static BigInteger Mul(FixedFormat t, BigInteger a, BigInteger b) => FloorDiv(a * b, t.One);

    /// <summary>Exact quotient rescaled with truncation toward zero: trunc(a·2^F / b).</summary>
    public static BigInteger Div(FixedFormat t, BigInteger a, BigInteger b) => BigInteger.Divide(a * t.One, b);

    /// <summary>Value on overflow of saturating mul/div: MAX if the operand signs agree, else MIN.</summary>
    public static BigInteger SignLimit(FixedFormat t, BigInteger a, BigInteger b) =>
        (a.Sign < 0) == (b.Sign < 0) ? t.Max : t.Min;

    public static BigInteger Convert(FixedFormat from, FixedFormat to, BigInteger bits)
    {
        int shift = to.FracBits - from.FracBits;
        BigInteger v = shift >= 0 ? bits << shift : FloorDiv(bits, BigInteger.One << -shift);
        return to.Clamp(v);
    }

    public static BigInteger ToInteger(FixedFormat t, BigInteger bits, BigInteger lo, BigInteger hi)
    {
        BigInteger v = FloorDiv(bits, t.One);
        return v < lo ? lo : v > hi ? hi : v;
    }

    public static BigInteger FromInteger(FixedFormat t, BigInteger value) => t.Clamp(value * t.One);

    /// <summary>Nearest integer, ties away from zero, wrapped to the width.</summary>
    public static BigInteger Round(FixedFormat t, BigInteger bits)
    {
        BigInteger floor = FloorDiv(bits, t.One);
        BigInteger twiceRemainder = 2 * (bits - floor * t.One);
        bool up = bits.Sign >= 0 ? twiceRemainder >= t.One : twiceRemainder > t.One;
        return t.Wrap((up ? floor + 1 : floor) * t.One);
    }

    public static BigInteger Floor(FixedFormat t, BigInteger bits) => FloorDiv(bits, t.One) * t.One;

    /// <summary>Exact decimal expansion: every fixed value is k/2^F = k·5^F/10^F.</summary>
    public static string Decimal(FixedFormat t, BigInteger bits)
    {
        var sb = new StringBuilder();
        if (bits.Sign < 0)
        {
            sb.Append('-');
        }

        BigInteger magnitude = BigInteger.Abs(bits);
        BigInteger integer = magnitude >> t.FracBits;
        BigInteger fraction = magnitude - (integer << t.FracBits);
        sb.Append(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!fraction.IsZero)
        {
            string digits = (fraction * BigInteger.Pow(5, t.FracBits)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                .PadLeft(t.FracBits, '0').TrimEnd('0');
            sb.Append('.').Append(digits);
        }

        return sb.ToString();
    }
}
