using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Subnet hyperparameters (spec-yuma §2); defaults are the reference runtime's storage defaults.</summary>
public static partial class SubtensorStorage
{
    /// <summary>Blocks between epochs.</summary>
    public static readonly StorageMap<NetUid, ushort> Tempo =
        new(Pallet, "Tempo", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.Tempo);

    /// <summary>Activity cutoff in thousandths of a tempo (effective cutoff = max(⌊factor·tempo/1000⌋, 1) blocks).</summary>
    public static readonly StorageMap<NetUid, uint> ActivityCutoffFactorMilli =
        new(Pallet, "ActivityCutoffFactorMilli", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U32, HyperparameterDefaults.ActivityCutoffFactorMilli);

    /// <summary>Consensus majority (u16 proportion).</summary>
    public static readonly StorageMap<NetUid, ushort> Kappa =
        new(Pallet, "Kappa", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.Kappa);

    /// <summary>Legacy trust-sigmoid steepness; unused by the epoch.</summary>
    public static readonly StorageMap<NetUid, ushort> Rho =
        new(Pallet, "Rho", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.Rho);

    /// <summary>Bond EMA moving average per million (α = 1 − bma/1e6).</summary>
    public static readonly StorageMap<NetUid, ulong> BondsMovingAverage =
        new(Pallet, "BondsMovingAverage", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.BondsMovingAverage);

    /// <summary>Interpolation between weights and clipped weights for bonds (u16 proportion).</summary>
    public static readonly StorageMap<NetUid, ushort> BondsPenalty =
        new(Pallet, "BondsPenalty", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.BondsPenalty);

    /// <summary>Whether a metadata commitment resets bonds on the committing hotkey's column.</summary>
    public static readonly StorageMap<NetUid, bool> BondsResetOn =
        new(Pallet, "BondsResetOn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, HyperparameterDefaults.BondsResetOn);

    /// <summary>Per-cell bond EMA rate (Yuma3 only).</summary>
    public static readonly StorageMap<NetUid, bool> LiquidAlphaOn =
        new(Pallet, "LiquidAlphaOn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, HyperparameterDefaults.LiquidAlphaOn);

    /// <summary>Steepness of the liquid-alpha sigmoid.</summary>
    public static readonly StorageMap<NetUid, short> AlphaSigmoidSteepness =
        new(Pallet, "AlphaSigmoidSteepness", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.I16, HyperparameterDefaults.AlphaSigmoidSteepness);

    /// <summary>Selects the Yuma3 bonds algorithm.</summary>
    public static readonly StorageMap<NetUid, bool> Yuma3On =
        new(Pallet, "Yuma3On", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, HyperparameterDefaults.Yuma3On);

    /// <summary>Top-k stake holders that get validator permits.</summary>
    public static readonly StorageMap<NetUid, ushort> MaxAllowedValidators =
        new(Pallet, "MaxAllowedValidators", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.MaxAllowedValidators);

    /// <summary>Capacity of the subnet.</summary>
    public static readonly StorageMap<NetUid, ushort> MaxAllowedUids =
        new(Pallet, "MaxAllowedUids", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.MaxAllowedUids);

    /// <summary>Lower bound when trimming the subnet.</summary>
    public static readonly StorageMap<NetUid, ushort> MinAllowedUids =
        new(Pallet, "MinAllowedUids", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.MinAllowedUids);

    /// <summary>Minimum number of weights (capped at n).</summary>
    public static readonly StorageMap<NetUid, ushort> MinAllowedWeights =
        new(Pallet, "MinAllowedWeights", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.MinAllowedWeights);

    /// <summary>Blocks after registration during which a UID is immune from replacement.</summary>
    public static readonly StorageMap<NetUid, ushort> ImmunityPeriod =
        new(Pallet, "ImmunityPeriod", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.ImmunityPeriod);

    /// <summary>Replacement prefers non-immune UIDs only while more than this many exist.</summary>
    public static readonly StorageMap<NetUid, ushort> MinNonImmuneUids =
        new(Pallet, "MinNonImmuneUids", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.MinNonImmuneUids);

    /// <summary>How many of the owner coldkey's hotkeys are never replaced.</summary>
    public static readonly StorageMap<NetUid, ushort> ImmuneOwnerUidsLimit =
        new(Pallet, "ImmuneOwnerUidsLimit", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.ImmuneOwnerUidsLimit);

    /// <summary>Blocks between two weight updates of one UID.</summary>
    public static readonly StorageMap<NetUid, ulong> WeightsSetRateLimit =
        new(Pallet, "WeightsSetRateLimit", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.WeightsSetRateLimit);

    /// <summary>Minimum version key of set_weights (0 disables the check).</summary>
    public static readonly StorageMap<NetUid, ulong> WeightsVersionKey =
        new(Pallet, "WeightsVersionKey", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.WeightsVersionKey);

    /// <summary>When on, weights go through commit-reveal and set_weights is refused.</summary>
    public static readonly StorageMap<NetUid, bool> CommitRevealWeightsEnabled =
        new(Pallet, "CommitRevealWeightsEnabled", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, HyperparameterDefaults.CommitRevealWeightsEnabled);

    /// <summary>Epochs between a commit and its reveal.</summary>
    public static readonly StorageMap<NetUid, ulong> RevealPeriodEpochs =
        new(Pallet, "RevealPeriodEpochs", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.RevealPeriodEpochs);

    /// <summary>Current registration price (TAO rao).</summary>
    public static readonly StorageMap<NetUid, ulong> Burn =
        new(Pallet, "Burn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.Burn);

    /// <summary>Lower clamp of the registration price.</summary>
    public static readonly StorageMap<NetUid, ulong> MinBurn =
        new(Pallet, "MinBurn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.MinBurn);

    /// <summary>Upper clamp of the registration price.</summary>
    public static readonly StorageMap<NetUid, ulong> MaxBurn =
        new(Pallet, "MaxBurn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.MaxBurn);

    /// <summary>Blocks for the registration price to halve (0 = no decay).</summary>
    public static readonly StorageMap<NetUid, ushort> BurnHalfLife =
        new(Pallet, "BurnHalfLife", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, HyperparameterDefaults.BurnHalfLife);

    /// <summary>Whether neurons may register.</summary>
    public static readonly StorageMap<NetUid, bool> NetworkRegistrationAllowed =
        new(Pallet, "NetworkRegistrationAllowed", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, HyperparameterDefaults.NetworkRegistrationAllowed);

    /// <summary>Registrations in the current block (reset every block).</summary>
    public static readonly StorageMap<NetUid, ushort> RegistrationsThisBlock =
        new(Pallet, "RegistrationsThisBlock", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, 0);

    /// <summary>Liquid-alpha bounds (low, high) as u16 proportions.</summary>
    public static readonly StorageMap<NetUid, (ushort Low, ushort High)> AlphaValues =
        new(Pallet, "AlphaValues", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Tuple(ScaleCodecs.U16, ScaleCodecs.U16),
            (HyperparameterDefaults.AlphaLow, HyperparameterDefaults.AlphaHigh));

    /// <summary>Registration price multiplier per registration (U64F64 bits).</summary>
    public static readonly StorageMap<NetUid, UInt128> BurnIncreaseMult =
        new(Pallet, "BurnIncreaseMult", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U128, HyperparameterDefaults.BurnIncreaseMultBits);

    /// <summary>Minimum combined stake (rao) for validator permits and for setting weights (global).</summary>
    public static readonly StorageValue<ulong> StakeThreshold = new(Pallet, "StakeThreshold", ScaleCodecs.U64, HyperparameterDefaults.StakeThreshold);

    /// <summary>Weight of root TAO stake in every subnet's stake (fraction of u64::MAX, global).</summary>
    public static readonly StorageValue<ulong> TaoWeight = new(Pallet, "TaoWeight", ScaleCodecs.U64, HyperparameterDefaults.TaoWeight);
}
