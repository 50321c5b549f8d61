using System.Globalization;
using TaoSharp.Primitives;

namespace TaoSharp.Sdk.Queries;

// Typed forms of the node's domain JSON (docs/rpc-domain.md). Property names are the shapes' snake_case keys in
// PascalCase; accounts are SS58 strings as the node sends them; balances are TaoBalance (RAO) or AlphaBalance
// (alpha units, 10^9 per alpha); u16-normalised values stay raw u16 (divide by 65535 for display); fixed-point
// prices keep the node's exact decimal text next to the integer RAO form.

/// <summary>A served endpoint (all zeros when the neuron never served).</summary>
public sealed record AxonInfo(ulong Block, uint Version, string Ip, string IpInt, ushort Port, byte IpType, byte Protocol, byte Placeholder1, byte Placeholder2)
{
    public bool IsServing => IpInt != "0";

    /// <summary>The SDK's <c>/ipv4/1.2.3.4:8091</c> form.</summary>
    public string Address => string.Create(CultureInfo.InvariantCulture, $"/ipv{(IpType == 6 ? 6 : 4)}/{Ip}:{Port}");
}

/// <summary>
/// A subnet's identity (the chain's <c>SubnetIdentityV3</c>; UTF-8 text, invalid bytes shown as U+FFFD). Also the input
/// of <c>register_network_with_identity</c> and <c>set_subnet_identity</c>; empty strings are allowed everywhere.
/// </summary>
public sealed record SubnetIdentity(
    string SubnetName = "", string GithubRepo = "", string SubnetContact = "", string SubnetUrl = "", string Discord = "",
    string Description = "", string LogoUrl = "", string Additional = "");

/// <summary>A coldkey's identity (the chain's <c>ChainIdentityV2</c>); also the input of <c>set_identity</c>.</summary>
public sealed record ChainIdentity(
    string Name = "", string Url = "", string GithubRepo = "", string Image = "", string Discord = "", string Description = "",
    string Additional = "");

/// <param name="Name">The identity's name, else the chain's fallback name for the netuid.</param>
/// <param name="Symbol">The stored token symbol.</param>
/// <param name="Identity">The subnet identity, null when none is set.</param>
public sealed record SubnetInfo(
    ushort Netuid, string Name, string Symbol, string OwnerColdkey, string OwnerHotkey, ushort Tempo, ushort SubnetworkN,
    ushort MaxAllowedUids, ushort MaxAllowedValidators, TaoBalance Burn, ushort MinAllowedWeights, ushort ImmunityPeriod,
    ulong NetworkRegisteredAt, bool RegistrationAllowed, bool SubtokenEnabled, bool EmissionEnabled, ushort Kappa, ulong Difficulty,
    SubnetIdentity? Identity = null);

public sealed record SubnetHyperparams(
    ushort Rho, ushort Kappa, ushort ImmunityPeriod, ushort MinAllowedWeights, ushort MaxWeightsLimit, ushort Tempo,
    ulong MinDifficulty, ulong MaxDifficulty, ulong WeightsVersion, ulong WeightsRateLimit, ushort AdjustmentInterval,
    ulong ActivityCutoff, bool RegistrationAllowed, ushort TargetRegsPerInterval, TaoBalance MinBurn, TaoBalance MaxBurn,
    ulong BondsMovingAvg, ushort MaxRegsPerBlock, ulong ServingRateLimit, ushort MaxValidators, ulong AdjustmentAlpha,
    ulong Difficulty, ulong CommitRevealPeriod, bool CommitRevealWeightsEnabled, ushort AlphaHigh, ushort AlphaLow,
    bool LiquidAlphaEnabled, short AlphaSigmoidSteepness, bool Yuma3Enabled, bool BondsResetEnabled, bool SubnetIsActive,
    bool TransfersEnabled, ushort BondsPenalty, bool UserLiquidityEnabled, ushort BurnHalfLife, string BurnIncreaseMult,
    ushort MinNonImmuneUids, ushort OwnerImmuneNeuronLimit, ushort MaxAllowedUids);

/// <param name="Price">TAO per alpha, exact decimal text of the chain's fixed-point price.</param>
/// <param name="PriceRao">RAO per whole alpha (price × 10^9, floor).</param>
/// <param name="QuoteWeight">The balancer's TAO weight in Perquintill parts (null unless the pool is weighted).</param>
/// <param name="SubnetIdentity">The subnet identity, null when none is set.</param>
public sealed record DynamicInfo(
    ushort Netuid, string OwnerHotkey, string OwnerColdkey, string SubnetName, string TokenSymbol, ushort Tempo, ulong LastStep,
    ulong BlocksSinceLastStep, TaoBalance Emission, AlphaBalance AlphaIn, AlphaBalance AlphaOut, TaoBalance TaoIn,
    AlphaBalance AlphaOutEmission, AlphaBalance AlphaInEmission, TaoBalance TaoInEmission, AlphaBalance PendingAlphaEmission,
    TaoBalance PendingRootEmission, UInt128 SubnetVolume, ulong NetworkRegisteredAt, string Price, ulong PriceRao,
    string MovingPrice, string? QuoteWeight, string PoolModel, bool SubtokenEnabled, SubnetIdentity? SubnetIdentity = null)
{
    /// <summary>The price as a decimal (28 significant digits; display and client-side arithmetic only).</summary>
    public decimal PriceValue => DomainJson.ParseDecimal(Price);
}

/// <summary>One entry of a neuron's <c>stake</c> list.</summary>
public sealed record StakeEntry(string HotkeyOrColdkey, AlphaBalance Amount);

public record NeuronInfoLite(
    string Hotkey, string Coldkey, ushort Uid, ushort Netuid, bool Active, AxonInfo AxonInfo, IReadOnlyList<StakeEntry> Stake,
    AlphaBalance AlphaStake, TaoBalance TaoStake, TaoBalance TotalStake, ushort Rank, AlphaBalance Emission, ushort Incentive,
    ushort Consensus, ushort Trust, ushort ValidatorTrust, ushort Dividends, ulong LastUpdate, bool ValidatorPermit,
    ushort PruningScore, ulong BlockAtRegistration)
{
    /// <summary>The neuron's served Prometheus endpoint (zeros when never served); null from nodes that predate it.</summary>
    public PrometheusInfo? PrometheusInfo { get; init; }
}

/// <summary>A served Prometheus endpoint (<c>serve_prometheus</c>), as neuron info carries it.</summary>
public sealed record PrometheusInfo(ulong Block, uint Version, string Ip, string IpInt, ushort Port, byte IpType);

/// <summary>One <c>[uid, u16]</c> pair of a weight or bond row (a JSON array of two numbers on the wire).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WeightEntryConverter))]
public readonly record struct WeightEntry(ushort Uid, ushort Value);

/// <summary>A neuron with its non-zero weight and bond entries as <c>[uid, u16]</c> pairs.</summary>
public sealed record NeuronInfo(
    string Hotkey, string Coldkey, ushort Uid, ushort Netuid, bool Active, AxonInfo AxonInfo, IReadOnlyList<StakeEntry> Stake,
    AlphaBalance AlphaStake, TaoBalance TaoStake, TaoBalance TotalStake, ushort Rank, AlphaBalance Emission, ushort Incentive,
    ushort Consensus, ushort Trust, ushort ValidatorTrust, ushort Dividends, ulong LastUpdate, bool ValidatorPermit,
    ushort PruningScore, ulong BlockAtRegistration, WeightEntry[] Weights, WeightEntry[] Bonds)
    : NeuronInfoLite(Hotkey, Coldkey, Uid, Netuid, Active, AxonInfo, Stake, AlphaStake, TaoStake, TotalStake, Rank, Emission,
        Incentive, Consensus, Trust, ValidatorTrust, Dividends, LastUpdate, ValidatorPermit, PruningScore, BlockAtRegistration);

public sealed record SubnetState(
    ushort Netuid, string[] Hotkeys, string[] Coldkeys, bool[] Active, bool[] ValidatorPermit, ushort[] PruningScore,
    ulong[] LastUpdate, AlphaBalance[] Emission, ushort[] Dividends, ushort[] Incentives, ushort[] Consensus, ushort[] Trust,
    ushort[] Rank, ushort[] ValidatorTrust, ulong[] BlockAtRegistration, AlphaBalance[] AlphaStake, TaoBalance[] TaoStake,
    TaoBalance[] TotalStake);

public sealed record MetagraphPool(AlphaBalance AlphaIn, AlphaBalance AlphaOut, TaoBalance TaoIn, UInt128 SubnetVolume, string MovingPrice, string Price, ulong PriceRao);

public sealed record MetagraphEmissions(
    AlphaBalance AlphaOutEmission, AlphaBalance AlphaInEmission, TaoBalance TaoInEmission, AlphaBalance PendingAlphaEmission,
    TaoBalance PendingRootEmission, TaoBalance SubnetEmission);

/// <summary>
/// The node's metagraph answer. Every key is present in a full/lite answer; a selective answer has only
/// <see cref="Netuid"/>, <see cref="Block"/> and the requested keys, so the other members are null there.
/// <see cref="Weights"/>/<see cref="Bonds"/>: per uid, the non-zero <c>[uid, u16]</c> pairs (full only).
/// <see cref="Identity"/> is the subnet's identity, <see cref="Identities"/> per uid its coldkey's identity (or null).
/// </summary>
public sealed record MetagraphInfo(
    ushort Netuid, ulong Block, string? Name, string? Symbol, string? OwnerHotkey, string? OwnerColdkey, ulong? NetworkRegisteredAt,
    ushort? Tempo, ulong? LastStep, ulong? BlocksSinceLastStep, int? N, ushort? MaxUids, SubnetHyperparams? Hparams,
    MetagraphPool? Pool, MetagraphEmissions? Emissions, ushort[]? Uids, string[]? Hotkeys, string[]? Coldkeys, bool[]? Active,
    bool[]? ValidatorPermit, ulong[]? LastUpdate, ulong[]? BlockAtRegistration, ushort[]? Rank, ushort[]? Trust,
    ushort[]? Consensus, ushort[]? ValidatorTrust, ushort[]? Incentive, ushort[]? Dividends, AlphaBalance[]? Emission,
    ushort[]? PruningScore, AlphaBalance[]? AlphaStake, TaoBalance[]? TaoStake, TaoBalance[]? TotalStake, AxonInfo[]? Axons,
    WeightEntry[][]? Weights, WeightEntry[][]? Bonds, SubnetIdentity? Identity = null, ChainIdentity?[]? Identities = null);

/// <param name="Stake">Alpha on the subnet (TAO on netuid 0).</param>
/// <param name="ValueInTao">The stake's value at the spot price, without slippage.</param>
public sealed record StakeInfo(
    string Hotkey, string Coldkey, ushort Netuid, AlphaBalance Stake, TaoBalance ValueInTao, AlphaBalance Locked,
    AlphaBalance Emission, TaoBalance TaoEmission, AlphaBalance Drain, bool IsRegistered);

public sealed record NetuidAmount(ushort Netuid, AlphaBalance Amount);

public sealed record DelegateNominator(string Coldkey, IReadOnlyList<NetuidAmount> Stakes);

public sealed record DelegateInfo(
    string DelegateSs58, string OwnerSs58, ushort Take, IReadOnlyList<DelegateNominator> Nominators, ushort[] Registrations,
    ushort[] ValidatorPermits, IReadOnlyList<NetuidAmount> TotalStake);

/// <summary>
/// A simulated swap. For TAO→alpha, <see cref="AmountIn"/> and <see cref="Fee"/> are RAO and <see cref="AmountOut"/>
/// alpha units; for alpha→TAO the other way round.
/// </summary>
public sealed record SwapQuote(ulong AmountIn, ulong AmountOut, ulong Fee, TaoBalance TaoReserveAfter, AlphaBalance AlphaReserveAfter, string PriceAfter, ulong PriceAfterRao);

/// <summary>A subnet's spot price: exact decimal text and RAO per whole alpha.</summary>
public sealed record AlphaPrice(string Price, ulong PriceRao)
{
    public decimal Value => DomainJson.ParseDecimal(Price);
}

/// <summary>A child (or parent) hotkey with its proportion of u64::MAX.</summary>
public sealed record RelatedHotkey(ulong Proportion, string Hotkey);

public sealed record WeightCommitInfo(string Hash, ulong CommitBlock, ulong CommitEpoch, ulong RevealEpoch);
