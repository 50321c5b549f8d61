using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Queries;

/// <summary>A subnet's pool and emission state (subtensor's <c>DynamicInfo</c>; docs/rpc-domain.md).</summary>
/// <param name="Price">Spot price in TAO per alpha under the chain's pool model (1 for root).</param>
/// <param name="SubnetIdentity">The stored subnet identity, null when none is set.</param>
/// <param name="QuoteWeight">The balancer's TAO weight; null when the pool model is constant product or stable.</param>
public sealed record DynamicInfo(
    ushort Netuid,
    AccountId OwnerHotkey,
    AccountId OwnerColdkey,
    string SubnetName,
    string TokenSymbol,
    ushort Tempo,
    ulong LastStep,
    ulong BlocksSinceLastStep,
    ulong Emission,
    ulong AlphaIn,
    ulong AlphaOut,
    ulong TaoIn,
    ulong AlphaOutEmission,
    ulong AlphaInEmission,
    ulong TaoInEmission,
    ulong PendingAlphaEmission,
    ulong PendingRootEmission,
    UInt128 SubnetVolume,
    ulong NetworkRegisteredAt,
    U64F64 Price,
    I96F32 MovingPrice,
    Perquintill? QuoteWeight,
    string PoolModel,
    bool SubtokenEnabled,
    SubnetIdentity? SubnetIdentity = null)
{
    /// <summary>RAO per whole alpha at the spot price (price × 10^9, floor).</summary>
    public ulong PriceRao => QueryMath.RaoPerAlpha(Price);
}
