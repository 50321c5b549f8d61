using TaoSharp.Primitives;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Queries;

/// <summary>A subnet's identity and registration settings (subtensor's <c>SubnetInfov2</c>; docs/rpc-domain.md).</summary>
/// <param name="Name">The identity's name, else the reference's fallback table entry.</param>
/// <param name="Symbol">The stored token symbol.</param>
/// <param name="Identity">The stored subnet identity, null when none is set.</param>
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
    ulong Difficulty,
    SubnetIdentity? Identity = null);
