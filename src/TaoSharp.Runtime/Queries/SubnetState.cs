using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// Per-UID vectors of a subnet (subtensor's <c>SubnetState</c>), every array of length n and indexed by uid.
/// Stakes are the epoch's: alpha = the hotkey's alpha, tao = its root stake, total = alpha + tao·TaoWeight (floor).
/// </summary>
public sealed record SubnetState(
    ushort Netuid,
    AccountId[] Hotkeys,
    AccountId[] Coldkeys,
    bool[] Active,
    bool[] ValidatorPermit,
    ushort[] PruningScore,
    ulong[] LastUpdate,
    ulong[] Emission,
    ushort[] Dividends,
    ushort[] Incentives,
    ushort[] Consensus,
    ushort[] Trust,
    ushort[] Rank,
    ushort[] ValidatorTrust,
    ulong[] BlockAtRegistration,
    ulong[] AlphaStake,
    ulong[] TaoStake,
    ulong[] TotalStake);
