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
    public static I32F32? Exp(I32F32 x) => TryExpBits(x.Bits, out long bits) ? I32F32.FromBits(bits) : null;

    /// <summary>
    /// subtensor's exp_safe: clamp to [-20, 20], then <see cref="Exp"/>; an Err becomes 0 for
    /// non-positive inputs and MAX otherwise.
    /// </summary>
    public static I32F32 ExpSafe(I32F32 x) => I32F32.FromBits(ExpSafeBits(x.Bits));

    /// <summary><see cref="ExpSafe"/> on raw I32F32 bits (the epoch's liquid alpha calls it per bond cell).</summary>
    internal static long ExpSafeBits(long x)
    {
        long clamped = System.Math.Clamp(x, -ExpSafeBound.Bits, ExpSafeBound.Bits);
        if (TryExpBits(clamped, out long bits)) return bits;
        return clamped <= 0 ? 0 : long.MaxValue;
    }

    /// <summary>
    /// <see cref="ExpSafeBits"/> of two arguments at once. The series is a chain of dependent multiplications, so
    /// one evaluation leaves the multiplier idle most of the time; running two independent series in one loop
    /// overlaps them. Inside the clamp range no step can overflow, but the checks stay: if any fails, both values
    /// are recomputed by the one-at-a-time kernel, so the results are <see cref="ExpSafeBits"/>'s by construction.
    /// </summary>
    internal static void ExpSafeBitsPair(long x0, long x1, out long e0, out long e1)
    {
        long bound = ExpSafeBound.Bits;
        long c0 = System.Math.Clamp(x0, -bound, bound), c1 = System.Math.Clamp(x1, -bound, bound);
        if (c0 == 0 || c1 == 0 || c0 == I32F32.One.Bits || c1 == I32F32.One.Bits)
        {
            e0 = ExpSafeBits(c0);
            e1 = ExpSafeBits(c1);
            return;
        }

        ulong one = (ulong)I32F32.One.Bits;
        ulong u0 = (ulong)System.Math.Abs(c0), u1 = (ulong)System.Math.Abs(c1);
        ulong sum0 = u0 + one, sum1 = u1 + one;
        ulong term0 = u0, term1 = u1;
        const ulong productLimit = 1UL << (63 - I32F32.FractionBits);
        for (int i = 2; i <= LastTerm; i++)
        {
            ulong high0 = System.Math.BigMul(term0, u0, out ulong low0);
            ulong high1 = System.Math.BigMul(term1, u1, out ulong low1);
            if ((high0 | high1) >= productLimit)
            {
                e0 = ExpSafeBits(c0);
                e1 = ExpSafeBits(c1);
                return;
            }

            ulong product0 = (high0 << (64 - I32F32.FractionBits)) | (low0 >> I32F32.FractionBits);
            ulong product1 = (high1 << (64 - I32F32.FractionBits)) | (low1 >> I32F32.FractionBits);
            if ((product0 | product1) == 0)
            {
                break; // a finished series contributes zeros, so both are done
            }

            term0 = System.Math.BigMul(product0, Magic[i], out _) >> MagicShift[i];
            term1 = System.Math.BigMul(product1, Magic[i], out _) >> MagicShift[i];
            sum0 += term0;
            sum1 += term1;
            if ((sum0 | sum1) > long.MaxValue)
            {
                e0 = ExpSafeBits(c0);
                e1 = ExpSafeBits(c1);
                return;
            }
        }

        e0 = c0 < 0 ? (long)Reciprocal(sum0) : (long)sum0;
        e1 = c1 < 0 ? (long)Reciprocal(sum1) : (long)sum1;
    }

    /// <summary>
    /// <see cref="ExpSafeBits"/> of four arguments at once: <see cref="ExpSafeBitsPair"/>'s idea with four independent
    /// chains, which keeps the multiplier busier still (each step of one chain is two dependent multiplications).
    /// Any failed check sends all four to the one-at-a-time kernel, so the results are its results by construction.
    /// </summary>
    internal static void ExpSafeBitsQuad(ReadOnlySpan<long> x, Span<long> e)
    {
        long bound = ExpSafeBound.Bits;
        long one = I32F32.One.Bits;
        long c0 = System.Math.Clamp(x[0], -bound, bound), c1 = System.Math.Clamp(x[1], -bound, bound);
        long c2 = System.Math.Clamp(x[2], -bound, bound), c3 = System.Math.Clamp(x[3], -bound, bound);
        if (c0 == 0 || c1 == 0 || c2 == 0 || c3 == 0 || c0 == one || c1 == one || c2 == one || c3 == one
            || !TryQuadSeries(c0, c1, c2, c3, e))
        {
            e[0] = ExpSafeBits(c0);
            e[1] = ExpSafeBits(c1);
            e[2] = ExpSafeBits(c2);
            e[3] = ExpSafeBits(c3);
        }
    }

    /// <summary>The four interleaved series of <see cref="ExpSafeBitsQuad"/>; false as soon as any check fails.</summary>
    private static bool TryQuadSeries(long c0, long c1, long c2, long c3, Span<long> e)
    {
        ulong one = (ulong)I32F32.One.Bits;
        ulong u0 = (ulong)System.Math.Abs(c0), u1 = (ulong)System.Math.Abs(c1);
        ulong u2 = (ulong)System.Math.Abs(c2), u3 = (ulong)System.Math.Abs(c3);
        ulong sum0 = u0 + one, sum1 = u1 + one, sum2 = u2 + one, sum3 = u3 + one;
        ulong term0 = u0, term1 = u1, term2 = u2, term3 = u3;
        const ulong productLimit = 1UL << (63 - I32F32.FractionBits);
        ReadOnlySpan<ulong> magic = Magic;
        ReadOnlySpan<byte> magicShift = MagicShift;
        for (int i = 2; i <= LastTerm; i++)
        {
            ulong high0 = System.Math.BigMul(term0, u0, out ulong low0);
            ulong high1 = System.Math.BigMul(term1, u1, out ulong low1);
            ulong high2 = System.Math.BigMul(term2, u2, out ulong low2);
            ulong high3 = System.Math.BigMul(term3, u3, out ulong low3);
            if ((high0 | high1 | high2 | high3) >= productLimit)
            {
                return false;
            }

            ulong product0 = (high0 << (64 - I32F32.FractionBits)) | (low0 >> I32F32.FractionBits);
            ulong product1 = (high1 << (64 - I32F32.FractionBits)) | (low1 >> I32F32.FractionBits);
            ulong product2 = (high2 << (64 - I32F32.FractionBits)) | (low2 >> I32F32.FractionBits);
            ulong product3 = (high3 << (64 - I32F32.FractionBits)) | (low3 >> I32F32.FractionBits);
            if ((product0 | product1 | product2 | product3) == 0)
            {
                break; // a finished series contributes zeros, so all four are done
            }

            ulong m = magic[i];
            int shift = magicShift[i];
            term0 = System.Math.BigMul(product0, m, out _) >> shift;
            term1 = System.Math.BigMul(product1, m, out _) >> shift;
            term2 = System.Math.BigMul(product2, m, out _) >> shift;
            term3 = System.Math.BigMul(product3, m, out _) >> shift;
            sum0 += term0;
            sum1 += term1;
            sum2 += term2;
            sum3 += term3;
            if ((sum0 | sum1 | sum2 | sum3) > long.MaxValue)
            {
                return false;
            }
        }

        e[0] = c0 < 0 ? (long)Reciprocal(sum0) : (long)sum0;
        e[1] = c1 < 0 ? (long)Reciprocal(sum1) : (long)sum1;
        e[2] = c2 < 0 ? (long)Reciprocal(sum2) : (long)sum2;
        e[3] = c3 < 0 ? (long)Reciprocal(sum3) : (long)sum3;
        return true;
    }

    /// <summary>
    /// checked_div(1, sum) for I32F32 bits sum ≥ 1 (≥ 2^32): ⌊2^64 / sum⌋ ≤ 2^32 always fits. Liquid alpha also uses it
    /// for its sigmoid's 1 / (1 + e).
    /// </summary>
    internal static ulong ReciprocalOfSum(ulong sum) => Reciprocal(sum);

    /// <summary>checked_div(1, sum) for a series sum ≥ 1: ⌊2^64 / sum⌋ ≤ 2^32 always fits.</summary>
    private static ulong Reciprocal(ulong sum)
    {
        // One 64-bit division: ⌊(2^64 − 1) / sum⌋ is one short exactly when sum divides 2^64.
        ulong reciprocal = ulong.MaxValue / sum;
        if (ulong.MaxValue - reciprocal * sum == sum - 1)
        {
            reciprocal++;
        }

        return reciprocal;
    }

    /// <summary>
    /// The one implementation of the reference's exp on raw I32F32 bits: 1 + x + Σ term_i with
    /// term_i = trunc(floor(term_{i−1}·x) / i) for i = 2..31, checked at every step, and 1 / sum for negative x.
    /// The series runs on |x| ≥ 0, so every intermediate is non-negative and unsigned arithmetic is exact:
    /// the product is the signed I32F32 product (which must fit 63 bits), and the division by i — the reference's
    /// checked_div by I32F32(i), i.e. trunc(term / i) — is an exact multiply-and-shift instead of a hardware
    /// division (this loop is the hot spot of liquid alpha, one series per bond cell).
    /// </summary>
    internal static bool TryExpBits(long x, out long result)
    {
        result = 0;
        if (x == 0)
        {
            result = I32F32.One.Bits;
            return true;
        }

        if (x == I32F32.One.Bits)
        {
            result = EAsI9F23.Bits;
            return true;
        }

        bool negative = x < 0;
        if (negative)
        {
            if (x == long.MinValue)
            {
                return false; // -MIN does not fit
            }

            x = -x;
        }

        ulong one = (ulong)I32F32.One.Bits;
        if ((ulong)x > long.MaxValue - one)
        {
            return false; // 1 + x overflows
        }

        ulong ux = (ulong)x;
        ulong sum = ux + one;
        ulong term = ux;
        for (int i = 2; i <= LastTerm; i++)
        {
            ulong high = System.Math.BigMul(term, ux, out ulong low);
            if (high >= 1UL << (63 - I32F32.FractionBits))
            {
                return false; // term·x does not fit I32F32
            }

            ulong product = (high << (64 - I32F32.FractionBits)) | (low >> I32F32.FractionBits);
            if (product == 0)
            {
                break; // every later term is 0 as well, and adding 0 cannot overflow
            }

            // ⌊product / i⌋ for product < 2^63 (checked above): ⌊product·m_i / 2^(63+l_i)⌋ with l_i = ⌈log2 i⌉ and
            // m_i = ⌈2^(63+l_i) / i⌉ is exact (Granlund–Montgomery, N = 63: m_i·i − 2^(63+l_i) ≤ 2^l_i holds for
            // every i here), so one multiplication and a shift replace the division; FixedMathTests checks the table.
            ulong quotient = System.Math.BigMul(product, Magic[i], out _) >> MagicShift[i];
            term = quotient;
            sum += term; // both ≤ long.MaxValue, so the ulong sum cannot wrap
            if (sum > long.MaxValue)
            {
                return false;
            }
        }

        if (!negative)
        {
            result = (long)sum;
            return true;
        }

        result = (long)Reciprocal(sum);
        return true;
    }

    /// <summary>m_i = ⌈2^(63+l_i) / i⌉ for i = 2..31 (entries 0 and 1 unused); see <see cref="TryExpBits"/>.</summary>
    internal static ReadOnlySpan<ulong> Magic =>
    [
        0x0UL, 0x0UL, 0x8000000000000000UL, 0xAAAAAAAAAAAAAAABUL, 0x8000000000000000UL, 0xCCCCCCCCCCCCCCCDUL,
        0xAAAAAAAAAAAAAAABUL, 0x924924924924924AUL, 0x8000000000000000UL, 0xE38E38E38E38E38FUL, 0xCCCCCCCCCCCCCCCDUL,
        0xBA2E8BA2E8BA2E8CUL, 0xAAAAAAAAAAAAAAABUL, 0x9D89D89D89D89D8AUL, 0x924924924924924AUL, 0x8888888888888889UL,
        0x8000000000000000UL, 0xF0F0F0F0F0F0F0F1UL, 0xE38E38E38E38E38FUL, 0xD79435E50D79435FUL, 0xCCCCCCCCCCCCCCCDUL,
        0xC30C30C30C30C30DUL, 0xBA2E8BA2E8BA2E8CUL, 0xB21642C8590B2165UL, 0xAAAAAAAAAAAAAAABUL, 0xA3D70A3D70A3D70BUL,
        0x9D89D89D89D89D8AUL, 0x97B425ED097B425FUL, 0x924924924924924AUL, 0x8D3DCB08D3DCB08EUL, 0x8888888888888889UL,
        0x8421084210842109UL,
    ];

    /// <summary>l_i − 1 = ⌈log2 i⌉ − 1: the shift applied to the high 64 bits of product·m_i.</summary>
    internal static ReadOnlySpan<byte> MagicShift =>
        [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];

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
