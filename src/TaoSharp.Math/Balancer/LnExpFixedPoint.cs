using System.Numerics;

namespace TaoSharp.Math.Balancer;

/// <summary>
/// Fixed-point natural logarithm and exponential on big integers with guard bits: the approximate path of
/// <see cref="PowRatio"/>. Values are integers scaled by 2^<see cref="Layout.InternalBits"/>.
/// Every division floors (toward −∞) and every series stops on the same condition as the reference
/// implementation, because the final integer must match it exactly, not merely be close.
/// </summary>
public static class LnExpFixedPoint
{
    /// <summary>Guard bits carried beyond the requested precision.</summary>
    public const int GuardBits = 24;

    /// <summary>The fixed-point layout of one evaluation.</summary>
    public sealed class Layout
    {
        private Layout(int requestedBits)
        {
            RequestedBits = requestedBits;
            InternalBits = requestedBits + GuardBits;
            // Series never run longer than the precision needs (plus slack), capped like the reference.
            MaxIterations = System.Math.Min(4096, InternalBits + 128);
            One = BigInteger.One << InternalBits;
            OneAndHalf = One + (One >> 1);
            LnTwo = -Ln1p(-(One >> 1), this);
        }

        /// <summary>Fractional bits of the result before the guard bits are rounded away.</summary>
        public int RequestedBits { get; }

        /// <summary>Fractional bits used while computing.</summary>
        public int InternalBits { get; }

        public int MaxIterations { get; }

        /// <summary>1.0 in the internal scale.</summary>
        public BigInteger One { get; }

        internal BigInteger OneAndHalf { get; }

        /// <summary>ln 2 in the internal scale, computed as −ln(1 − ½) with the same series.</summary>
        public BigInteger LnTwo { get; }

        // The layouts the pool uses are built once; any other precision is built on demand (immutable either way).
        private static readonly Layout Bits256 = new(256);
        private static readonly Layout Bits1024 = new(1024);

        /// <summary>Layout for a requested precision and a scale of the given bit length (reference rule: max(p, 32, bits+8)).</summary>
        public static Layout For(int precision, long scaleBits)
        {
            var requested = (int)System.Math.Max(System.Math.Max(precision, 32), System.Math.Min(scaleBits + 8, int.MaxValue / 2));
            return requested switch
            {
                256 => Bits256,
                1024 => Bits1024,
                _ => new Layout(requested),
            };
        }
    }

    /// <summary>
    /// ln(value) for an integer value ≥ 1: the value is normalised to a mantissa m in [0.75, 1.5) times 2^k, then
    /// ln(value) = ln1p(m − 1) + k·ln 2.
    /// </summary>
    public static BigInteger Ln(BigInteger value, Layout layout)
    {
        if (value.Sign <= 0)
        {
            return BigInteger.Zero;
        }

        var shift = (long)value.GetBitLength() - 1;
        var mantissa = value << layout.InternalBits;
        mantissa >>= (int)shift;
        if (mantissa >= layout.OneAndHalf)
        {
            mantissa >>= 1;
            shift++;
        }

        return Ln1p(mantissa - layout.One, layout) + layout.LnTwo * shift;
    }

    /// <summary>ln(1 + x) by the alternating Taylor series x − x²/2 + x³/3 − …</summary>
    public static BigInteger Ln1p(BigInteger x, Layout layout)
    {
        var guard = BigInteger.One << GuardBits;
        var term = x;
        var result = x;
        var previousRounded = DropGuardBits(result);
        for (var n = 2; n <= layout.MaxIterations; n++)
        {
            term = (term * x) >> layout.InternalBits;
            if (term.IsZero)
            {
                break;
            }

            var next = FloorDiv(term, n);
            if (next.IsZero)
            {
                break;
            }

            result = (n & 1) == 0 ? result - next : result + next;

            var rounded = DropGuardBits(result);
            if (BigInteger.Abs(next) < guard || rounded == previousRounded)
            {
                break;
            }

            previousRounded = rounded;
        }

        return result;
    }

    /// <summary>exp(x) by the Taylor series 1 + x + x²/2! + …, each term derived from the previous one.</summary>
    public static BigInteger Exp(BigInteger x, Layout layout)
    {
        var guard = BigInteger.One << GuardBits;
        var term = layout.One;
        var result = term;
        var previousRounded = DropGuardBits(result);
        for (var n = 1; n <= layout.MaxIterations; n++)
        {
            // ⌊term·x / (one·n)⌋ = ⌊⌊term·x / one⌋ / n⌋ for positive divisors; the shift floors.
            term = FloorDiv((term * x) >> layout.InternalBits, n);
            if (term.IsZero)
            {
                break;
            }

            result += term;

            var rounded = DropGuardBits(result);
            if (BigInteger.Abs(term) < guard || rounded == previousRounded)
            {
                break;
            }

            previousRounded = rounded;
        }

        return result;
    }

    /// <summary>Removes the guard bits, rounding half away from zero (truncating division plus a carry on |remainder| ≥ half).</summary>
    public static BigInteger DropGuardBits(BigInteger value)
    {
        var quotient = BigInteger.DivRem(value, BigInteger.One << GuardBits, out var remainder);
        if (!remainder.IsZero && (BigInteger.Abs(remainder) << 1) >= (BigInteger.One << GuardBits))
        {
            quotient += remainder.Sign;
        }

        return quotient;
    }

    /// <summary>Division rounding toward −∞ for a positive divisor.</summary>
    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }
}
