using TaoSharp.Runtime.Amm;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>Everything the per-block step needs beyond state: the pool/staking profile and the share rule.</summary>
public sealed record CoinbaseSettings(EconomicsProfile Profile, EmissionShareRule ShareRule)
{
    public static CoinbaseSettings Current { get; } = new(EconomicsProfile.Current, EmissionShareRule.PriceTimesMinerNotBurned);

    public static CoinbaseSettings Launch { get; } = new(EconomicsProfile.Launch, EmissionShareRule.LaunchPriceShares);
}
