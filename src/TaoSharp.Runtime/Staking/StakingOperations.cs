using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// The staking state transitions of spec-dtao §3.5 and §5.2 on storage: the pool step is <see cref="StakeSwap"/>
/// (checks in the reference order), around it the account, hotkey and subnet checks, the share pools and the books
/// (<c>SubnetTAO</c>, <c>SubnetAlphaIn/Out</c>, <c>TotalStake</c>). Callers run each operation inside a storage
/// transaction (the executor does per extrinsic) so a refusal anywhere changes nothing.
/// </summary>
public sealed class StakingOperations(EconomicsProfile profile)
{
    public EconomicsProfile Profile { get; } = profile;

    public SubnetPools Pools { get; } = new(profile);

    /// <summary>
    /// <c>add_stake</c> / <c>add_stake_limit</c>; returns the alpha credited. Check order of validate_add_stake: subnet
    /// exists, subtoken enabled, minimum amount, slippage, balance, hotkey, then the simulated swap's checks.
    /// </summary>
    public ulong AddStake(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ulong tao, ulong? limit, bool allowPartial, EventLog? events)
    {
        EnsureSubnet(s, netuid);
        var free = TaoBalances.Free(s, coldkey).Rao;
        var hotkeyExists = SubtensorStorage.Owner.Contains(s, hotkey);
        if (free < tao || !hotkeyExists)
        {
            var pool = SubnetPools.Read(s, netuid);
            var model = Pools.ModelFor(s, netuid);
            if (AddStakeRefusalBeforeAccountChecks(pool, model, tao, limit, allowPartial) is { } early) throw new DispatchException(early);
            // With allow_partial the balance must cover only the part the limit admits.
            var needed = limit is { } l && allowPartial ? System.Math.Min(tao, model.MaxAmountUnderLimit(pool, SwapDirection.Buy, l).Amount) : tao;
            if (free < needed) throw new DispatchException(DispatchError.NotEnoughBalanceToStake);
            if (!hotkeyExists) throw new DispatchException(DispatchError.HotKeyAccountNotExists);
        }

        return StakeInto(s, coldkey, hotkey, netuid, tao, limit, allowPartial, events, free);
    }

    /// <summary>
    /// The refusal of <see cref="StakeSwap.AddStake"/> if it comes from a check the reference runs before the balance
    /// and hotkey checks (input size, limit, minimum amount with its fee, slippage); null if the pool step succeeds or
    /// fails only at a later check.
    /// </summary>
    private DispatchError? AddStakeRefusalBeforeAccountChecks(in PoolState pool, IPoolModel model, ulong tao, ulong? limit, bool allowPartial)
    {
        var outcome = new StakeSwap(Profile, model).AddStake(pool, new StakeSwapRequest(SwapDirection.Buy, tao, limit, allowPartial, 0));
        if (outcome.Swap.Error is not { } error) return null;
        if (error == DispatchError.SlippageTooHigh) return error;
        var minStake = Profile.DefaultMinStake;
        if (model is ConstantProductPoolModel)
            return error == DispatchError.AmountTooLow && tao < SafeMath.SaturatingAdd(minStake, Profile.FlatStakingFee) ? error : null;

        var dynamic = model is not StablePoolModel;
        if (dynamic && tao > SafeMath.SaturatingMul(pool.TaoReserve.Rao, SwapConfig.MaxInputReserveMultiplier)) return error;
        if (limit is { } l && model.MaxAmountUnderLimit(pool, SwapDirection.Buy, l).Error is { } maxError) return maxError;
        if (error != DispatchError.AmountTooLow) return null;
        var minSim = model.Swap(pool, SwapDirection.Buy, minStake, SwapConfig.LimitPrice(SwapConfig.MaxPriceRao), dropFees: false, simulate: true);
        var minFee = minSim.IsOk ? minSim.Result.FeePaid : WeightedPoolModel.Fee(pool.FeeRate, minStake, dropFees: !dynamic);
        return tao < SafeMath.SaturatingAdd(minStake, minFee) ? error : null;
    }

    /// <summary>
    /// <c>remove_stake</c> / <c>remove_stake_limit</c>; returns TAO paid out. As in the reference, only the plain form
    /// checks SubtokenDisabled (first of all) and clips α to the position; a limit order above the position fails with
    /// NotEnoughStakeToWithdraw. The hotkey check comes after the pool checks (amount, position, liquidity, slippage).
    /// </summary>
    public ulong RemoveStake(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ulong alpha, ulong? limit, bool allowPartial, EventLog? events)
    {
        if (limit is null) EnsureSubtoken(s, netuid);
        EnsureExists(s, netuid);
        if (!SubtensorStorage.Owner.Contains(s, hotkey))
        {
            // The pool checks run before the hotkey check: report their refusal if there is one. (Only the final,
            // non-simulated swap comes after the hotkey check; it fails only where its simulation already did.)
            var held = StakeLedger.Stake(s, hotkey, coldkey, netuid);
            var outcome = new StakeSwap(Profile, Pools.ModelFor(s, netuid))
                .RemoveStake(SubnetPools.Read(s, netuid), new StakeSwapRequest(SwapDirection.Sell, alpha, limit, allowPartial, held));
            outcome.Swap.Unwrap();
            throw new DispatchException(DispatchError.HotKeyAccountNotExists);
        }

        return UnstakeFrom(s, coldkey, hotkey, coldkey, netuid, alpha, limit, allowPartial, events);
    }

    /// <summary><c>remove_stake_full_limit</c>: the whole position through remove_stake_limit (with a limit) or
    /// remove_stake (without).</summary>
    public ulong RemoveFullStake(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ulong? limit, EventLog? events) =>
        RemoveStake(s, coldkey, hotkey, netuid, StakeLedger.Stake(s, hotkey, coldkey, netuid), limit, false, events);

    /// <summary><c>unstake_all</c>: every subtoken-enabled position of the coldkey on the hotkey, root included;
    /// positions that do not validate (e.g. worth less than the minimum) are left in place.</summary>
    public void UnstakeAll(StateOverlay s, AccountId coldkey, AccountId hotkey, EventLog? events)
    {
        EnsureHotkey(s, hotkey);
        foreach (var netuid in StakedSubnets(s, coldkey, hotkey))
            TryInTransaction(s, events, () =>
            {
                EnsureSubtoken(s, netuid);
                UnstakeFrom(s, coldkey, hotkey, coldkey, netuid, StakeLedger.Stake(s, hotkey, coldkey, netuid), null, false, events);
            });
    }

    /// <summary><c>unstake_all_alpha</c>: every non-root position sold, the TAO re-staked on root on the same hotkey.</summary>
    public void UnstakeAllAlpha(StateOverlay s, AccountId coldkey, AccountId hotkey, EventLog? events)
    {
        EnsureHotkey(s, hotkey);
        ulong total = 0;
        foreach (var netuid in StakedSubnets(s, coldkey, hotkey).Where(n => !n.IsRoot))
            TryInTransaction(s, events, () =>
            {
                EnsureSubtoken(s, netuid);
                total += UnstakeFrom(s, coldkey, hotkey, coldkey, netuid, StakeLedger.Stake(s, hotkey, coldkey, netuid), null, false, events);
            });
        if (total > 0) StakeInto(s, coldkey, hotkey, NetUid.Root, System.Math.Min(total, TaoBalances.Free(s, coldkey).Rao), null, false, events);
    }

    /// <summary><c>move_stake</c>: same coldkey, hotkey and/or subnet change.</summary>
    public void MoveStake(IStateAccess s, AccountId coldkey, AccountId originHotkey, AccountId destHotkey, NetUid origin, NetUid dest, ulong alpha, EventLog? events)
    {
        var tao = Transition(s, coldkey, coldkey, originHotkey, destHotkey, origin, dest, alpha, null, events);
        events?.Deposit(SubtensorEvents.Pallet, "StakeMoved", ("coldkey", coldkey.ToHex()), ("origin_hotkey", originHotkey.ToHex()),
            ("origin_netuid", origin.Value.ToString()), ("destination_hotkey", destHotkey.ToHex()), ("destination_netuid", dest.Value.ToString()), ("tao", tao.ToString()));
    }

    /// <summary><c>transfer_stake</c>: to another coldkey, same hotkey.</summary>
    public void TransferStake(IStateAccess s, AccountId coldkey, AccountId destColdkey, AccountId hotkey, NetUid origin, NetUid dest, ulong alpha, EventLog? events)
    {
        var tao = Transition(s, coldkey, destColdkey, hotkey, hotkey, origin, dest, alpha, null, events, checkTransferToggle: true);
        events?.Deposit(SubtensorEvents.Pallet, "StakeTransferred", ("origin_coldkey", coldkey.ToHex()), ("destination_coldkey", destColdkey.ToHex()),
            ("hotkey", hotkey.ToHex()), ("origin_netuid", origin.Value.ToString()), ("destination_netuid", dest.Value.ToString()), ("tao", tao.ToString()));
    }

    /// <summary><c>swap_stake</c> / <c>swap_stake_limit</c>: same hotkey and coldkey, different subnet.</summary>
    public void SwapStake(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid origin, NetUid dest, ulong alpha, ulong? limit, bool allowPartial, EventLog? events)
    {
        if (origin == dest) throw new DispatchException(DispatchError.SameNetuid);
        var tao = Transition(s, coldkey, coldkey, hotkey, hotkey, origin, dest, alpha, limit is { } l ? (l, allowPartial) : null, events);
        events?.Deposit(SubtensorEvents.Pallet, "StakeSwapped", ("coldkey", coldkey.ToHex()), ("hotkey", hotkey.ToHex()),
            ("origin_netuid", origin.Value.ToString()), ("destination_netuid", dest.Value.ToString()), ("tao", tao.ToString()));
    }

    /// <summary>
    /// <c>transition_stake_internal</c>: same subnet = pure share transfer (no swap, value ≥ min stake); otherwise sell
    /// on the origin, hand the TAO to the destination coldkey and buy on the destination. Returns the TAO moved.
    /// Decision: the limit of swap_stake_limit is checked as the pre-trade cross price P_origin/P_dest against the
    /// limit (fill-or-kill; allow_partial is not yet honoured with a partial amount).
    /// </summary>
    private ulong Transition(IStateAccess s, AccountId coldkey, AccountId destColdkey, AccountId originHotkey, AccountId destHotkey,
        NetUid origin, NetUid dest, ulong alpha, (ulong Limit, bool AllowPartial)? limit, EventLog? events, bool checkTransferToggle = false)
    {
        // validate_stake_transition order: both subnets exist, then both subtokens enabled, then both hotkeys.
        if (coldkey == destColdkey && originHotkey == destHotkey && origin == dest) throw new DispatchException(DispatchError.SameNetuid);
        EnsureExists(s, origin);
        EnsureExists(s, dest);
        EnsureSubtoken(s, origin);
        EnsureSubtoken(s, dest);
        EnsureHotkey(s, originHotkey);
        EnsureHotkey(s, destHotkey);
        if (alpha == 0) throw new DispatchException(DispatchError.AmountTooLow);
        var held = StakeLedger.Stake(s, originHotkey, coldkey, origin);
        if (held < alpha) throw new DispatchException(DispatchError.NotEnoughStakeToWithdraw);

        if (origin == dest)
        {
            if (checkTransferToggle) EnsureTransferAllowed(s, origin, dest);
            var value = Pools.SpotValue(s, origin, alpha);
            if (value < Profile.DefaultMinStake) throw new DispatchException(DispatchError.AmountTooLow);
            StakeLedger.Decrease(s, originHotkey, coldkey, origin, alpha);
            StakeLedger.Increase(s, destHotkey, destColdkey, dest, alpha);
            if (origin.IsRoot)
            {
                RootClaims.AdjustWatermarks(s, originHotkey, coldkey, alpha, added: false);
                RootClaims.AdjustWatermarks(s, destHotkey, destColdkey, alpha, added: true);
                // The reference indexes such a receiver only by its per-block Alpha sweep (not run here): index it now.
                StakingColdkeyIndex.MaybeAdd(s, destColdkey);
            }

            return value;
        }

        if (limit is { } l)
        {
            var cross = Pools.Price(s, origin).SafeDiv(Pools.Price(s, dest)).SaturatingMul(Math.U64F64.FromUInt(1_000_000_000)).SaturatingToU64();
            if (cross < l.Limit) throw new DispatchException(DispatchError.SlippageTooHigh);
        }

        if (checkTransferToggle) EnsureTransferAllowed(s, origin, dest);

        var tao = UnstakeFrom(s, coldkey, originHotkey, destColdkey, origin, alpha, null, false, events);
        if (tao <= Profile.DefaultMinStake) throw new DispatchException(DispatchError.AmountTooLow);
        StakeInto(s, destColdkey, destHotkey, dest, System.Math.Min(tao, TaoBalances.Free(s, destColdkey).Rao), null, false, events);
        return tao;
    }

    /// <summary><c>stake_into_subnet</c>: coldkey TAO → pool → alpha credited to (hotkey, coldkey).</summary>
    public ulong StakeInto(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ulong tao, ulong? limit, bool allowPartial, EventLog? events) =>
        StakeInto(s, coldkey, hotkey, netuid, tao, limit, allowPartial, events, TaoBalances.Free(s, coldkey).Rao);

    private ulong StakeInto(IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ulong tao, ulong? limit, bool allowPartial, EventLog? events, ulong free)
    {
        // The existential deposit is never staked: clip to the keep-alive reducible balance.
        var reducible = free > TaoBalances.ExistentialDeposit.Rao ? free - TaoBalances.ExistentialDeposit.Rao : 0;
        tao = System.Math.Min(tao, reducible);
        var before = SubnetPools.Read(s, netuid);
        var model = Pools.ModelFor(s, netuid);
        var outcome = new StakeSwap(Profile, model).AddStake(before, new StakeSwapRequest(SwapDirection.Buy, tao, limit, allowPartial, 0));
        var result = outcome.Swap.Unwrap();
        var after = outcome.PoolAfter;
        var gross = result.GrossPaidIn;
        var intoPool = after.TaoReserve.Rao - before.TaoReserve.Rao;
        var alpha = result.AmountPaidOut;
        if (alpha == 0) throw new DispatchException(DispatchError.AmountTooLow);

        TaoBalances.Withdraw(s, coldkey, new TaoBalance(gross), ExistenceRequirement.KeepAlive, events);
        WritePool(s, netuid, after);
        SubtensorStorage.SubnetAlphaOut.Mutate(s, netuid, v => v + System.Math.Min(ulong.MaxValue - v, alpha));
        SubtensorStorage.TotalStake.Mutate(s, v => v + System.Math.Min(ulong.MaxValue - v, gross));
        SubtensorStorage.SubnetVolume.Mutate(s, netuid, v => v + gross);
        // Fee TAO that did not enter the pool goes to the block author (burned without one).
        StakingAccounts.PayFee(s, gross - intoPool, events);
        StakeLedger.Increase(s, hotkey, coldkey, netuid, alpha);
        TaoFlowShares.Record(s, SubtensorStorage.SubnetTaoFlow, netuid, result.AmountPaidIn, inflow: true);
        if (netuid.IsRoot)
        {
            RootClaims.AdjustWatermarks(s, hotkey, coldkey, alpha, added: true);
            StakingColdkeyIndex.MaybeAdd(s, coldkey);
        }
        events?.Deposit(SubtensorEvents.Pallet, "StakeAdded", ("coldkey", coldkey.ToHex()), ("hotkey", hotkey.ToHex()),
            ("tao", gross.ToString()), ("alpha", alpha.ToString()), ("netuid", netuid.Value.ToString()), ("fee", result.FeePaid.ToString()));
        return alpha;
    }

    /// <summary><c>unstake_from_subnet</c>: alpha of (hotkey, coldkey) → pool → TAO to the beneficiary; returns the TAO.
    /// The subtoken check is the caller's: remove_stake_limit has none in the reference.</summary>
    public ulong UnstakeFrom(IStateAccess s, AccountId coldkey, AccountId hotkey, AccountId beneficiary, NetUid netuid, ulong alpha, ulong? limit, bool allowPartial, EventLog? events)
    {
        var held = StakeLedger.Stake(s, hotkey, coldkey, netuid);
        var before = SubnetPools.Read(s, netuid);
        var model = Pools.ModelFor(s, netuid);
        var outcome = new StakeSwap(Profile, model).RemoveStake(before, new StakeSwapRequest(SwapDirection.Sell, alpha, limit, allowPartial, held));
        var result = outcome.Swap.Unwrap();
        var after = outcome.PoolAfter;
        var launch = model is ConstantProductPoolModel;
        // Under the launch rules the fee is TAO kept by the pool; otherwise the fee is alpha the user also gives up.
        var alphaTaken = launch ? result.AmountPaidIn : result.GrossPaidIn;
        var alphaIntoPool = result.AmountPaidIn;
        var taoOut = result.AmountPaidOut;

        StakeLedger.Decrease(s, hotkey, coldkey, netuid, alphaTaken);
        if (netuid.IsRoot)
        {
            RootClaims.AdjustWatermarks(s, hotkey, coldkey, alphaTaken, added: false);
            StakingColdkeyIndex.OnRootUnstaked(s, coldkey);
        }
        WritePool(s, netuid, after);
        SubtensorStorage.SubnetAlphaOut.Mutate(s, netuid, v => v - System.Math.Min(v, alphaIntoPool));
        var feeTao = launch ? 0 : SellFeeForAuthor(s, model, netuid, alphaTaken - alphaIntoPool, events);
        SubtensorStorage.TotalStake.Mutate(s, v => v - System.Math.Min(v, taoOut));
        SubtensorStorage.SubnetVolume.Mutate(s, netuid, v => v + taoOut);
        StakingAccounts.PayOut(s, beneficiary, taoOut, events);
        TaoFlowShares.Record(s, SubtensorStorage.SubnetTaoFlow, netuid, taoOut + feeTao, inflow: false);
        events?.Deposit(SubtensorEvents.Pallet, "StakeRemoved", ("coldkey", coldkey.ToHex()), ("hotkey", hotkey.ToHex()),
            ("tao", taoOut.ToString()), ("alpha", alphaIntoPool.ToString()), ("netuid", netuid.Value.ToString()), ("fee", result.FeePaid.ToString()));
        return taoOut;
    }

    /// <summary>
    /// The unstake fee is alpha: with a block author it is sold fee-free into the same pool (at the minimum price) and
    /// the TAO paid to the author; without one, or if the sale fails, it stays minted and unowned (burned). Returns the
    /// fee TAO paid.
    /// </summary>
    private static ulong SellFeeForAuthor(IStateAccess s, IPoolModel model, NetUid netuid, ulong feeAlpha, EventLog? events)
    {
        if (feeAlpha == 0) return 0;
        if (StakingAccounts.Author(s) is not { } author)
        {
            StakeLedger.AddUnowned(s, netuid, feeAlpha);
            return 0;
        }

        var pool = SubnetPools.Read(s, netuid);
        var sale = model.Swap(pool, SwapDirection.Sell, feeAlpha, SwapConfig.LimitPrice(SwapConfig.MinPriceRao), dropFees: true, simulate: false);
        if (!sale.IsOk || sale.Result.AmountPaidOut == 0)
        {
            StakeLedger.AddUnowned(s, netuid, feeAlpha);
            return 0;
        }

        var r = sale.Result;
        WritePool(s, netuid, model.Apply(pool, SwapDirection.Sell, r));
        SubtensorStorage.SubnetAlphaOut.Mutate(s, netuid, v => v - System.Math.Min(v, r.AmountPaidIn));
        StakeLedger.AddUnowned(s, netuid, feeAlpha - r.AmountPaidIn);
        SubtensorStorage.TotalStake.Mutate(s, v => v - System.Math.Min(v, r.AmountPaidOut));
        StakingAccounts.PayOut(s, author, r.AmountPaidOut, events);
        return r.AmountPaidOut;
    }

    /// <summary>Writes reserves back; root keeps no alpha reserve (its alpha out mirrors SubnetTAO).</summary>
    private static void WritePool(IStateAccess s, NetUid netuid, PoolState after)
    {
        SubtensorStorage.SubnetTAO.Set(s, netuid, after.TaoReserve.Rao);
        if (!netuid.IsRoot) SubtensorStorage.SubnetAlphaIn.Set(s, netuid, after.AlphaReserve.Raw);
    }

    public static void EnsureSubnet(IStateReader s, NetUid netuid)
    {
        EnsureExists(s, netuid);
        EnsureSubtoken(s, netuid);
    }

    /// <summary>transfer_stake: the transfer toggle of both subnets, checked after the position and slippage.</summary>
    private static void EnsureTransferAllowed(IStateReader s, NetUid origin, NetUid dest)
    {
        if (!SubtensorStorage.TransferToggle.Get(s, origin) || !SubtensorStorage.TransferToggle.Get(s, dest))
            throw new DispatchException(DispatchError.TransferDisallowed);
    }

    private static void EnsureExists(IStateReader s, NetUid netuid)
    {
        if (!netuid.IsRoot && !SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
    }

    /// <summary><c>ensure_subtoken_enabled</c>; root is always enabled. A subnet that does not exist is disabled.</summary>
    private static void EnsureSubtoken(IStateReader s, NetUid netuid)
    {
        if (!netuid.IsRoot && !SubtensorStorage.SubtokenEnabled.Get(s, netuid)) throw new DispatchException(DispatchError.SubtokenDisabled);
    }

    public static void EnsureHotkey(IStateReader s, AccountId hotkey)
    {
        if (!SubtensorStorage.Owner.Contains(s, hotkey)) throw new DispatchException(DispatchError.HotKeyAccountNotExists);
    }

    private static List<NetUid> StakedSubnets(IStateReader s, AccountId coldkey, AccountId hotkey) =>
        SubtensorStorage.Alpha.IteratePrefix(s, hotkey).Where(e => e.Key2.Coldkey == coldkey).Select(e => e.Key2.Netuid).Distinct().ToList();

    private static void TryInTransaction(StateOverlay s, EventLog? events, Action action)
    {
        var checkpoint = events?.Checkpoint() ?? 0;
        s.BeginTransaction();
        try
        {
            action();
            s.CommitTransaction();
        }
        catch (DispatchException)
        {
            s.RollbackTransaction();
            events?.RollbackTo(checkpoint);
        }
    }
}
