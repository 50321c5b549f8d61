namespace TaoSharp.Runtime.Amm;

/// <summary>Which pool a dynamic subnet uses.</summary>
public enum PoolModelKind
{
    /// <summary>Weighted (balancer) pool with a percentage fee to the block author (HEAD, since 2026-06-25).</summary>
    Weighted,

    /// <summary>Constant product with a flat staking fee kept by the pool (launch rules, Feb 2025).</summary>
    ConstantProduct,
}

/// <summary>
/// The economics rules a chain runs with, chosen in genesis config ("fork-like rule changes are data").
/// Only the pool-related part lives here; later areas add their switches next to it.
/// </summary>
public sealed record EconomicsProfile(PoolModelKind Pool, SwapConfig Swap, ulong DefaultMinStake, ulong FlatStakingFee)
{
    /// <summary>Reference chain at HEAD (2026-06-30): weighted pool, min stake 0.002 TAO, no flat fee.</summary>
    public static EconomicsProfile Current { get; } = new(PoolModelKind.Weighted, SwapConfig.Mainnet, 2_000_000, 0);

    /// <summary>dTAO launch (2025-02-13): constant product, min stake 0.0005 TAO, flat fee 50 000 RAO per stake/unstake.</summary>
    public static EconomicsProfile Launch { get; } = new(PoolModelKind.ConstantProduct, SwapConfig.Mainnet, 500_000, 50_000);

    /// <summary>The model for a dynamic subnet (mechanism 1) under this profile.</summary>
    public IPoolModel DynamicPool() => Pool switch
    {
        PoolModelKind.Weighted => new WeightedPoolModel(Swap),
        _ => ConstantProductPoolModel.Instance,
    };

    /// <summary>The model for a subnet with the given mechanism id (0 = stable / root, 1 = dynamic).</summary>
    public IPoolModel PoolFor(ushort mechanism) => mechanism == 1 ? DynamicPool() : StablePoolModel.Instance;
}
