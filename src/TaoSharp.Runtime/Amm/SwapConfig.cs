using TaoSharp.Math;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// Runtime constants of the swap (spec-dtao §3.4.6, §3.4.8, Appendix A). Tests of the reference use a mock runtime
/// with a smaller minimum reserve; <see cref="Mock"/> reproduces it so transcribed vectors keep their numbers.
/// </summary>
public sealed record SwapConfig(ulong MinimumReserve)
{
    /// <summary>Lowest price a sell may be limited to: 1 000 RAO per α (1e-6 TAO/α).</summary>
    public const ulong MinPriceRao = 1_000;

    /// <summary>Highest price a buy may be limited to: 10^15 RAO per α (10^6 TAO/α).</summary>
    public const ulong MaxPriceRao = 1_000_000_000_000_000;

    /// <summary>A swap's net input may be at most this multiple of the input reserve (<c>SwapInputTooLarge</c>).</summary>
    public const ulong MaxInputReserveMultiplier = 1_000;

    /// <summary>The mainnet runtime: <c>MinimumReserve</c> = 1 000 000.</summary>
    public static SwapConfig Mainnet { get; } = new(1_000_000);

    /// <summary>The reference's test mock: <c>MinimumReserve</c> = 100.</summary>
    public static SwapConfig Mock { get; } = new(100);

    /// <summary>A limit given as RAO per α (<c>TaoBalance</c>) turned into the U64F64 price the swap compares with.</summary>
    public static U64F64 LimitPrice(ulong raoPerAlpha) =>
        U64F64.FromUInt(raoPerAlpha).SafeDiv(U64F64.FromUInt(1_000_000_000UL));
}
