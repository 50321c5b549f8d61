using System.Numerics;

namespace TaoSharp.Math.Balancer;

/// <summary>
/// <c>⌊(a/b)^(n/d) · scale⌋</c> on big integers, reproducing the <c>pow_ratio_scaled</c> helper the reference
/// chain's weighted pool uses (crate safe-bigmath at rev 013c4998; spec-dtao §3.4.3) result for result.
/// <para>
/// Two paths, chosen exactly as the reference chooses them: when the reduced exponent has numerator and
/// denominator ≤ 1024 the answer is the exact floor of the rational root; otherwise a fixed-point
/// <c>ln</c>/<c>exp</c> evaluation with Taylor series (see <see cref="LnExpFixedPoint"/>) whose every truncation
/// matches the reference, so the final integer agrees bit for bit.
/// </para>
/// </summary>
public static class PowRatio
{
    /// <summary>Largest reduced exponent numerator/denominator that still takes the exact path.</summary>
    public const int MaxExactExponent = 1024;

    /// <summary>
    /// Returns <c>⌊(baseNumerator/baseDenominator)^(exponentNumerator/exponentDenominator) · scale⌋</c>,
    /// or null where the reference returns <c>None</c> (zero base denominator or zero exponent denominator).
    /// All inputs are non-negative; <paramref name="precision"/> is the requested number of fractional bits
    /// of the approximate path (raised to at least 32 and to bits(scale)+8).
    /// </summary>
    public static BigInteger? Scaled(
        BigInteger baseNumerator,
        BigInteger baseDenominator,
        BigInteger exponentNumerator,
        BigInteger exponentDenominator,
        int precision,
        BigInteger scale)
    {
        if (baseNumerator.Sign < 0 || baseDenominator.Sign < 0 || exponentNumerator.Sign < 0 ||
            exponentDenominator.Sign < 0 || scale.Sign < 0 || precision < 0)
        {
            // The reference only accepts a positive base and scale; negative inputs never occur in the pool.
            return null;
        }

        if (baseDenominator.IsZero || exponentDenominator.IsZero)
        {
            return null;
        }

        if (baseNumerator.IsZero)
        {
            return BigInteger.Zero;
        }

        if (exponentNumerator.IsZero)
        {
            return scale;
        }

        var g = BigInteger.GreatestCommonDivisor(exponentNumerator, exponentDenominator);
        var expNum = exponentNumerator / g;
        var expDen = exponentDenominator / g;

        if (expNum <= MaxExactExponent && expDen <= MaxExactExponent)
        {
            return ExactRoot(baseNumerator, baseDenominator, (int)expNum, (int)expDen, scale);
        }

        if (baseNumerator == baseDenominator)
        {
            // ln a − ln b is exactly 0 and exp(0) is exactly one, so the reference returns the scale itself.
            return scale;
        }

        if (precision >= PowRatioFast.MinimumReferencePrecision && baseNumerator <= UInt128Max && baseDenominator <= UInt128Max && expNum <= ulong.MaxValue && expDen <= ulong.MaxValue
            && scale <= ulong.MaxValue && PowRatioFast.TryScaled((UInt128)baseNumerator, (UInt128)baseDenominator, (ulong)expNum, (ulong)expDen, (ulong)scale) is { } fast)
        {
            return fast;
        }

        return ApproximatePath(baseNumerator, baseDenominator, expNum, expDen, precision, scale);
    }

    private static readonly BigInteger UInt128Max = UInt128.MaxValue;

    /// <summary>The reference's ln/exp evaluation, step for step (slow: hundreds of big-integer series terms).</summary>
    internal static BigInteger ApproximatePath(BigInteger baseNumerator, BigInteger baseDenominator, BigInteger expNum, BigInteger expDen, int precision, BigInteger scale)
    {
        var layout = LnExpFixedPoint.Layout.For(precision, BitLength(scale));
        var lnBase = LnExpFixedPoint.Ln(baseNumerator, layout) - LnExpFixedPoint.Ln(baseDenominator, layout);
        var lnScaled = LnExpFixedPoint.FloorDiv(lnBase * expNum, expDen);
        var expInternal = LnExpFixedPoint.Exp(lnScaled, layout);
        var expRequested = LnExpFixedPoint.DropGuardBits(expInternal);
        return (expRequested * scale) >> layout.RequestedBits;
    }

    /// <summary>
    /// <see cref="Scaled"/> for the operand sizes the pool uses, without big integers on the common path; results above
    /// <see cref="UInt128.MaxValue"/> saturate to it (callers only distinguish "fits u64" from "does not").
    /// </summary>
    public static UInt128? ScaledNarrow(UInt128 baseNumerator, UInt128 baseDenominator, ulong exponentNumerator, ulong exponentDenominator, int precision, ulong scale)
    {
        if (baseDenominator == UInt128.Zero || exponentDenominator == 0)
        {
            return null;
        }

        if (baseNumerator == UInt128.Zero)
        {
            return UInt128.Zero;
        }

        if (exponentNumerator == 0)
        {
            return scale;
        }

        var g = Gcd(exponentNumerator, exponentDenominator);
        var exact = exponentNumerator / g <= MaxExactExponent && exponentDenominator / g <= MaxExactExponent;
        if (!exact && baseNumerator == baseDenominator)
        {
            return scale;
        }

        if (!exact && precision >= PowRatioFast.MinimumReferencePrecision
            && PowRatioFast.TryScaledCore(baseNumerator, baseDenominator, exponentNumerator, exponentDenominator, scale, out var fast))
        {
            return fast;
        }

        var r = Scaled(baseNumerator, baseDenominator, exponentNumerator, exponentDenominator, precision, scale);
        return r is { } big ? (big > UInt128Max ? UInt128.MaxValue : (UInt128)big) : null;
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>
    /// Largest integer r with r^d · b^n ≤ a^n · scale^d. Taking the floor of the quotient first does not change
    /// the integer root (⌊root_d(⌊x⌋)⌋ = ⌊root_d(x)⌋), which lets the common d = 1, 2 cases skip the search.
    /// </summary>
    private static BigInteger ExactRoot(BigInteger a, BigInteger b, int n, int d, BigInteger scale)
    {
        var numerator = BigInteger.Pow(a, n) * BigInteger.Pow(scale, d);
        var denominator = BigInteger.Pow(b, n);
        var quotient = BigInteger.Divide(numerator, denominator);
        return d == 1 ? quotient : IntegerRoot(quotient, d);
    }

    /// <summary>⌊x^(1/d)⌋ for x ≥ 0, d ≥ 2, by Newton iteration from an upper bound (monotone decreasing).</summary>
    internal static BigInteger IntegerRoot(BigInteger x, int d)
    {
        if (x.IsZero)
        {
            return BigInteger.Zero;
        }

        var bits = BitLength(x);
        // 2^ceil(bits/d) is an upper bound of the root.
        var r = BigInteger.One << (int)((bits + d - 1) / d);
        while (true)
        {
            var next = ((d - 1) * r + x / BigInteger.Pow(r, d - 1)) / d;
            if (next >= r)
            {
                return r;
            }

            r = next;
        }
    }

    internal static long BitLength(BigInteger x) => x.IsZero ? 0 : (long)x.GetBitLength();
}
