using TaoSharp.Math;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>One subnet in this block's emission set, as the share computation sees it.</summary>
/// <param name="MovingPrice">EMA price (1.0 for root and stable subnets), as U64F64.</param>
/// <param name="MinerBurned">Share of last tempo's miner incentive withheld (<c>MinerBurned</c>, U96F32).</param>
/// <param name="EmissionEnabled"><c>SubnetEmissionEnabled</c> (false for new subnets since 2026-06-23).</param>
public readonly record struct EmissionCandidate(U64F64 MovingPrice, U96F32 MinerBurned, bool EmissionEnabled);

/// <summary>
/// How this block's TAO emission is split across subnets (spec-dtao §2.3, §2.4): EMA-price shares weighted by
/// (1 − MinerBurned), renormalised (falling back to plain price shares when every weight is 0), then disabled
/// subnets' shares go to the enabled ones. Results keep the input order.
/// </summary>
public static class EmissionShares
{
    /// <summary>p̄_i / Σ p̄ (0 when the sum is 0).</summary>
    public static U64F64[] PriceShares(IReadOnlyList<EmissionCandidate> subnets)
    {
        var total = U64F64.Zero;
        foreach (var s in subnets)
        {
            total = total.SaturatingAdd(s.MovingPrice);
        }

        var shares = new U64F64[subnets.Count];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = subnets[i].MovingPrice.CheckedDiv(total) ?? U64F64.Zero;
        }

        return shares;
    }

    /// <summary>The share of each subnet at HEAD (price share × (1 − min(burned, 1)), renormalised).</summary>
    public static U64F64[] Shares(IReadOnlyList<EmissionCandidate> subnets)
    {
        var priceShares = PriceShares(subnets);
        var weighted = new U64F64[priceShares.Length];
        var total = U64F64.Zero;
        for (var i = 0; i < weighted.Length; i++)
        {
            var burned = U64F64.Min(subnets[i].MinerBurned.ToU64F64(), U64F64.One);
            weighted[i] = priceShares[i].SaturatingMul(U64F64.One.SaturatingSub(burned));
            total = total.SaturatingAdd(weighted[i]);
        }

        if (total.IsZero)
        {
            return priceShares;
        }

        for (var i = 0; i < weighted.Length; i++)
        {
            weighted[i] = weighted[i].SafeDiv(total);
        }

        return weighted;
    }

    /// <summary>
    /// TAO emission per subnet: E·share, or E·share/Σ(enabled shares) for enabled subnets when any is disabled
    /// (disabled ones get 0 but stay in the set so their alpha_out still runs). U64F64 product, then U96F32.
    /// </summary>
    public static U96F32[] SubnetBlockEmissions(IReadOnlyList<EmissionCandidate> subnets, U96F32 blockEmission) =>
        SubnetBlockEmissions(subnets, Shares(subnets), blockEmission);

    /// <summary>The same emission switch and product on shares computed by another rule (e.g. TAO flow).</summary>
    public static U96F32[] SubnetBlockEmissions(IReadOnlyList<EmissionCandidate> subnets, U64F64[] shares, U96F32 blockEmission)
    {
        var anyDisabled = false;
        var enabledSum = U64F64.Zero;
        for (var i = 0; i < shares.Length; i++)
        {
            if (subnets[i].EmissionEnabled)
            {
                enabledSum = enabledSum.SaturatingAdd(shares[i]);
            }
            else
            {
                anyDisabled = true;
            }
        }

        var emission = blockEmission.ToU64F64();
        var result = new U96F32[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            var share = shares[i];
            if (anyDisabled)
            {
                share = subnets[i].EmissionEnabled && !enabledSum.IsZero ? share.SafeDiv(enabledSum) : U64F64.Zero;
            }

            result[i] = emission.SaturatingMul(share).ToU96F32();
        }

        return result;
    }

    /// <summary>Root alpha is sold to root stakers only when Σ EMA prices &gt; 1 (pre-update EMAs, §2.1 step d).</summary>
    public static bool RootSellFlag(IEnumerable<U64F64> movingPrices)
    {
        var total = U64F64.Zero;
        foreach (var p in movingPrices)
        {
            total = total.SaturatingAdd(p);
        }

        return total > U64F64.One;
    }
}
