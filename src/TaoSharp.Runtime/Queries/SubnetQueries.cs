using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// Read models of subnets (subtensor's <c>SubnetInfoRuntimeApi</c>): info, hyperparameters, dynamic (pool) info and
/// the registration costs. Pure reads of one state; <c>block</c> is the block the state belongs to (the head).
/// Unknown subnets give null, as the reference's <c>Option</c> does.
/// </summary>
public sealed class SubnetQueries(EconomicsProfile profile)
{
    private readonly SubnetPools _pools = new(profile);

    public EconomicsProfile Profile { get; } = profile;

    public static bool Exists(IStateReader s, NetUid netuid) => SubtensorStorage.NetworksAdded.Get(s, netuid);

    /// <summary>Every added subnet, root first, ascending netuid.</summary>
    public static IReadOnlyList<NetUid> AllSubnets(IStateReader s) =>
        [.. SubtensorStorage.NetworksAdded.Iterate(s).Where(e => e.Value).Select(e => e.Key).OrderBy(n => n.Value)];

    public SubnetInfo? Info(IStateReader s, NetUid netuid)
    {
        if (!Exists(s, netuid)) return null;
        return new SubnetInfo(
            netuid.Value,
            SubnetNaming.Name(s, netuid),
            SubnetNaming.Symbol(s, netuid),
            SubtensorStorage.SubnetOwner.Get(s, netuid),
            SubtensorStorage.SubnetOwnerHotkey.Get(s, netuid),
            SubtensorStorage.Tempo.Get(s, netuid),
            SubtensorStorage.SubnetworkN.Get(s, netuid),
            SubtensorStorage.MaxAllowedUids.Get(s, netuid),
            SubtensorStorage.MaxAllowedValidators.Get(s, netuid),
            SubtensorStorage.Burn.Get(s, netuid),
            SubtensorStorage.MinAllowedWeights.Get(s, netuid),
            SubtensorStorage.ImmunityPeriod.Get(s, netuid),
            SubtensorStorage.NetworkRegisteredAt.Get(s, netuid),
            SubtensorStorage.NetworkRegistrationAllowed.Get(s, netuid),
            netuid.IsRoot || SubtensorStorage.SubtokenEnabled.Get(s, netuid),
            SubtensorStorage.SubnetEmissionEnabled.Get(s, netuid),
            SubtensorStorage.Kappa.Get(s, netuid),
            SubnetHyperparams.DefaultDifficulty,
            SubnetNaming.Identity(s, netuid));
    }

    public IReadOnlyList<SubnetInfo> AllInfos(IStateReader s) => [.. AllSubnets(s).Select(n => Info(s, n)!)];

    public SubnetHyperparams? Hyperparams(IStateReader s, NetUid netuid)
    {
        if (!Exists(s, netuid)) return null;
        var tempo = SubtensorStorage.Tempo.Get(s, netuid);
        var (low, high) = SubtensorStorage.AlphaValues.Get(s, netuid);
        // The epoch's activity cutoff in blocks: max(⌊factor·tempo/1000⌋, 1) (spec-yuma §3.2).
        var cutoff = System.Math.Max((ulong)SubtensorStorage.ActivityCutoffFactorMilli.Get(s, netuid) * tempo / 1000, 1);
        return new SubnetHyperparams(
            Rho: SubtensorStorage.Rho.Get(s, netuid),
            Kappa: SubtensorStorage.Kappa.Get(s, netuid),
            ImmunityPeriod: SubtensorStorage.ImmunityPeriod.Get(s, netuid),
            MinAllowedWeights: SubtensorStorage.MinAllowedWeights.Get(s, netuid),
            MaxWeightsLimit: HyperparameterDefaults.MaxWeightsLimit,
            Tempo: tempo,
            MinDifficulty: SubnetHyperparams.DefaultMinDifficulty,
            MaxDifficulty: SubnetHyperparams.DefaultMaxDifficulty,
            WeightsVersion: SubtensorStorage.WeightsVersionKey.Get(s, netuid),
            WeightsRateLimit: SubtensorStorage.WeightsSetRateLimit.Get(s, netuid),
            AdjustmentInterval: SubnetHyperparams.DefaultAdjustmentInterval,
            ActivityCutoff: cutoff,
            RegistrationAllowed: SubtensorStorage.NetworkRegistrationAllowed.Get(s, netuid),
            TargetRegsPerInterval: SubnetHyperparams.DefaultTargetRegsPerInterval,
            MinBurn: SubtensorStorage.MinBurn.Get(s, netuid),
            MaxBurn: SubtensorStorage.MaxBurn.Get(s, netuid),
            BondsMovingAvg: SubtensorStorage.BondsMovingAverage.Get(s, netuid),
            MaxRegsPerBlock: SubnetHyperparams.DefaultMaxRegsPerBlock,
            ServingRateLimit: SubtensorStorage.ServingRateLimit.Get(s, netuid),
            MaxValidators: SubtensorStorage.MaxAllowedValidators.Get(s, netuid),
            AdjustmentAlpha: SubnetHyperparams.DefaultAdjustmentAlpha,
            Difficulty: SubnetHyperparams.DefaultDifficulty,
            CommitRevealPeriod: SubtensorStorage.RevealPeriodEpochs.Get(s, netuid),
            CommitRevealWeightsEnabled: SubtensorStorage.CommitRevealWeightsEnabled.Get(s, netuid),
            AlphaHigh: high,
            AlphaLow: low,
            LiquidAlphaEnabled: SubtensorStorage.LiquidAlphaOn.Get(s, netuid),
            AlphaSigmoidSteepness: SubtensorStorage.AlphaSigmoidSteepness.Get(s, netuid),
            Yuma3Enabled: SubtensorStorage.Yuma3On.Get(s, netuid),
            BondsResetEnabled: SubtensorStorage.BondsResetOn.Get(s, netuid),
            SubnetIsActive: netuid.IsRoot || SubtensorStorage.SubtokenEnabled.Get(s, netuid),
            TransfersEnabled: SubtensorStorage.TransferToggle.Get(s, netuid),
            BondsPenalty: SubtensorStorage.BondsPenalty.Get(s, netuid),
            BurnHalfLife: SubtensorStorage.BurnHalfLife.Get(s, netuid),
            BurnIncreaseMultBits: SubtensorStorage.BurnIncreaseMult.Get(s, netuid),
            MinNonImmuneUids: SubtensorStorage.MinNonImmuneUids.Get(s, netuid),
            OwnerImmuneNeuronLimit: SubtensorStorage.ImmuneOwnerUidsLimit.Get(s, netuid),
            MaxAllowedUids: SubtensorStorage.MaxAllowedUids.Get(s, netuid));
    }

    public DynamicInfo? Dynamic(IStateReader s, NetUid netuid, ulong block)
    {
        if (!Exists(s, netuid)) return null;
        var lastStep = SubtensorStorage.LastMechansimStepBlock.Get(s, netuid);
        var model = _pools.ModelFor(s, netuid);
        var taoInEmission = SubtensorStorage.SubnetTaoInEmission.Get(s, netuid);
        return new DynamicInfo(
            netuid.Value,
            SubtensorStorage.SubnetOwnerHotkey.Get(s, netuid),
            SubtensorStorage.SubnetOwner.Get(s, netuid),
            SubnetNaming.Name(s, netuid),
            SubnetNaming.Symbol(s, netuid),
            SubtensorStorage.Tempo.Get(s, netuid),
            lastStep,
            block - System.Math.Min(block, lastStep),
            Emission: taoInEmission,
            AlphaIn: SubtensorStorage.SubnetAlphaIn.Get(s, netuid),
            AlphaOut: SubtensorStorage.SubnetAlphaOut.Get(s, netuid),
            TaoIn: SubtensorStorage.SubnetTAO.Get(s, netuid),
            AlphaOutEmission: SubtensorStorage.SubnetAlphaOutEmission.Get(s, netuid),
            AlphaInEmission: SubtensorStorage.SubnetAlphaInEmission.Get(s, netuid),
            TaoInEmission: taoInEmission,
            PendingAlphaEmission: PendingAlpha(s, netuid),
            PendingRootEmission: 0,
            SubnetVolume: SubtensorStorage.SubnetVolume.Get(s, netuid),
            NetworkRegisteredAt: SubtensorStorage.NetworkRegisteredAt.Get(s, netuid),
            Price: model.Price(SubnetPools.Read(s, netuid)),
            MovingPrice: SubtensorStorage.SubnetMovingPrice.Get(s, netuid),
            QuoteWeight: model is WeightedPoolModel ? SubtensorStorage.SwapBalancer.Get(s, netuid) : null,
            PoolModel: PoolModelName(model),
            SubtokenEnabled: netuid.IsRoot || SubtensorStorage.SubtokenEnabled.Get(s, netuid),
            SubnetIdentity: SubnetNaming.Identity(s, netuid));
    }

    public IReadOnlyList<DynamicInfo> AllDynamic(IStateReader s, ulong block) => [.. AllSubnets(s).Select(n => Dynamic(s, n, block)!)];

    /// <summary>The coldkeys' identities in order (null where a coldkey has none): the metagraph's <c>identities</c>.</summary>
    public static ChainIdentity?[] ColdkeyIdentities(IStateReader s, IEnumerable<AccountId> coldkeys) =>
        [.. coldkeys.Select(c => SubnetNaming.ColdkeyIdentity(s, c))];

    /// <summary>Spot price (TAO per alpha) of a subnet; null when it does not exist.</summary>
    public Math.U64F64? Price(IStateReader s, NetUid netuid) => Exists(s, netuid) ? _pools.Price(s, netuid) : null;

    /// <summary><c>register_network</c>'s lock cost if it ran in block <paramref name="block"/>.</summary>
    public static ulong LockCost(IStateReader s, ulong block) => NetworkRegistration.CurrentLockCost(s, block);

    /// <summary>The current <c>burned_register</c> price of the subnet; null when it does not exist.</summary>
    public static ulong? BurnCost(IStateReader s, NetUid netuid) => Exists(s, netuid) ? SubtensorStorage.Burn.Get(s, netuid) : null;

    internal static ulong PendingAlpha(IStateReader s, NetUid netuid)
    {
        var v = SubtensorStorage.PendingValidatorEmission.Get(s, netuid);
        var m = SubtensorStorage.PendingServerEmission.Get(s, netuid);
        return v > ulong.MaxValue - m ? ulong.MaxValue : v + m;
    }

    private static string PoolModelName(IPoolModel model) => model switch
    {
        WeightedPoolModel => "weighted",
        ConstantProductPoolModel => "constant-product",
        _ => "stable",
    };
}
