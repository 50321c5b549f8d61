using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// One stake position of a coldkey (subtensor's <c>StakeInfo</c>). <see cref="Stake"/> is alpha (TAO on root);
/// <see cref="ValueInTao"/> its value at the spot price without slippage. <see cref="Emission"/> is the hotkey's
/// alpha dividends of its last epoch on the subnet, as the reference reports it.
/// </summary>
public sealed record StakeInfo(
    AccountId Hotkey, AccountId Coldkey, ushort Netuid, ulong Stake, ulong ValueInTao, ulong Locked, ulong Emission, ulong TaoEmission, ulong Drain, bool IsRegistered);

/// <summary>A delegate (any hotkey in dTAO) with its take, nominators and per-subnet stake.</summary>
public sealed record DelegateInfo(
    AccountId Delegate,
    AccountId Owner,
    ushort Take,
    IReadOnlyList<DelegateNominator> Nominators,
    ushort[] Registrations,
    ushort[] ValidatorPermits,
    IReadOnlyList<NetuidAmount> TotalStake);

/// <summary>A coldkey staking to a delegate, with its stake per subnet.</summary>
public sealed record DelegateNominator(AccountId Coldkey, IReadOnlyList<NetuidAmount> Stakes);

/// <summary>An amount (alpha, or TAO on root) on one subnet.</summary>
public readonly record struct NetuidAmount(ushort Netuid, ulong Amount);
