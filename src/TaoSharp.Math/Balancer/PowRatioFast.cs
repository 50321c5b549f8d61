using System.Numerics;
using System.Runtime.CompilerServices;

namespace TaoSharp.Math.Balancer;

/// <summary>
/// A fast evaluation of ⌊(a/b)^(n/d)·scale⌋ for the approximate path of <see cref="PowRatio"/> that returns only
/// answers it can prove equal to the reference algorithm's, and null otherwise (the caller then runs the exact
/// emulation).
/// <para>
/// Why this is sound: the reference evaluates ln/exp with 280 fractional bits, so for |ln(a/b)·n/d| ≤ 40 its value
/// is within ~2^-150 (relative) of the true (a/b)^(n/d), and its floor equals the true floor unless the true
/// scaled value lies within that distance of an integer. This evaluation works on 128-bit integers with 110
/// fractional bits (table-reduced ln and exp series) and is within 2^-90 relative of the true value. When the
/// scaled value is farther than 2^-80 (relative) from an integer, both floors are the same integer; otherwise
/// (about one call in 2^20) we decline. Cross-checked against the exact emulation by property tests.
/// </para>
/// </summary>
internal static class PowRatioFast
{
    /// <summary>The certificate relies on the reference computing with at least this many fractional bits.</summary>
    public const int MinimumReferencePrecision = 200;

    private const int F = 110;
    private const int TableBits = 6;
    private const int MaxExponentMagnitude = 40;
    private const int CertifyBits = 80;

    private static readonly Int128 One = Int128.One << F;
    private static readonly Int128 Ln2;
    private static readonly Int128 MaxExponent;
    private static readonly Int128[] ReciprocalTable = new Int128[1 << TableBits];
    private static readonly Int128[] LnOfInverseReciprocal = new Int128[1 << TableBits];
    private static readonly Int128[] ExpTable = new Int128[(1 << TableBits) + 1];

    // Horner coefficients: 1/i for the ln(1+u) series and 1/i! for the exp(s) series, floored to F bits.
    // |u| < 2^-6.9 and |s| ≤ 2^-7, so 17 and 16 terms reach below 2^-110 without any division per call.
    private const int LnTerms = 17;
    private const int ExpTerms = 16;
    private static readonly Int128[] Reciprocals = new Int128[LnTerms + 1];
    private static readonly Int128[] ReciprocalFactorials = new Int128[ExpTerms + 1];

    static PowRatioFast()
    {
        // Constants come from the big-integer series at 224+ bits, so they are exact to far below 2^-110.
        var layout = LnExpFixedPoint.Layout.For(200, 0);
        var drop = layout.InternalBits - F;
        Ln2 = (Int128)(layout.LnTwo >> drop);
        MaxExponent = (Int128)MaxExponentMagnitude << F;
        for (var j = 0; j < ReciprocalTable.Length; j++)
        {
            // R_j ≈ 2^16 / c_j with c_j the midpoint of [1 + j/64, 1 + (j+1)/64), rounded to an integer.
            var r = ((1 << 24) / (128 + (2 * j) + 1) + 1) >> 1;
            ReciprocalTable[j] = r;
            var lnInverse = (layout.LnTwo * 16) - LnExpFixedPoint.Ln(r, layout); // ln(2^16 / R_j)
            LnOfInverseReciprocal[j] = (Int128)(lnInverse >> drop);
        }

        BigInteger factorial = 1;
        for (var i = 1; i <= System.Math.Max(LnTerms, ExpTerms); i++)
        {
            factorial *= i;
            if (i <= LnTerms)
            {
                Reciprocals[i] = One / i;
            }

            if (i <= ExpTerms)
            {
                ReciprocalFactorials[i] = (Int128)(((BigInteger)One) / factorial);
            }
        }

        ReciprocalFactorials[0] = One;

        for (var j = -(1 << (TableBits - 1)); j <= 1 << (TableBits - 1); j++)
        {
            var x = (BigInteger)j << (layout.InternalBits - TableBits); // j/64
            ExpTable[j + (1 << (TableBits - 1))] = (Int128)(LnExpFixedPoint.Exp(x, layout) >> drop);
        }
    }

    /// <summary>The certified result, or null when it cannot be certified (or is out of this method's range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BigInteger? TryScaled(UInt128 a, UInt128 b, ulong n, ulong d, ulong scale) =>
        TryScaledCore(a, b, n, d, scale, out var result) ? (BigInteger)result : null;

    /// <summary>As <see cref="TryScaled"/> without big integers: false when the result cannot be certified.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryScaledCore(UInt128 a, UInt128 b, ulong n, ulong d, ulong scale, out UInt128 result)
    {
        result = UInt128.Zero;
        if (a == UInt128.Zero || b == UInt128.Zero || d == 0)
        {
            return false;
        }

        var lnRatio = Ln(a) - Ln(b);
        var negative = lnRatio < 0;
        var magnitude = (UInt128)(negative ? -lnRatio : lnRatio);

        // |ln|·n/d: the product has at most 181 bits (|ln| < 2^117, n < 2^64); divide it limb by limb.
        var high = WideArithmetic.Multiply(magnitude, n, out var low);
        var n2 = (ulong)high;
        var q2 = n2 / d;
        var q1 = WideArithmetic.DivideWide(n2 - (q2 * d), (ulong)(low >> 64), d, out var r1);
        var q0 = WideArithmetic.DivideWide(r1, (ulong)low, d, out _);
        if (q2 != 0 || (high >> 64) != UInt128.Zero)
        {
            return false;
        }

        var quotient = ((UInt128)q1 << 64) | q0;
        if (quotient > (UInt128)MaxExponent)
        {
            return false;
        }

        var exponent = negative ? -(Int128)quotient : (Int128)quotient;
        var (mantissa, powerOfTwo) = Exp(exponent);

        // value·scale = mantissa·scale·2^(powerOfTwo − F); decide the floor only with a safe margin.
        var productHigh = WideArithmetic.Multiply((UInt128)mantissa, scale, out var productLow);
        var shift = F - powerOfTwo; // 52..168
        var integer = ShiftRight(productHigh, productLow, shift);
        var remainder = shift >= 128
            ? (productHigh & ((UInt128.One << (shift - 128)) - 1), productLow)
            : (UInt128.Zero, productLow & ((UInt128.One << shift) - 1));
        var margin = ShiftRight(productHigh, productLow, CertifyBits) + 1;
        var unit = shift >= 128 ? (UInt128.One << (shift - 128), UInt128.Zero) : (UInt128.Zero, UInt128.One << shift);
        if (Less(remainder, (UInt128.Zero, margin)) || !Less((UInt128.Zero, margin), Subtract(unit, remainder)))
        {
            return false;
        }

        result = integer;
        return true;
    }

    private static UInt128 ShiftRight(UInt128 high, UInt128 low, int shift) =>
        shift >= 128 ? high >> (shift - 128) : (high << (128 - shift)) | (low >> shift);

    private static bool Less((UInt128 High, UInt128 Low) x, (UInt128 High, UInt128 Low) y) =>
        x.High < y.High || (x.High == y.High && x.Low < y.Low);

    private static (UInt128 High, UInt128 Low) Subtract((UInt128 High, UInt128 Low) x, (UInt128 High, UInt128 Low) y) =>
        (x.High - y.High - (x.Low < y.Low ? UInt128.One : UInt128.Zero), x.Low - y.Low);

    /// <summary>ln(v) for v ≥ 1 in F fractional bits: v = m·2^k, m·R_j/2^16 = 1 + u with |u| &lt; 2^-7, series in u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Int128 Ln(UInt128 v)
    {
        var k = 127 - (int)UInt128.LeadingZeroCount(v);
        var m = k <= F ? v << (F - k) : v >> (k - F);
        var j = (int)((m >> (F - TableBits)) & ((1 << TableBits) - 1));
        var t = (Int128)((m * (UInt128)ReciprocalTable[j]) >> 16);
        var u = t - One;

        // ln(1+u) = u·(1 − u·(1/2 − u·(1/3 − …))), evaluated from the innermost term out.
        var p = Reciprocals[LnTerms];
        for (var i = LnTerms - 1; i >= 1; i--)
        {
            p = Reciprocals[i] - MulShift(u, p);
        }

        var sum = MulShift(u, p);
        return (Ln2 * k) + sum + LnOfInverseReciprocal[j];
    }

    /// <summary>exp(x) as mantissa (F bits, in [0.69, 1.46]) times 2^k: x = k·ln2 + j/64 + s, |s| ≤ 1/128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Int128 Mantissa, int PowerOfTwo) Exp(Int128 x)
    {
        // k ≈ x/ln2 from the top bits (64-bit division; k only has to keep |r| within the table's range).
        const int coarse = F - 40;
        var xTop = (long)(x >> coarse);
        var ln2Top = (long)(Ln2 >> coarse);
        var k = (int)((xTop >= 0 ? xTop + (ln2Top >> 1) : xTop - (ln2Top >> 1)) / ln2Top);
        var r = x - (Ln2 * k);
        var j = (int)((r + (One >> (TableBits + 1))) >> (F - TableBits));
        var s = r - ((Int128)j << (F - TableBits));

        // exp(s) = Σ s^i/i! by Horner.
        var sum = ReciprocalFactorials[ExpTerms];
        for (var i = ExpTerms - 1; i >= 0; i--)
        {
            sum = ReciprocalFactorials[i] + MulShift(s, sum);
        }

        return (MulShift(sum, ExpTable[j + (1 << (TableBits - 1))]), k);
    }

    /// <summary>a·b / 2^F truncated toward zero, for |a|, |b| &lt; 2^(F+8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Int128 MulShift(Int128 a, Int128 b)
    {
        var negative = (a < 0) ^ (b < 0);
        var high = WideArithmetic.Multiply((UInt128)(a < 0 ? -a : a), (UInt128)(b < 0 ? -b : b), out var low);
        var magnitude = (Int128)((high << (128 - F)) | (low >> F));
        return negative ? -magnitude : magnitude;
    }
}
