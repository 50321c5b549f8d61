using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// <c>register_network</c> / <c>register_network_with_identity</c> (spec-dtao §6.1–§6.3, §6.6) and <c>start_call</c> (§6.5):
/// the lock cost, the pool seeded at the median price of the other subnets, pruning the lowest-EMA non-immune subnet when
/// the limit is reached, the token symbol and the optional identity.
/// </summary>
public sealed class NetworkRegistration(EconomicsProfile profile)
{
    private readonly SubnetPools _pools = new(profile);

    public static ulong CurrentLockCost(IStateReader s, ulong block) => LockCost.Compute(
        SubtensorStorage.NetworkLastLockCost.Get(s), SubtensorStorage.NetworkMinLockCost.Get(s),
        SubtensorStorage.NetworkLastRegistered.Get(s), block,
        LockCost.EffectiveReductionInterval(SubtensorStorage.NetworkLockReductionInterval.Get(s),
            BlockEmission.ForIssuance(SubtensorStorage.TotalIssuance.Get(s))));

    /// <summary>
    /// Registers a subnet owned by <paramref name="coldkey"/> (<c>register_network</c>, or
    /// <c>register_network_with_identity</c> when <paramref name="identity"/> is given); returns its netuid.
    /// </summary>
    public NetUid Register(IStateAccess s, AccountId coldkey, AccountId hotkey, ulong block, EventLog? events, SubnetIdentity? identity = null)
    {
        if (SubtensorStorage.Owner.TryGet(s, hotkey, out var owner) && owner != coldkey)
            throw new DispatchException(DispatchError.NonAssociatedColdKey);
        if (StakingAccounts.IsSystemAccount(hotkey)) throw new DispatchException(DispatchError.CannotUseSystemAccount);
        var last = SubtensorStorage.NetworkLastRegistered.Get(s);
        if (last != 0 && block - System.Math.Min(block, last) < SubtensorStorage.NetworkRateLimit.Get(s))
            throw new DispatchException(DispatchError.NetworkTxRateLimitExceeded);
        var lockCost = CurrentLockCost(s, block);
        if (TaoBalances.Free(s, coldkey).Rao < lockCost + TaoBalances.ExistentialDeposit.Rao)
            throw new DispatchException(DispatchError.CannotAffordLockCost);

        var subnets = CoinbaseBlockStep.AddedSubnets(s);
        var prune = subnets.Count >= SubtensorStorage.SubnetLimit.Get(s)
            ? NetworkPruning.SubnetToPrune(s, block) ?? throw new DispatchException(DispatchError.SubnetLimitReached)
            : (NetUid?)null;
        // The reference validates the identity last, after the subnet is built, and rolls everything back on failure;
        // every check between here and there cannot fail once the ones above passed, so checking now (before any
        // write) gives the same error in the same cases.
        if (identity is not null && !identity.IsValid) throw new DispatchException(DispatchError.InvalidIdentity);
        NetUid netuid;
        if (prune is { } pruned)
        {
            netuid = pruned;
            NetworkDissolution.Dissolve(s, netuid, events);
            subnets.Remove(netuid);
        }
        else
        {
            netuid = LowestFreeNetuid(s);
        }

        var median = MedianPrice(s, subnets);
        TaoBalances.Withdraw(s, coldkey, new TaoBalance(lockCost), ExistenceRequirement.KeepAlive, events);
        var poolTao = System.Math.Max(lockCost, SubtensorStorage.NetworkMinLockCost.Get(s));
        SubtensorStorage.SubnetTAO.Set(s, netuid, poolTao);
        SubtensorStorage.SubnetAlphaIn.Set(s, netuid, U64F64.FromUInt(poolTao).SafeDiv(median).SaturatingToU64());
        SubtensorStorage.SubnetAlphaOut.Set(s, netuid, 0);
        SubtensorStorage.SubnetLocked.Set(s, netuid, lockCost);
        SubtensorStorage.NetworkLastLockCost.Set(s, lockCost);
        SubtensorStorage.NetworkLastRegistered.Set(s, block);
        SubtensorStorage.NetworkRegisteredAt.Set(s, netuid, block);
        SubtensorStorage.TotalStake.Mutate(s, v => v + poolTao);

        SubtensorStorage.NetworksAdded.Set(s, netuid, true);
        SubtensorStorage.SubnetMechanism.Set(s, netuid, 1);
        SubtensorStorage.SubnetOwner.Set(s, netuid, coldkey);
        SubtensorStorage.Owner.Set(s, hotkey, coldkey);
        // After a pruned subnet's symbol was released, so a reused netuid gets its own table entry back when free.
        SubtensorStorage.TokenSymbol.Set(s, netuid, SubnetSymbols.NextAvailable(s, netuid));
        IdentityOperations.SetOwnerHotkey(s, netuid, hotkey, events);
        if (identity is not null)
        {
            SubtensorStorage.SubnetIdentitiesV3.Set(s, netuid, identity);
            events?.Deposit(SubtensorEvents.Pallet, "SubnetIdentitySet", ("netuid", netuid.Value.ToString()));
        }
        var tempo = SubtensorStorage.Tempo.Get(s, netuid);
        SubtensorStorage.LastEpochBlock.Set(s, netuid, tempo == 0 ? block : block - System.Math.Min(block, (ulong)(netuid.Value % tempo)));
        SubtensorStorage.MaxAllowedUids.Set(s, netuid, NewSubnetDefaults.MaxAllowedUids);
        SubtensorStorage.MaxAllowedValidators.Set(s, netuid, NewSubnetDefaults.MaxAllowedValidators);
        SubtensorStorage.MinAllowedWeights.Set(s, netuid, NewSubnetDefaults.MinAllowedWeights);
        SubtensorStorage.ImmunityPeriod.Set(s, netuid, NewSubnetDefaults.ImmunityPeriod);
        SubtensorStorage.Yuma3On.Set(s, netuid, NewSubnetDefaults.Yuma3On);
        SubtensorStorage.Burn.Set(s, netuid, NewSubnetDefaults.Burn);
        SubtensorStorage.SubnetEmissionEnabled.Set(s, netuid, false);
        SubtensorStorage.TotalNetworks.Mutate(s, v => (ushort)(v + 1));
        // The owner hotkey takes UID 0 without paying the neuron burn.
        RegisterOwnerNeuron(s, netuid, hotkey, block);
        ChildKeys.ScheduleRootValidatorsAsParents(s, _pools, netuid, block, events);
        events?.Deposit(SubtensorEvents.Pallet, "NetworkAdded", ("netuid", netuid.Value.ToString()), ("mechanism", "1"));
        return netuid;
    }

    /// <summary>UID 0 with every per-UID vector of length 1 (the layout <c>burned_register</c>'s append produces).</summary>
    private static void RegisterOwnerNeuron(IStateAccess s, NetUid netuid, AccountId hotkey, ulong block)
    {
        var idx = SubtensorStorage.MainIndex(netuid);
        SubtensorStorage.SubnetworkN.Set(s, netuid, 1);
        SubtensorStorage.Keys.Set(s, netuid, 0, hotkey);
        SubtensorStorage.Uids.Set(s, netuid, hotkey, 0);
        SubtensorStorage.BlockAtRegistration.Set(s, netuid, 0, block);
        SubtensorStorage.Active.Set(s, netuid, [true]);
        SubtensorStorage.Emission.Set(s, netuid, [0UL]);
        SubtensorStorage.Consensus.Set(s, netuid, [(ushort)0]);
        SubtensorStorage.Incentive.Set(s, idx, [(ushort)0]);
        SubtensorStorage.Dividends.Set(s, netuid, [(ushort)0]);
        SubtensorStorage.ValidatorTrust.Set(s, netuid, [(ushort)0]);
        SubtensorStorage.ValidatorPermit.Set(s, netuid, [false]);
        SubtensorStorage.LastUpdate.Set(s, idx, [block]);
    }

    /// <summary><c>start_call</c>: the owner opens emission and the subtoken once the start delay has passed.</summary>
    public static void StartCall(IStateAccess s, AccountId caller, NetUid netuid, ulong block, EventLog? events)
    {
        if (netuid.IsRoot || !SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        if (SubtensorStorage.SubnetOwner.Get(s, netuid) != caller) throw new DispatchException(DispatchError.NotSubnetOwner);
        if (SubtensorStorage.FirstEmissionBlockNumber.Contains(s, netuid)) throw new DispatchException(DispatchError.FirstEmissionBlockNumberAlreadySet);
        if (block < SubtensorStorage.NetworkRegisteredAt.Get(s, netuid) + SubtensorStorage.StartCallDelay.Get(s))
            throw new DispatchException(DispatchError.NeedWaitingMoreBlocksToStarCall);
        SubtensorStorage.FirstEmissionBlockNumber.Set(s, netuid, block + 1);
        SubtensorStorage.SubtokenEnabled.Set(s, netuid, true);
        events?.Deposit(SubtensorEvents.Pallet, "FirstEmissionBlockNumberSet", ("netuid", netuid.Value.ToString()), ("block", (block + 1).ToString()));
    }

    /// <summary>Median spot price of the given subnets with a price above 0 (mean of the two middle ones; 1.0 if none).</summary>
    public U64F64 MedianPrice(IStateReader s, IEnumerable<NetUid> subnets)
    {
        var prices = subnets.Where(n => !n.IsRoot).Select(n => _pools.Price(s, n)).Where(p => !p.IsZero).OrderBy(p => p.Bits).ToList();
        return Median(prices);
    }

    public static U64F64 Median(IReadOnlyList<U64F64> sortedPrices)
    {
        if (sortedPrices.Count == 0) return U64F64.One;
        var mid = sortedPrices.Count / 2;
        if (sortedPrices.Count % 2 == 1) return sortedPrices[mid];
        return sortedPrices[mid - 1].SaturatingAdd(sortedPrices[mid]).SafeDiv(U64F64.FromUInt(2));
    }

    private static NetUid LowestFreeNetuid(IStateReader s)
    {
        for (ushort v = 1; v < ushort.MaxValue; v++)
            if (!SubtensorStorage.NetworksAdded.Get(s, new NetUid(v))) return new NetUid(v);
        throw new DispatchException(DispatchError.SubnetLimitReached);
    }
}

/// <summary>§6.3: the non-immune subnet with the lowest EMA price (ties: registered earliest).</summary>
public static class NetworkPruning
{
    public static NetUid? SubnetToPrune(IStateReader s, ulong block)
    {
        var immunity = SubtensorStorage.NetworkImmunityPeriod.Get(s);
        return CoinbaseBlockStep.AddedSubnets(s)
            .Where(n => block >= SubtensorStorage.NetworkRegisteredAt.Get(s, n) + immunity)
            .OrderBy(n => SubtensorStorage.SubnetMovingPrice.Get(s, n).Bits)
            .ThenBy(n => SubtensorStorage.NetworkRegisteredAt.Get(s, n))
            .Select(n => (NetUid?)n)
            .FirstOrDefault();
    }
}
