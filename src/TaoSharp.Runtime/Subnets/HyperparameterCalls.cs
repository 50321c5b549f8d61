using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>Who may set a hyperparameter.</summary>
public enum HyperparameterAccess
{
    /// <summary>The subnet owner's coldkey or sudo (<c>ensure_sn_owner_or_root</c>).</summary>
    OwnerOrRoot,
    /// <summary>Sudo only.</summary>
    RootOnly,
}

/// <summary>
/// One settable hyperparameter: its storage item, who may set it, and the bounds for the owner and for sudo
/// (spec-yuma §2). A value outside the caller's bounds fails with <see cref="DispatchError.ValueNotInBounds"/>.
/// </summary>
public sealed record HyperparameterRule<T>(
    string CallName,
    StorageMap<NetUid, T> Item,
    HyperparameterAccess Access,
    Func<T, bool>? OwnerBounds = null,
    Func<T, bool>? RootBounds = null);

/// <summary>The <c>sudo_set_*</c> calls of the admin pallet for the hyperparameters this Runtime uses.</summary>
public static class HyperparameterCalls
{
    public static readonly HyperparameterRule<ushort> Tempo = new("sudo_set_tempo", SubtensorStorage.Tempo, HyperparameterAccess.OwnerOrRoot,
        OwnerBounds: v => v is >= 360 and <= 50_400, RootBounds: v => v > 0);
    public static readonly HyperparameterRule<uint> ActivityCutoffFactorMilli = new("sudo_set_activity_cutoff_factor_milli", SubtensorStorage.ActivityCutoffFactorMilli,
        HyperparameterAccess.OwnerOrRoot, OwnerBounds: InCutoffBounds, RootBounds: InCutoffBounds);
    public static readonly HyperparameterRule<ushort> Kappa = new("sudo_set_kappa", SubtensorStorage.Kappa, HyperparameterAccess.RootOnly);
    public static readonly HyperparameterRule<ushort> Rho = new("sudo_set_rho", SubtensorStorage.Rho, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ulong> BondsMovingAverage = new("sudo_set_bonds_moving_average", SubtensorStorage.BondsMovingAverage,
        HyperparameterAccess.OwnerOrRoot, OwnerBounds: v => v <= 975_000, RootBounds: v => v <= 1_000_000);
    public static readonly HyperparameterRule<ushort> BondsPenalty = new("sudo_set_bonds_penalty", SubtensorStorage.BondsPenalty, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<bool> BondsResetOn = new("sudo_set_bonds_reset_enabled", SubtensorStorage.BondsResetOn, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<bool> LiquidAlphaOn = new("sudo_set_liquid_alpha_enabled", SubtensorStorage.LiquidAlphaOn, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<short> AlphaSigmoidSteepness = new("sudo_set_alpha_sigmoid_steepness", SubtensorStorage.AlphaSigmoidSteepness,
        HyperparameterAccess.OwnerOrRoot, OwnerBounds: v => v >= 0);
    public static readonly HyperparameterRule<bool> Yuma3On = new("sudo_set_yuma3_enabled", SubtensorStorage.Yuma3On, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ushort> MaxAllowedValidators = new("sudo_set_max_allowed_validators", SubtensorStorage.MaxAllowedValidators, HyperparameterAccess.RootOnly);
    public static readonly HyperparameterRule<ushort> MinAllowedWeights = new("sudo_set_min_allowed_weights", SubtensorStorage.MinAllowedWeights, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ushort> ImmunityPeriod = new("sudo_set_immunity_period", SubtensorStorage.ImmunityPeriod, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ushort> MinNonImmuneUids = new("sudo_set_min_non_immune_uids", SubtensorStorage.MinNonImmuneUids, HyperparameterAccess.RootOnly);
    public static readonly HyperparameterRule<ushort> ImmuneOwnerUidsLimit = new("sudo_set_owner_immune_neuron_limit", SubtensorStorage.ImmuneOwnerUidsLimit,
        HyperparameterAccess.OwnerOrRoot, OwnerBounds: v => v is >= 1 and <= 10, RootBounds: v => v is >= 1 and <= 10);
    public static readonly HyperparameterRule<ulong> WeightsSetRateLimit = new("sudo_set_weights_set_rate_limit", SubtensorStorage.WeightsSetRateLimit, HyperparameterAccess.RootOnly);
    public static readonly HyperparameterRule<ulong> WeightsVersionKey = new("sudo_set_weights_version_key", SubtensorStorage.WeightsVersionKey, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<bool> CommitRevealWeightsEnabled = new("sudo_set_commit_reveal_weights_enabled", SubtensorStorage.CommitRevealWeightsEnabled, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ulong> RevealPeriodEpochs = new("sudo_set_commit_reveal_weights_interval", SubtensorStorage.RevealPeriodEpochs,
        HyperparameterAccess.OwnerOrRoot, OwnerBounds: v => v is >= 1 and <= 100, RootBounds: v => v is >= 1 and <= 100);
    public static readonly HyperparameterRule<ulong> MinBurn = new("sudo_set_min_burn", SubtensorStorage.MinBurn, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ulong> MaxBurn = new("sudo_set_max_burn", SubtensorStorage.MaxBurn, HyperparameterAccess.OwnerOrRoot);
    public static readonly HyperparameterRule<ushort> BurnHalfLife = new("sudo_set_burn_half_life", SubtensorStorage.BurnHalfLife,
        HyperparameterAccess.OwnerOrRoot, OwnerBounds: v => v <= 36_100, RootBounds: v => v <= 36_100);
    public static readonly HyperparameterRule<bool> NetworkRegistrationAllowed = new("sudo_set_network_registration_allowed", SubtensorStorage.NetworkRegistrationAllowed, HyperparameterAccess.RootOnly);
    public static readonly HyperparameterRule<ushort> MaxAllowedUids = new("sudo_set_max_allowed_uids", SubtensorStorage.MaxAllowedUids,
        HyperparameterAccess.RootOnly, RootBounds: v => v is > 0 and <= 256);

    private static bool InCutoffBounds(uint v) => v is >= 1_000 and <= 50_000;

    /// <summary>Sets a hyperparameter after checking the subnet, the caller's right and the bounds.</summary>
    public static void Set<T>(IStateAccess state, AccountId caller, NetUid netuid, HyperparameterRule<T> rule, T value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        bool isRoot = BalancesStorage.SudoKey.Get(state) is { } sudo && sudo == caller;
        if (!SubtensorStorage.NetworksAdded.Get(state, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        bool isOwner = SubtensorStorage.SubnetOwner.TryGet(state, netuid, out var owner) && owner == caller;
        if (!isRoot && (rule.Access == HyperparameterAccess.RootOnly || !isOwner))
            throw new DispatchException(DispatchError.BadOrigin, $"{rule.CallName} requires {(rule.Access == HyperparameterAccess.RootOnly ? "sudo" : "the subnet owner or sudo")}");
        var bounds = isRoot ? rule.RootBounds : rule.OwnerBounds;
        if (bounds is not null && !bounds(value)) throw new DispatchException(DispatchError.ValueNotInBounds, $"{rule.CallName}: {value}");
        rule.Item.Set(state, netuid, value);
    }

    /// <summary><c>sudo_set_alpha_values(low, high)</c>: high ≥ 1638 and 1638 ≤ low ≤ high (1638 = ⌊65535/40⌋).</summary>
    public static void SetAlphaValues(IStateAccess state, AccountId caller, NetUid netuid, ushort low, ushort high)
    {
        const ushort minimum = 1638;
        bool isRoot = BalancesStorage.SudoKey.Get(state) is { } sudo && sudo == caller;
        if (!SubtensorStorage.NetworksAdded.Get(state, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        bool isOwner = SubtensorStorage.SubnetOwner.TryGet(state, netuid, out var owner) && owner == caller;
        if (!isRoot && !isOwner) throw new DispatchException(DispatchError.BadOrigin, "sudo_set_alpha_values requires the subnet owner or sudo");
        if (high < minimum || low < minimum || low > high) throw new DispatchException(DispatchError.ValueNotInBounds, $"alpha values ({low}, {high})");
        SubtensorStorage.AlphaValues.Set(state, netuid, (low, high));
    }
}
