using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Coinbase;

namespace TaoSharp.Chain.Genesis;

/// <summary>The economics rules a genesis "profile" selects: "current" (reference HEAD) or "launch" (dTAO launch, Feb 2025).</summary>
public static class ChainProfile
{
    public const string Current = "current";
    public const string Launch = "launch";

    public static bool IsKnown(string name) => name is Current or Launch;

    public static EconomicsProfile Economics(string name) => name switch
    {
        Current => EconomicsProfile.Current,
        Launch => EconomicsProfile.Launch,
        _ => throw new ArgumentException($"unknown economics profile '{name}' (expected '{Current}' or '{Launch}')", nameof(name)),
    };

    public static CoinbaseSettings Coinbase(string name) => name switch
    {
        Current => CoinbaseSettings.Current,
        Launch => CoinbaseSettings.Launch,
        _ => throw new ArgumentException($"unknown economics profile '{name}' (expected '{Current}' or '{Launch}')", nameof(name)),
    };
}
