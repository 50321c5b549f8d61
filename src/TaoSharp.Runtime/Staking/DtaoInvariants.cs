using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// <c>try_state</c>-style checks of the money books, for tests and the simulator (spec-dtao §1.3, §3.1, §5.1):
/// TAO is only where the books say (subtensor issuance = free balances + every pool's TAO), every subnet's alpha out
/// equals stake + pending buckets + unclaimed root dividends + protocol + unowned alpha, root alpha mirrors root TAO,
/// and every share pool's positions sum to its value within one unit per staker (floor rounding).
/// </summary>
public static class DtaoInvariants
{
    public static IReadOnlyList<string> Check(IStateReader s)
    {
        var errors = new List<string>();
        var netuids = SubtensorStorage.NetworksAdded.Iterate(s).Where(e => e.Value).Select(e => e.Key).Append(NetUid.Root).Distinct().ToList();

        UInt128 poolTao = 0;
        foreach (var n in netuids) poolTao += SubtensorStorage.SubnetTAO.Get(s, n);
        var expected = (UInt128)TaoBalances.TotalIssuance(s).Rao + poolTao;
        var issuance = SubtensorStorage.TotalIssuance.Get(s);
        if (expected != issuance)
            errors.Add($"TAO: TotalIssuance {issuance} != free balances {TaoBalances.TotalIssuance(s).Rao} + pool TAO {poolTao}");

        var stakeBySubnet = new Dictionary<NetUid, UInt128>();
        foreach (var (hotkey, netuid, value) in SubtensorStorage.TotalHotkeyAlpha.Iterate(s))
        {
            stakeBySubnet[netuid] = stakeBySubnet.GetValueOrDefault(netuid) + value;
            ulong sum = 0;
            var count = 0;
            foreach (var (_, v) in StakeLedger.Stakers(s, hotkey, netuid))
            {
                sum += v;
                count++;
            }

            if (sum > value || value - sum > (ulong)count)
                errors.Add($"share pool {hotkey.ToHex()}/{netuid.Value}: positions sum {sum}, value {value}, stakers {count}");
        }

        foreach (var n in netuids)
        {
            var outside = SubtensorStorage.SubnetAlphaOut.Get(s, n);
            var stake = stakeBySubnet.GetValueOrDefault(n);
            if (n.IsRoot)
            {
                if (stake != outside || outside != SubtensorStorage.SubnetTAO.Get(s, n))
                    errors.Add($"root: alpha out {outside}, stake {stake}, SubnetTAO {SubtensorStorage.SubnetTAO.Get(s, n)}");
                continue;
            }

            var accounted = stake
                + SubtensorStorage.PendingServerEmission.Get(s, n) + SubtensorStorage.PendingValidatorEmission.Get(s, n)
                + SubtensorStorage.PendingRootAlphaDivs.Get(s, n) + SubtensorStorage.PendingOwnerCut.Get(s, n)
                + SubtensorStorage.RootAlphaUnclaimed.Get(s, n) + SubtensorStorage.SubnetProtocolAlpha.Get(s, n)
                + SubtensorStorage.AlphaBurned.Get(s, n);
            if (accounted != outside) errors.Add($"subnet {n.Value}: alpha out {outside} != accounted {accounted} (stake {stake})");
        }

        return errors;
    }
}
