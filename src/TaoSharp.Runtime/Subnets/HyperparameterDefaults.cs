namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// Storage defaults of the subnet hyperparameters (the value read when a key was never written), as the
/// reference runtime declares them (spec-yuma §2, mainnet values). <see cref="NewSubnetDefaults"/> lists the
/// values <c>init_new_network</c> writes explicitly for a newly registered subnet.
/// </summary>
public static class HyperparameterDefaults
{
    public const ushort Tempo = 360;
    public const uint ActivityCutoffFactorMilli = 13_889;
    public const ushort Kappa = 32_767;
    public const ushort Rho = 10;
    public const ulong BondsMovingAverage = 900_000;
    public const ushort BondsPenalty = 65_535;
    public const bool BondsResetOn = false;
    public const bool LiquidAlphaOn = false;
    public const ushort AlphaLow = 45_875;
    public const ushort AlphaHigh = 58_982;
    public const short AlphaSigmoidSteepness = 1000;
    public const bool Yuma3On = false;
    public const ushort MaxAllowedValidators = 128;
    public const ushort MaxAllowedUids = 256;
    public const ushort MinAllowedUids = 64;
    public const ushort MinAllowedWeights = 1024;
    public const ushort MaxWeightsLimit = 65_535;
    public const ushort ImmunityPeriod = 4096;
    public const ushort MinNonImmuneUids = 10;
    public const ushort ImmuneOwnerUidsLimit = 1;
    public const ulong WeightsSetRateLimit = 100;
    public const ulong ServingRateLimit = 50;
    public const ulong WeightsVersionKey = 0;
    public const bool CommitRevealWeightsEnabled = true;
    public const ulong RevealPeriodEpochs = 1;
    public const ulong StakeThreshold = 0;
    public const ulong TaoWeight = 971_718_665_099_567_868;
    public const ulong Burn = 100_000_000;
    public const ulong MinBurn = 500_000;
    public const ulong MaxBurn = 100_000_000_000;
    public const ushort BurnHalfLife = 360;
    /// <summary>
    /// BurnIncreaseMult 1.26 as U64F64 bits. Taken as <c>U64F64::from_num(1.26f64)</c>: the f64 nearest to 1.26
    /// is exactly representable with 64 fraction bits (spec silent on the literal's type; decision recorded in docs).
    /// </summary>
    public static readonly UInt128 BurnIncreaseMultBits = new(1, 4_796_153_459_164_483_584); // 23 242 897 532 874 035 200
    public const bool NetworkRegistrationAllowed = true;
}

/// <summary>Values <c>init_new_network</c> writes for every new subnet (spec-yuma §2, column "set by init_new_network").</summary>
public static class NewSubnetDefaults
{
    public const ulong Burn = 1_000_000_000;
    public const bool Yuma3On = true;
    public const ushort MaxAllowedValidators = 64;
    public const ushort MaxAllowedUids = 256;
    public const ushort MinAllowedWeights = 1;
    public const ushort ImmunityPeriod = 5000;
}
