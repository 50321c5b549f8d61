using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// <c>do_dissolve_network</c> (spec-dtao §6.4): the pool's TAO is shared pro rata to every staker's alpha value
/// (largest remainder for the leftover RAO); the protocol's weight (protocol alpha + pool alpha) is recycled;
/// root-claim state of the subnet is dropped without payout; the subnet's items are cleared.
/// </summary>
public static class NetworkDissolution
{
    /// <summary>Splits <paramref name="pot"/> by <paramref name="weights"/>: floors, then +1 in descending remainder order.</summary>
    public static ulong[] ProRata(ulong pot, IReadOnlyList<ulong> weights)
    {
        var total = weights.Aggregate(UInt128.Zero, (a, w) => a + w);
        var result = new ulong[weights.Count];
        if (total == UInt128.Zero) return result;
        var remainders = new (UInt128 Rem, int Index)[weights.Count];
        UInt128 assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var num = (System.Numerics.BigInteger)pot * weights[i];
            var q = System.Numerics.BigInteger.DivRem(num, (System.Numerics.BigInteger)total, out var rem);
            result[i] = (ulong)q;
            assigned += result[i];
            remainders[i] = ((UInt128)rem, i);
        }

        var left = (ulong)((UInt128)pot - assigned);
        foreach (var (_, i) in remainders.OrderByDescending(r => r.Rem).ThenBy(r => r.Index).Take((int)System.Math.Min(left, (ulong)weights.Count)))
            result[i]++;
        return result;
    }

    public static void Dissolve(IStateAccess s, NetUid netuid, EventLog? events)
    {
        if (netuid.IsRoot || !SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        var pot = SubtensorStorage.SubnetTAO.Get(s, netuid);

        var positions = new List<(AccountId Hotkey, AccountId Coldkey, ulong Value)>();
        var hotkeys = SubtensorStorage.TotalHotkeyAlpha.Iterate(s).Where(e => e.Key2 == netuid).Select(e => e.Key1).ToList();
        foreach (var h in hotkeys)
            foreach (var (c, v) in StakeLedger.Stakers(s, h, netuid))
                positions.Add((h, c, v));
        var weights = positions.Select(p => p.Value).ToList();
        weights.Add(SubtensorStorage.SubnetProtocolAlpha.Get(s, netuid) + SubtensorStorage.SubnetAlphaIn.Get(s, netuid));
        var shares = ProRata(pot, weights);
        for (var i = 0; i < positions.Count; i++) StakingAccounts.PayOut(s, positions[i].Coldkey, shares[i], events);
        StakingAccounts.RecycleTao(s, shares[^1]);
        SubtensorStorage.TotalStake.Mutate(s, v => v - System.Math.Min(v, pot));

        foreach (var h in hotkeys)
        {
            foreach (var key in SubtensorStorage.Alpha.IteratePrefix(s, h).Where(e => e.Key2.Netuid == netuid).Select(e => e.Key2).ToList())
                SubtensorStorage.Alpha.Remove(s, h, key);
            SubtensorStorage.TotalHotkeyAlpha.Remove(s, h, netuid);
            SubtensorStorage.TotalHotkeyShares.Remove(s, h, netuid);
        }

        foreach (var (h, _) in SubtensorStorage.RootClaimable.Iterate(s).Where(e => e.Key2 == netuid).Select(e => (e.Key1, e.Key2)).ToList())
            SubtensorStorage.RootClaimable.Remove(s, h, netuid);
        foreach (var (h, k) in SubtensorStorage.RootClaimed.Iterate(s).Where(e => e.Key2.Netuid == netuid).Select(e => (e.Key1, e.Key2)).ToList())
            SubtensorStorage.RootClaimed.Remove(s, h, k);

        ClearSubnetItems(s, netuid);
        ClearChildKeys(s, netuid);
        ClearIdentityAndSymbol(s, netuid, events);
        events?.Deposit(SubtensorEvents.Pallet, "NetworkRemoved", ("netuid", netuid.Value.ToString()));
    }

    /// <summary>The symbol is released for the next registration; an identity goes with an event, as in the reference
    /// (the owner-hotkey rate-limit block stays, as it does there).</summary>
    private static void ClearIdentityAndSymbol(IStateAccess s, NetUid n, EventLog? events)
    {
        SubtensorStorage.TokenSymbol.Remove(s, n);
        if (!SubtensorStorage.SubnetIdentitiesV3.Contains(s, n)) return;
        SubtensorStorage.SubnetIdentitiesV3.Remove(s, n);
        events?.Deposit(SubtensorEvents.Pallet, "SubnetIdentityRemoved", ("netuid", n.Value.ToString()));
    }

    /// <summary>Child keys, their schedules, childkey takes and per-subnet rate-limit blocks go with the subnet, so a reused
    /// netuid starts without relations inherited from the dissolved one.</summary>
    private static void ClearChildKeys(IStateAccess s, NetUid n)
    {
        foreach (var (h, _, _) in SubtensorStorage.ChildKeys.Iterate(s).Where(e => e.Key2 == n).ToList()) SubtensorStorage.ChildKeys.Remove(s, h, n);
        foreach (var (h, _, _) in SubtensorStorage.ParentKeys.Iterate(s).Where(e => e.Key2 == n).ToList()) SubtensorStorage.ParentKeys.Remove(s, h, n);
        foreach (var (h, _, _) in SubtensorStorage.ChildkeyTake.Iterate(s).Where(e => e.Key2 == n).ToList()) SubtensorStorage.ChildkeyTake.Remove(s, h, n);
        foreach (var (h, k, _) in SubtensorStorage.TransactionKeyLastBlock.Iterate(s).Where(e => e.Key2.Netuid == n).ToList())
            SubtensorStorage.TransactionKeyLastBlock.Remove(s, h, k);
        SubtensorStorage.PendingChildKeys.RemovePrefix(s, n);
        SubtensorStorage.MinChildkeyTakePerSubnet.Remove(s, n);
    }

    private static void ClearSubnetItems(IStateAccess s, NetUid n)
    {
        foreach (var item in new[]
                 {
                     SubtensorStorage.SubnetTAO, SubtensorStorage.SubnetAlphaIn, SubtensorStorage.SubnetAlphaOut, SubtensorStorage.SubnetProtocolAlpha,
                     SubtensorStorage.AlphaBurned, SubtensorStorage.PendingServerEmission, SubtensorStorage.PendingValidatorEmission,
                     SubtensorStorage.PendingRootAlphaDivs, SubtensorStorage.PendingOwnerCut, SubtensorStorage.FirstEmissionBlockNumber,
                     SubtensorStorage.RootAlphaUnclaimed, SubtensorStorage.SubnetLocked, SubtensorStorage.NetworkRegisteredAt,
                     SubtensorStorage.LastEpochBlock, SubtensorStorage.PendingEpochAt, SubtensorStorage.BlocksSinceLastStep,
                     SubtensorStorage.SubnetTaoInEmission, SubtensorStorage.SubnetAlphaInEmission, SubtensorStorage.SubnetAlphaOutEmission,
                     SubtensorStorage.SubnetExcessTao,
                 })
            item.Remove(s, n);
        SubtensorStorage.SubnetMovingPrice.Remove(s, n);
        SubtensorStorage.MinerBurned.Remove(s, n);
        SubtensorStorage.SwapBalancer.Remove(s, n);
        SubtensorStorage.FeeRate.Remove(s, n);
        SubtensorStorage.SubtokenEnabled.Remove(s, n);
        SubtensorStorage.SubnetEmissionEnabled.Remove(s, n);
        SubtensorStorage.NetworksAdded.Remove(s, n);
        SubtensorStorage.SubnetOwner.Remove(s, n);
        SubtensorStorage.SubnetOwnerHotkey.Remove(s, n);
        SubtensorStorage.SubnetMechanism.Remove(s, n);
        SubtensorStorage.Keys.RemovePrefix(s, n);
        SubtensorStorage.Uids.RemovePrefix(s, n);
        SubtensorStorage.BlockAtRegistration.RemovePrefix(s, n);
        // Served endpoints go with the subnet (the reference clears Axons, NeuronCertificates and Prometheus).
        SubtensorStorage.Axons.RemovePrefix(s, n);
        SubtensorStorage.NeuronCertificates.RemovePrefix(s, n);
        SubtensorStorage.Prometheus.RemovePrefix(s, n);
        SubtensorStorage.SubnetworkN.Remove(s, n);
        var idx = SubtensorStorage.MainIndex(n);
        SubtensorStorage.Weights.RemovePrefix(s, idx);
        SubtensorStorage.Bonds.RemovePrefix(s, idx);
        SubtensorStorage.Incentive.Remove(s, idx);
        SubtensorStorage.LastUpdate.Remove(s, idx);
        foreach (var item in new[] { SubtensorStorage.Active, SubtensorStorage.ValidatorPermit }) item.Remove(s, n);
        SubtensorStorage.Emission.Remove(s, n);
        foreach (var item in new[] { SubtensorStorage.Consensus, SubtensorStorage.Dividends, SubtensorStorage.ValidatorTrust, SubtensorStorage.StakeWeight })
            item.Remove(s, n);
        SubtensorStorage.TotalNetworks.Mutate(s, v => (ushort)(v == 0 ? 0 : v - 1));
    }
}
