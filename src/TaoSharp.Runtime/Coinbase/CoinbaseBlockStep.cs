using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// subtensor's <c>block_step</c> money part (spec-dtao §2.1): mint E, split it across the emission set, inject and
/// chain-buy per subnet in the order of §2.5.1, split alpha_out into the pending buckets (§2.6), recycle the unspent
/// credit, run the due epochs (§4.1) and then update the EMA prices (after they were used).
/// </summary>
public sealed class CoinbaseBlockStep(CoinbaseSettings settings)
{
    private readonly SubnetPools _pools = new(settings.Profile);
    private readonly EpochSchedule _epochs = new(new EmissionDistribution(settings.Profile));

    public CoinbaseSettings Settings { get; } = settings;

    /// <summary>Runs the step for <paramref name="block"/>; returns the netuids whose epoch ran.</summary>
    public IReadOnlyList<NetUid> Run(IStateAccess s, ulong block, EventLog? events)
    {
        var totalIssuance = SubtensorStorage.TotalIssuance.Get(s);
        // Decision: the cap is measured on subtensor's counter; our balances ledger excludes staked TAO, so its
        // issuance is not the reference's balances issuance.
        var minted = BlockEmission.MintForBlock(totalIssuance, totalIssuance);
        SubtensorStorage.TotalIssuance.Set(s, totalIssuance + minted);
        var credit = minted;

        var subnets = AddedSubnets(s);
        // Usually empty: only subnets whose root claims sold this block have an entry.
        foreach (var (n, _) in SubtensorStorage.SubnetRootSellTao.Iterate(s).ToList()) SubtensorStorage.SubnetRootSellTao.Remove(s, n);
        var emitSet = subnets.Where(n => IsEligible(s, n)).ToList();
        var candidates = emitSet.Select(n => new EmissionCandidate(
            SubtensorStorage.SubnetMovingPrice.Get(s, n).ToU64F64(),
            SubtensorStorage.MinerBurned.Get(s, n),
            SubtensorStorage.SubnetEmissionEnabled.Get(s, n))).ToList();
        var emissions = TaoEmissions(s, emitSet, candidates, minted, block);
        var rootSell = EmissionShares.RootSellFlag(candidates.Select(c => c.MovingPrice));

        var rootTao = SubtensorStorage.SubnetTAO.Get(s, NetUid.Root);
        var taoWeight = SubtensorStorage.TaoWeight.Get(s);
        for (var k = 0; k < emitSet.Count; k++)
            credit -= EmitToSubnet(s, emitSet[k], emissions[k], rootSell, credit, rootTao, taoWeight);

        StakingAccounts.RecycleTao(s, credit);

        var ran = _epochs.RunDue(s, subnets, block, events);

        foreach (var n in emitSet) UpdateMovingPrice(s, n, block);

        // §2.1 step 7: scheduled child keys apply on subnets whose epoch slot fired this block.
        // (The reference tests LastEpochBlock == block, i.e. the subnets whose epoch slot was consumed: exactly `ran`.)
        foreach (var n in ran) ChildKeys.ApplyPending(s, n, block, events);
        return ran;
    }

    private U96F32[] TaoEmissions(IStateAccess s, List<NetUid> emitSet, List<EmissionCandidate> candidates, ulong minted, ulong block)
    {
        var e = U96F32.FromUInt(minted);
        if (Settings.ShareRule == EmissionShareRule.TaoFlow)
            return EmissionShares.SubnetBlockEmissions(candidates, TaoFlowShares.Compute(s, emitSet, block), e);
        if (Settings.ShareRule == EmissionShareRule.LaunchPriceShares)
            return EmissionShares.PriceShares(candidates).Select(sh => e.ToU64F64().SaturatingMul(sh).ToU96F32()).ToArray();
        return EmissionShares.SubnetBlockEmissions(candidates, e);
    }

    /// <summary>Injection, chain buy and the alpha_out split of one subnet; returns the TAO credit spent.</summary>
    private ulong EmitToSubnet(IStateAccess s, NetUid n, U96F32 taoEmission, bool rootSell, ulong creditLeft, ulong rootTao, ulong taoWeight)
    {
        var pool = SubnetPools.Read(s, n);
        var model = _pools.ModelFor(s, n);
        var alphaOutBefore = SubtensorStorage.SubnetAlphaOut.Get(s, n);
        var alphaEmission = BlockEmission.AlphaForSubnet(pool.AlphaReserve.Raw, alphaOutBefore);
        var terms = SubnetTerms.Compute(taoEmission, alphaEmission, model.Price(pool), RootProportion.Compute(rootTao, taoWeight, pool.AlphaReserve.Raw + alphaOutBefore));
        ulong spent = 0;

        // 1. Protocol liquidity: new weights keep the price as if both amounts were added; refused → nothing injected.
        var taoIn = terms.TaoIn.SaturatingToU64();
        var alphaIn = terms.AlphaIn.SaturatingToU64();
        var weights = pool.QuoteWeight;
        if (model is WeightedPoolModel && (taoIn > 0 || alphaIn > 0))
        {
            if (BalancerMath.WeightAfterAddedLiquidity(pool.QuoteWeight, pool.TaoReserve.Rao, pool.AlphaReserve.Raw, taoIn, alphaIn) is { } w)
            {
                weights = w;
                SubtensorStorage.SwapBalancer.Set(s, n, w);
            }
            else
            {
                taoIn = 0;
                alphaIn = 0;
            }
        }

        // 2.
        SubtensorStorage.SubnetExcessTao.Set(s, n, 0);
        SubtensorStorage.SubnetTaoInEmission.Set(s, n, 0);

        // 3. Chain buy with the excess: fee-free, old reserves, new weights.
        var excess = System.Math.Min(terms.ExcessTao.SaturatingToU64(), creditLeft);
        if (excess > 0)
        {
            var buyPool = pool with { QuoteWeight = weights };
            var swap = model.Swap(buyPool, SwapDirection.Buy, excess, SwapConfig.LimitPrice(SwapConfig.MaxPriceRao), dropFees: true, simulate: false);
            if (swap.IsOk && swap.Result.AmountPaidOut > 0)
            {
                var r = swap.Result;
                SubtensorStorage.SubnetTAO.Mutate(s, n, v => v + r.AmountPaidIn);
                SubtensorStorage.SubnetAlphaIn.Mutate(s, n, v => v - System.Math.Min(v, r.AmountPaidOut));
                SubtensorStorage.SubnetAlphaOut.Mutate(s, n, v => v + r.AmountPaidOut);
                SubtensorStorage.SubnetProtocolAlpha.Mutate(s, n, v => v + r.AmountPaidOut);
                SubtensorStorage.SubnetExcessTao.Set(s, n, r.AmountPaidIn);
                SubtensorStorage.TotalStake.Mutate(s, v => v + r.AmountPaidIn);
                TaoFlowShares.Record(s, SubtensorStorage.SubnetProtocolFlow, n, r.AmountPaidIn, inflow: true);
                spent += r.AmountPaidIn;
            }
            // Decision: a failed chain buy leaves its TAO in the credit, which is recycled (the reference strands it
            // in the subnet account outside SubnetTAO).
        }

        // 4. Alpha injection.
        SubtensorStorage.SubnetAlphaInEmission.Set(s, n, alphaIn);
        SubtensorStorage.SubnetAlphaIn.Mutate(s, n, v => v + alphaIn);

        // 5. TAO injection, bounded by what is left of the minted credit.
        taoIn = System.Math.Min(taoIn, creditLeft - spent);
        if (taoIn > 0)
        {
            SubtensorStorage.SubnetTAO.Mutate(s, n, v => v + taoIn);
            SubtensorStorage.TotalStake.Mutate(s, v => v + taoIn);
            SubtensorStorage.SubnetTaoInEmission.Set(s, n, taoIn);
            TaoFlowShares.Record(s, SubtensorStorage.SubnetProtocolFlow, n, taoIn, inflow: true);
            spent += taoIn;
        }

        // §2.6 alpha_out split; rootProp recomputed live after the injection.
        SubtensorStorage.SubnetAlphaOut.Mutate(s, n, v => v + alphaEmission);
        SubtensorStorage.SubnetAlphaOutEmission.Set(s, n, alphaEmission);
        var split = PendingEmissionSplit.Compute(U96F32.FromUInt(alphaEmission), SubtensorStorage.SubnetOwnerCut.Get(s),
            SubtensorStorage.OwnerCutEnabled.Get(s, n),
            RootProportion.Compute(rootTao, taoWeight, SubtensorStorage.SubnetAlphaIn.Get(s, n) + SubtensorStorage.SubnetAlphaOut.Get(s, n)), rootSell);
        SubtensorStorage.PendingOwnerCut.Mutate(s, n, v => v + split.OwnerCut);
        SubtensorStorage.PendingServerEmission.Mutate(s, n, v => v + split.Server);
        SubtensorStorage.PendingValidatorEmission.Mutate(s, n, v => v + split.Validator);
        if (split.RootAlphaPending) SubtensorStorage.PendingRootAlphaDivs.Mutate(s, n, v => v + split.RootAlpha);
        else SubtensorStorage.SubnetAlphaOut.Mutate(s, n, v => v - System.Math.Min(v, split.RootAlpha));
        var assigned = split.OwnerCut + split.Server + split.Validator + split.RootAlpha;
        StakeLedger.AddUnowned(s, n, alphaEmission - System.Math.Min(alphaEmission, assigned));
        return spent;
    }

    private void UpdateMovingPrice(IStateAccess s, NetUid n, ulong block)
    {
        var first = SubtensorStorage.FirstEmissionBlockNumber.TryGet(s, n, out var f) ? f : (ulong?)null;
        var next = MovingPrice.Next(SubtensorStorage.SubnetMovingPrice.Get(s, n), _pools.Price(s, n), SubtensorStorage.SubnetMovingAlpha.Get(s),
            MovingPrice.BlocksSinceStartCall(block, first), SubtensorStorage.EMAPriceHalvingBlocks.Get(s, n));
        SubtensorStorage.SubnetMovingPrice.Set(s, n, next);
    }

    /// <summary>rootProp_i = tw·R / (tw·R + αIssuance_i).</summary>
    public static U96F32 RootProp(IStateReader s, NetUid n) => RootProportion.Compute(
        SubtensorStorage.SubnetTAO.Get(s, NetUid.Root), SubtensorStorage.TaoWeight.Get(s),
        SubtensorStorage.SubnetAlphaIn.Get(s, n) + SubtensorStorage.SubnetAlphaOut.Get(s, n));

    /// <summary>§2.2: started, subtoken enabled and registration allowed.</summary>
    public static bool IsEligible(IStateReader s, NetUid n) =>
        !n.IsRoot && SubtensorStorage.FirstEmissionBlockNumber.Contains(s, n)
        && SubtensorStorage.SubtokenEnabled.Get(s, n) && SubtensorStorage.NetworkRegistrationAllowed.Get(s, n);

    /// <summary>Added non-root netuids in ascending order.</summary>
    public static List<NetUid> AddedSubnets(IStateReader s) =>
        SubtensorStorage.NetworksAdded.Iterate(s).Where(e => e.Value && !e.Key.IsRoot).Select(e => e.Key).OrderBy(n => n.Value).ToList();
}
