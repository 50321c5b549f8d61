using System.Numerics;
using TaoSharp.Math;
using TaoSharp.Math.Balancer;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// The weighted ("balancer") pool formulas of spec-dtao §3.4, as pure functions of the quote weight w2
/// (TAO side; w1 = 1 − w2 is the alpha side). x is the alpha reserve, y the TAO reserve.
/// Price P = (w1/w2)·(y/x); swaps keep x^w1·y^w2 constant.
/// </summary>
public static class BalancerMath
{
    /// <summary>Lowest weight either side may have (0.01; the reference's header comment says 0.1 but the code enforces 0.01).</summary>
    public static readonly Perquintill MinWeight = Perquintill.FromParts(Perquintill.Accuracy / 100);

    /// <summary>Fractional bits requested from the exponent helper for swaps (HEAD: 256).</summary>
    public const int SwapPrecision = 256;

    /// <summary>Fractional bits requested for the limit-price helpers (HEAD: 1024).</summary>
    public const int LimitPrecision = 1024;

    private const ulong Scale = Perquintill.Accuracy;
    private static readonly U64F64 ScaleFixed = U64F64.FromUInt(Scale);

    /// <summary>Both weights at least <see cref="MinWeight"/>.</summary>
    public static bool IsValidQuoteWeight(Perquintill quote) =>
        quote >= MinWeight && quote.Complement >= MinWeight;

    /// <summary>P = (w1/w2)·(y/x) in U64F64, each quotient truncated, product saturating; 0 when x = 0.</summary>
    public static U64F64 Price(Perquintill quote, ulong alphaReserve, ulong taoReserve)
    {
        var w2 = U64F64.FromUInt(quote.Parts);
        var w1 = U64F64.FromUInt(quote.Complement.Parts);
        var ratio = U64F64.FromUInt(taoReserve).SafeDiv(U64F64.FromUInt(alphaReserve));
        return w1.SafeDiv(w2).SaturatingMul(ratio);
    }

    /// <summary>(x/(x+Δx))^(w1/w2), capped at 1: the factor a sell of Δx α leaves on the TAO reserve.</summary>
    public static U64F64 ExpBaseQuote(Perquintill quote, ulong alphaReserve, ulong alphaIn) =>
        ExpScaledCore(quote, alphaReserve, alphaIn, 0, baseOverQuote: true);

    /// <summary>(y/(y+Δy))^(w2/w1), capped at 1: the factor a buy with Δy TAO leaves on the alpha reserve.</summary>
    public static U64F64 ExpQuoteBase(Perquintill quote, ulong taoReserve, ulong taoIn) =>
        ExpScaledCore(quote, taoReserve, taoIn, 0, baseOverQuote: false);

    /// <summary>
    /// (r/(r+Δ))^(w_a/w_b) as U64F64, Δ = added − removed (one of them zero): with <paramref name="baseOverQuote"/>
    /// the exponent is w1/w2 (sells, r = x), otherwise w2/w1 (buys, r = y). Capped at 1 unless Δ &lt; 0.
    /// 0 when r+Δ = 0 or the helper's integer does not fit u64 (reference behaviour).
    /// </summary>
    public static U64F64 ExpScaled(Perquintill quote, ulong reserve, ulong added, ulong removed, bool baseOverQuote) =>
        ExpScaledCore(quote, reserve, added, removed, baseOverQuote);

    private static U64F64 ExpScaledCore(Perquintill quote, ulong reserve, ulong added, ulong removed, bool baseOverQuote)
    {
        var denominator = removed > 0
            ? (reserve > removed ? reserve - removed : 0)
            : (reserve > ulong.MaxValue - added ? ulong.MaxValue : reserve + added);
        if (denominator == 0)
        {
            return U64F64.Zero;
        }

        var w1 = quote.Complement.Parts;
        var w2 = quote.Parts;
        var (expNum, expDen) = baseOverQuote ? (w1, w2) : (w2, w1);

        ulong scaled;
        if (expNum == expDen && expNum != 0)
        {
            // Equal weights reduce the exponent to 1/1: the helper's exact path is ⌊r·1e18/(r±Δ)⌋,
            // which fits in 128 bits, so skip the big-integer machinery for the common case.
            var q = (UInt128)reserve * Scale / denominator;
            if (q > ulong.MaxValue)
            {
                return U64F64.Zero;
            }

            scaled = (ulong)q;
        }
        else
        {
            var r = PowRatio.ScaledNarrow(reserve, denominator, expNum, expDen, SwapPrecision, Scale);
            if (r is not { } big || big > ulong.MaxValue)
            {
                return U64F64.Zero;
            }

            scaled = (ulong)big;
        }

        var result = U64F64.FromUInt(scaled).SafeDiv(ScaleFixed);
        return removed == 0 ? U64F64.Min(result, U64F64.One) : result;
    }

    /// <summary>Alpha paid out for Δy TAO in: ⌊x·(1 − e)⌋ with e = <see cref="ExpQuoteBase"/>.</summary>
    public static ulong AlphaOutForTaoIn(Perquintill quote, ulong taoReserve, ulong alphaReserve, ulong taoIn)
    {
        var e = ExpQuoteBase(quote, taoReserve, taoIn);
        return U64F64.FromUInt(alphaReserve).SaturatingMul(U64F64.One.SaturatingSub(e)).SaturatingToU64();
    }

    /// <summary>TAO paid out for Δx alpha in: ⌊y·(1 − e)⌋ with e = <see cref="ExpBaseQuote"/>.</summary>
    public static ulong TaoOutForAlphaIn(Perquintill quote, ulong taoReserve, ulong alphaReserve, ulong alphaIn)
    {
        var e = ExpBaseQuote(quote, alphaReserve, alphaIn);
        return U64F64.FromUInt(taoReserve).SaturatingMul(U64F64.One.SaturatingSub(e)).SaturatingToU64();
    }

    /// <summary>
    /// TAO a buy must put in to lift the price from <paramref name="current"/> to <paramref name="target"/>:
    /// ⌊y·((target/current)^w1 − 1)⌋, the ratio taken from the raw U64F64 bit patterns (0 for impossible directions).
    /// </summary>
    public static ulong QuoteDeltaIn(Perquintill quote, U64F64 current, U64F64 target, ulong taoReserve) =>
        DeltaIn(target.Bits, current.Bits, quote.Complement.Parts, taoReserve);

    /// <summary>Alpha a sell must put in to push the price down to <paramref name="target"/>: ⌊x·((current/target)^w2 − 1)⌋.</summary>
    public static ulong BaseDeltaIn(Perquintill quote, U64F64 current, U64F64 target, ulong alphaReserve) =>
        DeltaIn(current.Bits, target.Bits, quote.Parts, alphaReserve);

    private static ulong DeltaIn(UInt128 numerator, UInt128 denominator, ulong weightParts, ulong reserve)
    {
        var r = PowRatio.ScaledNarrow(numerator, denominator, weightParts, Scale, LimitPrecision, Scale);
        if (r is not { } big)
        {
            return 0;
        }

        var factor = big > ulong.MaxValue ? U64F64.FromUInt(ulong.MaxValue) : U64F64.FromUInt((ulong)big);
        return U64F64.FromUInt(reserve)
            .SaturatingMul(factor.SafeDiv(ScaleFixed).SaturatingSub(U64F64.One))
            .SaturatingToU64();
    }

    /// <summary>Alpha that must be sold to receive <paramref name="taoOut"/> TAO: ⌊x·((y/(y−Δy))^(w2/w1) − 1)⌋.</summary>
    public static ulong BaseNeededForQuote(Perquintill quote, ulong taoReserve, ulong alphaReserve, ulong taoOut)
    {
        var e = ExpScaledCore(quote, taoReserve, 0, taoOut, baseOverQuote: false);

        return U64F64.FromUInt(alphaReserve).SaturatingMul(e.SaturatingSub(U64F64.One)).SaturatingToU64();
    }

    /// <summary>
    /// New quote weight after the protocol adds (Δy, Δx) without moving the price (spec-dtao §3.4.7):
    /// q1 = round(w1·y·(x+Δx)), q2 = round(w2·x·(y+Δy)), w2' = q2/(q1+q2) rounded down (0.5 if both are 0).
    /// Null when either new weight would fall below <see cref="MinWeight"/> (the injection is then refused).
    /// </summary>
    public static Perquintill? WeightAfterAddedLiquidity(Perquintill quote, ulong taoReserve, ulong alphaReserve, ulong taoDelta, ulong alphaDelta)
    {
        var newTao = (UInt128)taoReserve + taoDelta;
        var newAlpha = (UInt128)alphaReserve + alphaDelta;
        var q1 = quote.Complement.MulRoundHalfUp(SaturatingMul(taoReserve, newAlpha));
        var q2 = quote.MulRoundHalfUp(SaturatingMul(alphaReserve, newTao));
        var sum = q1 > UInt128.MaxValue - q2 ? UInt128.MaxValue : q1 + q2;
        var weight = sum != UInt128.Zero ? Perquintill.FromRational(q2, sum) : Perquintill.Half;
        return IsValidQuoteWeight(weight) ? weight : null;
    }

    /// <summary>
    /// Initial quote weight when a pool is initialised at a given price (<c>maybe_initialize_palswap</c>):
    /// w2 = y/(P·x + y) with P·x split into integer and fractional parts as the reference does; 0.5 without a price.
    /// Null (<c>ReservesOutOfBalance</c>) when the weight is out of range or both reserves are zero.
    /// </summary>
    public static Perquintill? InitialQuoteWeight(ulong taoReserve, ulong alphaReserve, U64F64? price)
    {
        if (price is not { } p)
        {
            return Perquintill.Half;
        }

        var integerPart = (UInt128)p.SaturatingToU64();
        var fraction = U64F64.FromBits(p.Bits & ulong.MaxValue);
        var pxHigh = SaturatingMul(integerPart, alphaReserve);
        var pxLow = U64F64.FromUInt(alphaReserve).SaturatingMul(fraction).SaturatingToU128();
        var total = SaturatingAdd(SaturatingAdd(pxHigh, pxLow), taoReserve);
        if (total == UInt128.Zero)
        {
            return null;
        }

        var weight = Perquintill.FromRational(taoReserve, total);
        return IsValidQuoteWeight(weight) ? weight : null;
    }

    private static UInt128 SaturatingMul(UInt128 a, UInt128 b)
    {
        var product = (BigInteger)a * b;
        return product > (BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)product;
    }

    private static UInt128 SaturatingAdd(UInt128 a, UInt128 b) => a > UInt128.MaxValue - b ? UInt128.MaxValue : a + b;
}
