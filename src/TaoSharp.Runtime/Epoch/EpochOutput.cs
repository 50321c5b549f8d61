namespace TaoSharp.Runtime.Epoch;

/// <summary>
/// Per-UID results of one epoch (the reference's <c>EpochTerms</c>, spec-yuma §3.15), already in the units
/// the chain stores: u16 proportions, u64 alpha rao, and bond rows as they are written to <c>Bonds</c>.
/// </summary>
public sealed record EpochOutput
{
    public required bool[] Active { get; init; }
    public required ushort[] StakeWeight { get; init; }
    public required ushort[] Consensus { get; init; }
    public required ushort[] Incentive { get; init; }
    public required ushort[] Dividends { get; init; }
    public required ushort[] ValidatorTrust { get; init; }
    /// <summary>Combined emission (stored as <c>Emission</c>).</summary>
    public required ulong[] Emission { get; init; }
    public required ulong[] ServerEmission { get; init; }
    public required ulong[] ValidatorEmission { get; init; }
    /// <summary>New permits, used by the next epoch.</summary>
    public required bool[] ValidatorPermit { get; init; }
    /// <summary>Bond rows to store; empty for UIDs without a new permit.</summary>
    public required (ushort Uid, ushort Value)[][] Bonds { get; init; }
    /// <summary>Raw total stake ⌊alpha + tao·tw⌋ per UID (reported, not stored by the epoch).</summary>
    public required ulong[] Stake { get; init; }
}
