namespace TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Subnets;

/// <summary>
/// Everything one run of the production (sparse) epoch of one subnet mechanism reads (spec-yuma §3.1).
/// Per-UID arrays have length <see cref="N"/>; <see cref="LastUpdate"/> and <see cref="ValidatorPermit"/>
/// may be shorter (missing entries read 0 / no permit, as the reference pads them).
/// Weight and bond rows are stored u16 values: weights max-upscaled in submission order, bonds as stored.
/// </summary>
public sealed record EpochInput
{
    /// <summary>
    /// Largest UID count the epoch accepts. The reference caps a subnet at 4096 UIDs (storage index
    /// mecid·4096 + netuid); the bound also keeps the consensus scratch (n × validators) bounded.
    /// </summary>
    public const int MaxUids = 4096;

    public required int N { get; init; }
    public required ulong CurrentBlock { get; init; }
    public required ushort Tempo { get; init; }
    public uint ActivityCutoffFactorMilli { get; init; } = HyperparameterDefaults.ActivityCutoffFactorMilli;

    /// <summary>Alpha stake per UID (inherited, u64 rao).</summary>
    public required ulong[] AlphaStake { get; init; }
    /// <summary>Root TAO stake per UID (u64 rao); null = all zero.</summary>
    public ulong[]? TaoStake { get; init; }
    /// <summary>TaoWeight (fraction of u64::MAX).</summary>
    public ulong TaoWeight { get; init; }
    public ulong StakeThreshold { get; init; }
    /// <summary>UID of the subnet owner's hotkey, if registered.</summary>
    public ushort? OwnerUid { get; init; }
    public required ushort MaxAllowedValidators { get; init; }

    public required ulong[] BlockAtRegistration { get; init; }
    public required ulong[] LastUpdate { get; init; }
    /// <summary>Permits written by the previous epoch (used by this one).</summary>
    public required bool[] ValidatorPermit { get; init; }
    public required (ushort Uid, ushort Value)[][] Weights { get; init; }
    public required (ushort Uid, ushort Value)[][] Bonds { get; init; }

    public ushort Kappa { get; init; } = HyperparameterDefaults.Kappa;
    public ushort BondsPenalty { get; init; } = HyperparameterDefaults.BondsPenalty;
    /// <summary>Per million.</summary>
    public ulong BondsMovingAverage { get; init; } = HyperparameterDefaults.BondsMovingAverage;
    public bool Yuma3 { get; init; }
    public bool LiquidAlpha { get; init; }
    public ushort AlphaLow { get; init; } = HyperparameterDefaults.AlphaLow;
    public ushort AlphaHigh { get; init; } = HyperparameterDefaults.AlphaHigh;
    public short AlphaSigmoidSteepness { get; init; } = HyperparameterDefaults.AlphaSigmoidSteepness;
    public ulong LastMechanismStepBlock { get; init; }
    /// <summary>Alpha rao to distribute (E).</summary>
    public required ulong RaoEmission { get; init; }
    /// <summary>
    /// Commit-reveal column mask input: per UID the earliest pending commit block (u64::MAX = none);
    /// null when commit-reveal is disabled on the subnet.
    /// </summary>
    public ulong[]? CommitBlocks { get; init; }

    /// <summary>Checks lengths and ranges; throws <see cref="ArgumentException"/> with a clear message.</summary>
    public void Validate()
    {
        if (N < 0 || N > MaxUids) throw new ArgumentException($"n must be in 0..={MaxUids}, got {N}");
        Require(AlphaStake.Length == N, $"alpha_stake has {AlphaStake.Length} entries, expected n = {N}");
        Require(TaoStake is null || TaoStake.Length == N, $"tao_stake has {TaoStake?.Length} entries, expected n = {N}");
        Require(BlockAtRegistration.Length == N, $"block_at_registration has {BlockAtRegistration.Length} entries, expected n = {N}");
        Require(LastUpdate.Length <= N, $"last_update has {LastUpdate.Length} entries, more than n = {N}");
        Require(ValidatorPermit.Length <= N, $"validator_permit has {ValidatorPermit.Length} entries, more than n = {N}");
        Require(Weights.Length <= N, $"weights has {Weights.Length} rows, more than n = {N}");
        Require(Bonds.Length <= N, $"bonds has {Bonds.Length} rows, more than n = {N}");
        Require(CommitBlocks is null || CommitBlocks.Length == N, $"commit_blocks has {CommitBlocks?.Length} entries, expected n = {N}");
        foreach (var row in Weights) Require(row is not null, "a weights row is null");
        foreach (var row in Bonds) Require(row is not null, "a bonds row is null");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
