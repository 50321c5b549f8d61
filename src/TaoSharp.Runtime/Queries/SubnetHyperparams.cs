namespace TaoSharp.Runtime.Queries;

/// <summary>
/// A subnet's hyperparameters (subtensor's <c>SubnetHyperparamsV2</c> plus the registration-price fields of this
/// runtime). Items this runtime does not store (PoW difficulty, adjustment interval/alpha, registration targets) are
/// reported with the reference's storage defaults so clients see the values the reference would show.
/// </summary>
public sealed record SubnetHyperparams(
    ushort Rho,
    ushort Kappa,
    ushort ImmunityPeriod,
    ushort MinAllowedWeights,
    ushort MaxWeightsLimit,
    ushort Tempo,
    ulong MinDifficulty,
    ulong MaxDifficulty,
    ulong WeightsVersion,
    ulong WeightsRateLimit,
    ushort AdjustmentInterval,
    ulong ActivityCutoff,
    bool RegistrationAllowed,
    ushort TargetRegsPerInterval,
    ulong MinBurn,
    ulong MaxBurn,
    ulong BondsMovingAvg,
    ushort MaxRegsPerBlock,
    ulong ServingRateLimit,
    ushort MaxValidators,
    ulong AdjustmentAlpha,
    ulong Difficulty,
    ulong CommitRevealPeriod,
    bool CommitRevealWeightsEnabled,
    ushort AlphaHigh,
    ushort AlphaLow,
    bool LiquidAlphaEnabled,
    short AlphaSigmoidSteepness,
    bool Yuma3Enabled,
    bool BondsResetEnabled,
    bool SubnetIsActive,
    bool TransfersEnabled,
    ushort BondsPenalty,
    ushort BurnHalfLife,
    UInt128 BurnIncreaseMultBits,
    ushort MinNonImmuneUids,
    ushort OwnerImmuneNeuronLimit,
    ushort MaxAllowedUids)
{
    /// <summary>Reference storage defaults for the PoW-era items this runtime does not store.</summary>
    public const ulong DefaultDifficulty = 10_000_000;
    public const ulong DefaultMinDifficulty = 10_000_000;
    public const ulong DefaultMaxDifficulty = ulong.MaxValue / 4;
    public const ushort DefaultAdjustmentInterval = 100;
    public const ulong DefaultAdjustmentAlpha = 0;
    public const ushort DefaultTargetRegsPerInterval = 2;
    public const ushort DefaultMaxRegsPerBlock = 3;
}
