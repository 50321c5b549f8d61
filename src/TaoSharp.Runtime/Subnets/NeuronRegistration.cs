using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// <c>burned_register</c> / <c>register_limit</c> (spec-yuma §6): pay the current burn price, then append a UID or
/// replace the best prune candidate when the subnet is full, and bump the price.
/// </summary>
public sealed class NeuronRegistration(IRegistrationPayment payment)
{
    /// <summary>Registers <paramref name="hotkey"/> (owned by <paramref name="coldkey"/>) on the subnet; returns its UID.</summary>
    public ushort BurnedRegister(IStateAccess state, AccountId coldkey, NetUid netuid, AccountId hotkey, ulong block, ulong? limitPrice = null)
    {
        if (netuid.IsRoot) throw new DispatchException(DispatchError.RegistrationNotPermittedOnRootSubnet);
        if (!SubtensorStorage.NetworksAdded.Get(state, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        if (!SubtensorStorage.NetworkRegistrationAllowed.Get(state, netuid)) throw new DispatchException(DispatchError.SubNetRegistrationDisabled);
        if (SubtensorStorage.Uids.Contains(state, netuid, hotkey)) throw new DispatchException(DispatchError.HotKeyAlreadyRegisteredInSubNet);

        ulong burn = SubtensorStorage.Burn.Get(state, netuid);
        if (limitPrice is { } limit && burn > limit) throw new DispatchException(DispatchError.RegistrationPriceLimitExceeded);
        if (!payment.CanPay(state, coldkey, burn)) throw new DispatchException(DispatchError.NotEnoughBalanceToPayBurn);
        if (SubtensorStorage.Owner.TryGet(state, hotkey, out var existingOwner) && existingOwner != coldkey)
            throw new DispatchException(DispatchError.NonAssociatedColdKey);

        ushort maxUids = SubtensorStorage.MaxAllowedUids.Get(state, netuid);
        if (maxUids == 0) throw new DispatchException(DispatchError.NoNeuronIdAvailable);
        ushort n = SubtensorStorage.SubnetworkN.Get(state, netuid);
        ushort? replaced = null;
        if (n >= maxUids)
            replaced = NeuronPruning.UidToReplace(state, netuid, block) ?? throw new DispatchException(DispatchError.NoNeuronIdAvailable);

        payment.Pay(state, coldkey, netuid, burn);
        SubtensorStorage.Owner.Set(state, hotkey, coldkey);
        ushort uid = replaced is { } r ? Replace(state, netuid, r, hotkey, block) : Append(state, netuid, n, hotkey, block);
        RegistrationPrice.BumpAfterRegistration(state, netuid);
        SubtensorStorage.RegistrationsThisBlock.Mutate(state, netuid, c => (ushort)System.Math.Min(c + 1, ushort.MaxValue));
        return uid;
    }

    /// <summary>New UID n: every per-UID vector gets its default pushed (as the reference pushes, not writes at index).</summary>
    private static ushort Append(IStateAccess state, NetUid netuid, ushort n, AccountId hotkey, ulong block)
    {
        ushort uid = n;
        ushort idx = SubtensorStorage.MainIndex(netuid);
        SubtensorStorage.SubnetworkN.Set(state, netuid, (ushort)(n + 1));
        SubtensorStorage.Keys.Set(state, netuid, uid, hotkey);
        SubtensorStorage.Uids.Set(state, netuid, hotkey, uid);
        SubtensorStorage.BlockAtRegistration.Set(state, netuid, uid, block);
        SubtensorStorage.Active.Set(state, netuid, [.. SubtensorStorage.Active.Get(state, netuid), true]);
        SubtensorStorage.Emission.Set(state, netuid, [.. SubtensorStorage.Emission.Get(state, netuid), 0UL]);
        SubtensorStorage.Consensus.Set(state, netuid, [.. SubtensorStorage.Consensus.Get(state, netuid), (ushort)0]);
        SubtensorStorage.Incentive.Set(state, idx, [.. SubtensorStorage.Incentive.Get(state, idx), (ushort)0]);
        SubtensorStorage.Dividends.Set(state, netuid, [.. SubtensorStorage.Dividends.Get(state, netuid), (ushort)0]);
        SubtensorStorage.ValidatorTrust.Set(state, netuid, [.. SubtensorStorage.ValidatorTrust.Get(state, netuid), (ushort)0]);
        SubtensorStorage.ValidatorPermit.Set(state, netuid, [.. SubtensorStorage.ValidatorPermit.Get(state, netuid), false]);
        SubtensorStorage.LastUpdate.Set(state, idx, [.. SubtensorStorage.LastUpdate.Get(state, idx), block]);
        return uid;
    }

    /// <summary>
    /// Gives <paramref name="uid"/> to a new hotkey (spec-yuma §6.1): registration block and LastUpdate = now,
    /// outputs cleared, the old hotkey's axon, certificate and Prometheus endpoint removed, own weight and bond rows
    /// removed, other rows' weights on the UID set to 0 (entries kept).
    /// Other validators' bonds on the column stay; the epoch's registration mask drops them. Stake is not moved.
    /// </summary>
    public static ushort Replace(IStateAccess state, NetUid netuid, ushort uid, AccountId hotkey, ulong block)
    {
        ushort idx = SubtensorStorage.MainIndex(netuid);
        if (SubtensorStorage.Keys.TryGet(state, netuid, uid, out var oldHotkey))
        {
            SubtensorStorage.Uids.Remove(state, netuid, oldHotkey);
            // The endpoints belonged to the old neuron: the reference clears them so the UID does not advertise them.
            AxonServing.Forget(state, netuid, oldHotkey);
        }
        SubtensorStorage.Keys.Set(state, netuid, uid, hotkey);
        SubtensorStorage.Uids.Set(state, netuid, hotkey, uid);
        SubtensorStorage.BlockAtRegistration.Set(state, netuid, uid, block);
        WeightsCalls.SetLastUpdate(state, netuid, idx, uid, block);

        SetAt(state, SubtensorStorage.Active, netuid, uid, true);
        SetAt(state, SubtensorStorage.Emission, netuid, uid, 0UL);
        SetAt(state, SubtensorStorage.Consensus, netuid, uid, (ushort)0);
        SetAt(state, SubtensorStorage.Incentive, idx, uid, (ushort)0);
        SetAt(state, SubtensorStorage.Dividends, netuid, uid, (ushort)0);
        SetAt(state, SubtensorStorage.StakeWeight, netuid, uid, (ushort)0);
        SetAt(state, SubtensorStorage.ValidatorTrust, netuid, uid, (ushort)0);
        SetAt(state, SubtensorStorage.ValidatorPermit, netuid, uid, false);

        SubtensorStorage.Weights.Remove(state, idx, uid);
        SubtensorStorage.Bonds.Remove(state, idx, uid);
        int n = SubtensorStorage.SubnetworkN.Get(state, netuid);
        for (int other = 0; other < n; other++)
        {
            var row = SubtensorStorage.Weights.Get(state, idx, (ushort)other);
            bool changed = false;
            for (int k = 0; k < row.Length; k++)
                if (row[k].Uid == uid && row[k].Value != 0) { row[k] = (uid, 0); changed = true; }
            if (changed) SubtensorStorage.Weights.Set(state, idx, (ushort)other, row);
        }
        return uid;
    }

    /// <summary>Sets one entry of a per-UID vector if it exists (a shorter vector is left as is, like the reference's mutate).</summary>
    private static void SetAt<TKey, T>(IStateAccess state, StorageMap<TKey, T[]> item, TKey key, ushort uid, T value)
    {
        var v = item.Get(state, key);
        if (uid >= v.Length) return;
        v[uid] = value;
        item.Set(state, key, v);
    }
}

/// <summary><c>get_neuron_to_prune</c> (spec-yuma §6.4): which UID a registration on a full subnet replaces.</summary>
public static class NeuronPruning
{
    /// <summary>The UID to replace, or null when no candidate exists (the registration then fails).</summary>
    public static ushort? UidToReplace(IStateReader state, NetUid netuid, ulong block)
    {
        int n = SubtensorStorage.SubnetworkN.Get(state, netuid);
        var immortal = ImmuneOwnerUids(state, netuid, n);
        var emission = SubtensorStorage.Emission.Get(state, netuid);
        ushort immunityPeriod = SubtensorStorage.ImmunityPeriod.Get(state, netuid);

        (ulong Emission, ulong Registered, ushort Uid)? bestImmune = null, bestFree = null;
        int freeCount = 0;
        for (int uid = 0; uid < n; uid++)
        {
            ushort u = (ushort)uid;
            if (immortal.Contains(u)) continue;
            ulong registered = SubtensorStorage.BlockAtRegistration.Get(state, netuid, u);
            var key = (uid < emission.Length ? emission[uid] : 0UL, registered, u);
            bool immune = (block >= registered ? block - registered : 0) < immunityPeriod;
            if (immune)
            {
                if (bestImmune is null || key.CompareTo(bestImmune.Value) < 0) bestImmune = key;
            }
            else
            {
                freeCount++;
                if (bestFree is null || key.CompareTo(bestFree.Value) < 0) bestFree = key;
            }
        }
        if (freeCount > SubtensorStorage.MinNonImmuneUids.Get(state, netuid)) return bestFree!.Value.Uid;
        return bestImmune?.Uid;
    }

    /// <summary>
    /// The owner's never-replaced UIDs: hotkeys of the subnet-owner coldkey registered here, by (registration block, uid),
    /// with SubnetOwnerHotkey forced to the front, truncated to ImmuneOwnerUidsLimit.
    /// </summary>
    public static HashSet<ushort> ImmuneOwnerUids(IStateReader state, NetUid netuid, int n)
    {
        var result = new HashSet<ushort>();
        if (!SubtensorStorage.SubnetOwner.TryGet(state, netuid, out var ownerColdkey)) return result;
        int limit = SubtensorStorage.ImmuneOwnerUidsLimit.Get(state, netuid);
        var owned = new List<(ulong Registered, ushort Uid)>();
        for (int uid = 0; uid < n; uid++)
        {
            if (!SubtensorStorage.Keys.TryGet(state, netuid, (ushort)uid, out var hk)) continue;
            if (SubtensorStorage.Owner.TryGet(state, hk, out var ck) && ck == ownerColdkey)
                owned.Add((SubtensorStorage.BlockAtRegistration.Get(state, netuid, (ushort)uid), (ushort)uid));
        }
        owned.Sort();
        var ordered = owned.Select(o => o.Uid).Take(limit).ToList();
        if (SubtensorStorage.SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey)
            && SubtensorStorage.Uids.TryGet(state, netuid, ownerHotkey, out ushort ownerUid))
        {
            ordered.Remove(ownerUid);
            ordered.Insert(0, ownerUid);
        }
        foreach (ushort u in ordered.Take(limit)) result.Add(u);
        return result;
    }
}
