namespace TaoSharp.Math;

/// <summary>
/// Transcendental helpers reproduced bit-for-bit from substrate-fixed and subtensor's epoch math
/// (spec-yuma §1.3, §1.7). Only integer fixed-point steps: the truncated Taylor series is part of the
/// consensus result (exp(20) is far below e^20), so a "better" exp would be wrong.
/// </summary>
public static class FixedMath
{
    /// <summary>substrate_fixed's E as U2F126; its constants are stored with 23 fraction bits (I9F23).</summary>
    private static readonly UInt128 EU2F126 = new(0xADF8_5458_A2BB_4A9A, 0xAFDC_5620_273D_3CF1);

    /// <summary>Number of Taylor terms after 1 + x: x^2/2! … x^31/31!.</summary>
    private const int LastTerm = 31;

    private static readonly I32F32 ExpSafeBound = I32F32.FromInt(20);

    /// <summary>The I9F23 constant E widened to I32F32 (the low 9 fraction bits are zero).</summary>
    public static I32F32 EAsI9F23 => I32F32.FromBits((long)(EU2F126 >> (126 - 23)) << (I32F32.FractionBits - 23));

    /// <summary>
    /// <c>substrate_fixed::transcendental::exp::&lt;I32F32, I32F32&gt;</c>: null where the Rust version
    /// returns Err (an intermediate overflows).
    /// </summary>
    public static I32F32? Exp(I32F32 x)
    {
        if (x.IsZero)
        {
            return I32F32.One;
        }

        if (x == I32F32.One)
        {
            return EAsI9F23;
        }

        bool negative = x.IsNegative;
        if (negative)
        {
            if (x == I32F32.MinValue)
            {
                return null; // -MIN does not fit
            }

            x = -x;
        }

        I32F32? sum = x.CheckedAdd(I32F32.One);
        if (sum is not I32F32 result)
        {
            return null;
        }

        I32F32 term = x;
        for (int i = 2; i <= LastTerm; i++)
        {
            // term = term·x / i, each step truncated exactly as the reference does.
            if (term.CheckedMul(x) is not I32F32 product
                || product.CheckedDiv(I32F32.FromInt(i)) is not I32F32 next
                || result.CheckedAdd(next) is not I32F32 accumulated)
            {
                return null;
            }

            term = next;
            result = accumulated;
        }

        return negative ? I32F32.One.CheckedDiv(result) : result;
    }

    /// <summary>
    /// subtensor's exp_safe: clamp to [-20, 20], then <see cref="Exp"/>; an Err becomes 0 for
    /// non-positive inputs and MAX otherwise.
    /// </summary>
    public static I32F32 ExpSafe(I32F32 x)
    {
        I32F32 clamped = x.Clamp(-ExpSafeBound, ExpSafeBound);
        return Exp(clamped) ?? (clamped <= I32F32.Zero ? I32F32.Zero : I32F32.MaxValue);
    }

    /// <summary>
    /// subtensor's sigmoid_safe: 1 / (1 + exp_safe(−rho·(x − kappa))) with saturating steps and safe_div.
    /// </summary>
    public static I32F32 SigmoidSafe(I32F32 x, I32F32 rho, I32F32 kappa)
    {
        I32F32 offset = x.SaturatingSub(kappa);
        I32F32 negativeRho = rho.SaturatingMul(-I32F32.One);
        I32F32 exponent = negativeRho.SaturatingMul(offset);
        I32F32 denominator = ExpSafe(exponent).SaturatingAdd(I32F32.One);
        return I32F32.One.SafeDiv(denominator);
    }

    /// <summary>
    /// Integer part of substrate-fixed's <c>transcendental::log2</c> for an I96F32 value ≥ 1 (spec-dtao §1.2):
    /// the raw bits are halved with round-half-up (<c>b ← (b&gt;&gt;1) + (b&amp;1)</c>) while the value is ≥ 2.
    /// Within 2^-32 (relative) below a power of two this is one more than the true floor, as in the reference.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="x"/> is below 1 (not needed by the reference's callers).</exception>
    public static int Log2IntegerPart(I96F32 x)
    {
        if (x < I96F32.One)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x.ToString(), "Log2IntegerPart is defined here for values >= 1 only.");
        }

        Int128 bits = x.Bits;
        Int128 two = Int128.One << (I96F32.FractionBits + 1);
        int k = 0;
        while (bits >= two)
        {
            bits = (bits >> 1) + (bits & 1);
            k++;
        }

        return k;
    }
}
