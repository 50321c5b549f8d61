using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Queries;

/// <summary>Read models of stake (subtensor's <c>StakeInfoRuntimeApi</c> and <c>DelegateInfoRuntimeApi</c>).</summary>
public sealed class StakeQueries(EconomicsProfile profile)
{
    private readonly SubnetPools _pools = new(profile);

    /// <summary>Every (hotkey, netuid) position of the coldkey with stake &gt; 0, by hotkey order of staking, then netuid.</summary>
    public IReadOnlyList<StakeInfo> ForColdkey(IStateReader s, AccountId coldkey)
    {
        var result = new List<StakeInfo>();
        foreach (var hotkey in SubtensorStorage.StakingHotkeys.Get(s, coldkey))
        {
            var netuids = SubtensorStorage.Alpha.IteratePrefix(s, hotkey)
                .Where(e => e.Key2.Coldkey == coldkey).Select(e => e.Key2.Netuid).Distinct().OrderBy(n => n.Value);
            foreach (var netuid in netuids)
            {
                var stake = StakeLedger.Stake(s, hotkey, coldkey, netuid);
                if (stake == 0) continue;
                result.Add(new StakeInfo(
                    hotkey, coldkey, netuid.Value, stake,
                    ValueInTao: _pools.SpotValue(s, netuid, stake),
                    Locked: 0,
                    Emission: SubtensorStorage.AlphaDividendsPerSubnet.Get(s, netuid, hotkey),
                    TaoEmission: 0,
                    Drain: 0,
                    IsRegistered: SubtensorStorage.Uids.Contains(s, netuid, hotkey)));
            }
        }

        return result;
    }

    /// <summary>
    /// Every hotkey as a delegate. Decision: in dTAO any hotkey can be staked to, so every hotkey with an owner is
    /// listed (ordered by its storage key), with the take it would charge (the default when never set).
    /// </summary>
    public IReadOnlyList<DelegateInfo> Delegates(IStateReader s)
    {
        var subnets = SubnetQueries.AllSubnets(s);
        return [.. SubtensorStorage.Owner.Iterate(s).Select(e => Build(s, e.Key, e.Value, subnets))];
    }

    public DelegateInfo? Delegate(IStateReader s, AccountId hotkey) =>
        SubtensorStorage.Owner.TryGet(s, hotkey, out var owner) ? Build(s, hotkey, owner, SubnetQueries.AllSubnets(s)) : null;

    private static DelegateInfo Build(IStateReader s, AccountId hotkey, AccountId owner, IReadOnlyList<NetUid> subnets)
    {
        var stakes = new SortedDictionary<AccountId, List<NetuidAmount>>(Comparer<AccountId>.Create((a, b) => a.AsSpan().SequenceCompareTo(b.AsSpan())));
        var netuids = SubtensorStorage.Alpha.IteratePrefix(s, hotkey).Select(e => e.Key2.Netuid).Distinct().OrderBy(n => n.Value).ToList();
        foreach (var netuid in netuids)
            foreach (var (coldkey, value) in StakeLedger.Stakers(s, hotkey, netuid))
            {
                if (value == 0) continue;
                if (!stakes.TryGetValue(coldkey, out var list)) stakes[coldkey] = list = [];
                list.Add(new NetuidAmount(netuid.Value, value));
            }

        var registrations = new List<ushort>();
        var permits = new List<ushort>();
        foreach (var netuid in subnets)
        {
            if (!SubtensorStorage.Uids.TryGet(s, netuid, hotkey, out ushort uid)) continue;
            registrations.Add(netuid.Value);
            var p = SubtensorStorage.ValidatorPermit.Get(s, netuid);
            if (uid < p.Length && p[uid]) permits.Add(netuid.Value);
        }

        var totals = new List<NetuidAmount>();
        foreach (var netuid in subnets)
        {
            var v = SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, netuid);
            if (v > 0) totals.Add(new NetuidAmount(netuid.Value, v));
        }

        return new DelegateInfo(hotkey, owner, SubtensorStorage.Delegates.Get(s, hotkey),
            [.. stakes.Select(kv => new DelegateNominator(kv.Key, kv.Value))], [.. registrations], [.. permits], totals);
    }
}
