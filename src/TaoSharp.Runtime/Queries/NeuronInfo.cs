using TaoSharp.Primitives;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// One neuron (subtensor's <c>NeuronInfo</c> / <c>NeuronInfoLite</c>). <see cref="Weights"/> and <see cref="Bonds"/>
/// are null in the lite form; in the full form they hold the row's non-zero entries as the reference reports them.
/// Rank and trust are 0 and pruning score is u16::MAX: the reference no longer computes them.
/// </summary>
public sealed record NeuronInfo(
    AccountId Hotkey,
    AccountId Coldkey,
    ushort Uid,
    ushort Netuid,
    bool Active,
    AxonInfo AxonInfo,
    ulong AlphaStake,
    ulong TaoStake,
    ulong TotalStake,
    ushort Rank,
    ulong Emission,
    ushort Incentive,
    ushort Consensus,
    ushort Trust,
    ushort ValidatorTrust,
    ushort Dividends,
    ulong LastUpdate,
    bool ValidatorPermit,
    ushort PruningScore,
    ulong BlockAtRegistration,
    (ushort Uid, ushort Value)[]? Weights,
    (ushort Uid, ushort Value)[]? Bonds)
{
    /// <summary>The neuron's served Prometheus endpoint (all zeros when it never served one), as the reference reports it.</summary>
    public PrometheusInfo PrometheusInfo { get; init; }
}
