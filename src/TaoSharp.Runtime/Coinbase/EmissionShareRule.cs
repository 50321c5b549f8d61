namespace TaoSharp.Runtime.Coinbase;

/// <summary>Which rule splits the block emission across subnets (spec-dtao §2.3, §2.7). Part of the chain's economics
/// settings (genesis data), next to the pool model of <see cref="Amm.EconomicsProfile"/>.</summary>
public enum EmissionShareRule
{
    /// <summary>HEAD (since 2026-06-22): EMA price × (1 − MinerBurned), with the per-subnet emission switch.</summary>
    PriceTimesMinerNotBurned,

    /// <summary>Launch (2025-02-13): plain EMA-price shares over every eligible subnet; no switch, no burn weighting.</summary>
    LaunchPriceShares,

    /// <summary>2025-11-04 … 2026-06-22: shares by the EMA of (net) TAO flow, clipped and power-normalised, with the switch.</summary>
    TaoFlow,
}
