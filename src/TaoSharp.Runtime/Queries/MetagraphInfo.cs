using TaoSharp.Math;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Queries;

/// <summary>Pool fields of a metagraph (reserves in RAO / alpha units).</summary>
public sealed record MetagraphPool(ulong AlphaIn, ulong AlphaOut, ulong TaoIn, UInt128 SubnetVolume, I96F32 MovingPrice, U64F64 Price)
{
    public ulong PriceRao => QueryMath.RaoPerAlpha(Price);
}

/// <summary>Per-block emission fields of a metagraph.</summary>
public sealed record MetagraphEmissions(
    ulong AlphaOutEmission, ulong AlphaInEmission, ulong TaoInEmission, ulong PendingAlphaEmission, ulong PendingRootEmission, ulong SubnetEmission);

/// <summary>
/// Everything a client metagraph needs in one read (subtensor's <c>Metagraph</c> runtime API folded together with
/// <c>SubnetState</c>): subnet identity, timing, hyperparameters, pool, emissions, the per-UID vectors and axons,
/// and in the full form the weight and bond rows (null in the lite form).
/// </summary>
public sealed record MetagraphInfo(
    ushort Netuid,
    ulong Block,
    string Name,
    string Symbol,
    SubnetInfo Subnet,
    ulong LastStep,
    ulong BlocksSinceLastStep,
    SubnetHyperparams Hparams,
    MetagraphPool Pool,
    MetagraphEmissions Emissions,
    SubnetState State,
    AxonInfo[] Axons,
    (ushort Uid, ushort Value)[][]? Weights,
    (ushort Uid, ushort Value)[][]? Bonds)
{
    public int N => State.Hotkeys.Length;

    /// <summary>The subnet's identity (the reference's metagraph <c>identity</c>).</summary>
    public SubnetIdentity? Identity => Subnet.Identity;

    /// <summary>Per UID, its coldkey's identity or null (the reference's <c>identities</c>); empty unless a reader filled it.</summary>
    public ChainIdentity?[] Identities { get; init; } = [];
}
