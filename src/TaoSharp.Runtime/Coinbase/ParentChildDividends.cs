using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// <c>get_parent_child_dividends_distribution</c> (spec-dtao §4.4): a validator's dividend D is shared with the parents
/// that lend it stake, in proportion to (alpha + tw·root)·p of each parent against the validator's own remaining
/// contribution (floored to u64, as the reference does). From a parent of another coldkey the child keeps its
/// childkey take and CK burn is recycled; the child gets what is left plus the takes. All U96F32, floored per payee.
/// </summary>
public static class ParentChildDividends
{
    /// <summary>(hotkey, dividend) for every parent of <paramref name="hotkey"/> and, last, the hotkey itself.</summary>
    public static List<(AccountId Hotkey, ulong Amount)> Distribute(IStateAccess s, AccountId hotkey, NetUid n, ulong dividend, ref ulong ckBurned)
    {
        var result = new List<(AccountId, ulong)>();
        var validating = U96F32.FromUInt(dividend);
        var remaining = validating;
        var burnProportion = ChildKeys.Normalize(SubtensorStorage.CKBurn.Get(s));
        var takeProportion = U96F32.FromUInt(ChildkeyTakes.Get(s, hotkey, n)).SafeDiv(U96F32.FromUInt(ushort.MaxValue));
        var childOwner = SubtensorStorage.Owner.Get(s, hotkey);
        var tw = RootProportion.TaoWeight(SubtensorStorage.TaoWeight.Get(s));

        var total = U96F32.FromUInt(SelfContribution(s, hotkey, n, tw));
        var contributions = new List<(AccountId Parent, U96F32 Contribution)>();
        foreach (var (p, parent) in SubtensorStorage.ParentKeys.Get(s, hotkey, n))
        {
            var proportion = ChildKeys.Normalize(p);
            var alpha = U96F32.FromUInt(SubtensorStorage.TotalHotkeyAlpha.Get(s, parent, n)).SaturatingMul(proportion);
            var root = U96F32.FromUInt(SubtensorStorage.TotalHotkeyAlpha.Get(s, parent, NetUid.Root)).SaturatingMul(proportion).SaturatingMul(tw);
            var combined = alpha.SaturatingAdd(root);
            total = total.SaturatingAdd(combined);
            contributions.Add((parent, combined));
        }

        var childTake = U96F32.Zero;
        foreach (var (parent, contribution) in contributions)
        {
            var factor = contribution.CheckedDiv(total) ?? U96F32.Zero;
            var emission = validating.SaturatingMul(factor);
            remaining = remaining.SaturatingSub(emission);
            if (SubtensorStorage.Owner.Get(s, parent) != childOwner)
            {
                var burn = burnProportion.SaturatingMul(emission);
                var take = takeProportion.SaturatingMul(emission);
                emission = emission.SaturatingSub(burn).SaturatingSub(take);
                childTake = childTake.SaturatingAdd(take);
                var burned = burn.SaturatingToU64();
                if (burned > 0)
                {
                    SubtensorStorage.SubnetAlphaOut.Mutate(s, n, v => v - System.Math.Min(v, burned));
                    ckBurned += burned;
                }
            }

            result.Add((parent, emission.SaturatingToU64()));
        }

        result.Add((hotkey, remaining.SaturatingAdd(childTake).SaturatingToU64()));
        return result;
    }

    /// <summary><c>get_self_contribution</c>: ⌊(alpha + root·tw)·(1 − Σ child proportions)⌋ of the hotkey on the subnet.</summary>
    public static ulong SelfContribution(IStateReader s, AccountId hotkey, NetUid n, U96F32 tw)
    {
        var keep = U96F32.One;
        foreach (var (p, _) in SubtensorStorage.ChildKeys.Get(s, hotkey, n))
            keep = keep.SaturatingSub(ChildKeys.Normalize(p));
        var alpha = U96F32.FromUInt(SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, n)).SaturatingMul(keep);
        var root = U96F32.FromUInt(SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, NetUid.Root)).SaturatingMul(keep).SaturatingMul(tw);
        return alpha.SaturatingAdd(root).SaturatingToU64();
    }
}

/// <summary>
/// <c>calculate_dividend_distribution</c> (spec-dtao §4.5): each hotkey's dividend d splits into a root part
/// d·tw·ρ/(α + tw·ρ) and an alpha part by its own stakes; the validator pool and the pending root alpha are then
/// shared in proportion to those parts (U96F32, unfloored; the payer floors).
/// </summary>
public readonly record struct DividendSplit(
    IReadOnlyList<(AccountId Hotkey, U96F32 Amount)> Alpha,
    IReadOnlyList<(AccountId Hotkey, U96F32 Amount)> Root)
{
    public static DividendSplit Compute(IStateReader s, NetUid n, IEnumerable<KeyValuePair<AccountId, U96F32>> dividends, ulong validatorPool, ulong pendingRoot)
    {
        var tw = RootProportion.TaoWeight(SubtensorStorage.TaoWeight.Get(s));
        var stakes = dividends.Select(e => (e.Key, e.Value,
            SubtensorStorage.TotalHotkeyAlpha.Get(s, e.Key, n), SubtensorStorage.TotalHotkeyAlpha.Get(s, e.Key, NetUid.Root))).ToList();
        return Compute(stakes, tw, validatorPool, pendingRoot);
    }

    /// <summary>The pure part, on (hotkey, dividend, own alpha, own root stake) in the order given.</summary>
    public static DividendSplit Compute(IReadOnlyList<(AccountId Hotkey, U96F32 Dividend, ulong Alpha, ulong Root)> stakes, U96F32 tw, ulong validatorPool, ulong pendingRoot)
    {
        var alphaParts = new U96F32[stakes.Count];
        var rootParts = new U96F32[stakes.Count];
        U96F32 alphaSum = U96F32.Zero, rootSum = U96F32.Zero;
        for (var i = 0; i < stakes.Count; i++)
        {
            var (_, d, a, r) = stakes[i];
            var rootAlpha = U96F32.FromUInt(r).SaturatingMul(tw);
            var totalAlpha = U96F32.FromUInt(a).SaturatingAdd(rootAlpha);
            var rootProp = rootAlpha.CheckedDiv(totalAlpha) ?? U96F32.Zero;
            rootParts[i] = d.SaturatingMul(rootProp);
            alphaParts[i] = d.SaturatingSub(rootParts[i]);
            alphaSum = alphaSum.SaturatingAdd(alphaParts[i]);
            rootSum = rootSum.SaturatingAdd(rootParts[i]);
        }

        var alpha = new List<(AccountId, U96F32)>(stakes.Count);
        var root = new List<(AccountId, U96F32)>(stakes.Count);
        var pool = U96F32.FromUInt(validatorPool);
        var pendingRootAlpha = U96F32.FromUInt(pendingRoot);
        for (var i = 0; i < stakes.Count; i++)
        {
            root.Add((stakes[i].Hotkey, pendingRootAlpha.SaturatingMul(rootParts[i].CheckedDiv(rootSum) ?? U96F32.Zero)));
            alpha.Add((stakes[i].Hotkey, pool.SaturatingMul(alphaParts[i].CheckedDiv(alphaSum) ?? U96F32.Zero)));
        }

        return new DividendSplit(alpha, root);
    }
}
