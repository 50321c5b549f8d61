using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Queries;

/// <summary>A subnet's identity and registration settings (subtensor's <c>SubnetInfo</c>; docs/rpc-domain.md).</summary>
public sealed record SubnetInfo(
    ushort Netuid,
    string Name,
    string Symbol,
    AccountId OwnerColdkey,
    AccountId OwnerHotkey,
    ushort Tempo,
    ushort SubnetworkN,
    ushort MaxAllowedUids,
    ushort MaxAllowedValidators,
    ulong Burn,
    ushort MinAllowedWeights,
    ushort ImmunityPeriod,
    ulong NetworkRegisteredAt,
    bool RegistrationAllowed,
    bool SubtokenEnabled,
    bool EmissionEnabled,
    ushort Kappa,
    ulong Difficulty);
