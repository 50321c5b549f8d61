using TaoSharp.Runtime.Amm;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>Everything the per-block step needs beyond state: the pool/staking profile and the share rule.</summary>
public sealed record CoinbaseSettings(EconomicsProfile Profile, EmissionShareRule ShareRule)
{
    public static CoinbaseSettings Current { get; } = new(EconomicsProfile.Current, EmissionShareRule.PriceTimesMinerNotBurned);

    public static CoinbaseSettings Launch { get; } = new(EconomicsProfile.Launch, EmissionShareRule.LaunchPriceShares);

    /// <summary>Today's pools and injection with the previous (TAO-flow) share rule, for comparisons in the simulator.</summary>
    public static CoinbaseSettings TaoFlow { get; } = new(EconomicsProfile.Current, EmissionShareRule.TaoFlow);
}
