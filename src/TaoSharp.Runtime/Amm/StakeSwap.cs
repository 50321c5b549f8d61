using TaoSharp.Math;

namespace TaoSharp.Runtime.Amm;

/// <summary>A stake or unstake request as the extrinsics receive it (spec-dtao §5.2).</summary>
/// <param name="Amount">TAO to stake (buy) or alpha to unstake (sell), fee included.</param>
/// <param name="LimitRaoPerAlpha">The <c>_limit</c> forms' price limit (RAO per α); null for plain add/remove_stake.</param>
/// <param name="AllowPartial">Fill up to the limit instead of refusing (<c>_limit</c> forms only).</param>
/// <param name="StakeHeld">For unstaking: the caller's current alpha on (hotkey, subnet); decides whether the
/// position is closed (then the minimum-stake check is skipped). Ignored for staking.</param>
public readonly record struct StakeSwapRequest(SwapDirection Direction, ulong Amount, ulong? LimitRaoPerAlpha, bool AllowPartial, ulong StakeHeld);

/// <summary>The pool step of a stake operation and the pool after it.</summary>
public readonly record struct StakeSwapOutcome(SwapOutcome Swap, PoolState PoolAfter)
{
    public bool IsOk => Swap.IsOk;
}

/// <summary>
/// The pool-facing part of <c>add_stake[_limit]</c> / <c>remove_stake[_limit]</c> as a pure function: the same checks
/// in the same order as the reference (spec-dtao §3.5, §5.3), without the account/hotkey/balance/lock checks that
/// need storage — the staking extrinsics run those around this path. Root and stable subnets use
/// <see cref="StablePoolModel"/>; the launch profile applies the launch rules (flat fee, strict minimum on unstake).
/// </summary>
public sealed class StakeSwap(EconomicsProfile profile, IPoolModel model)
{
    public EconomicsProfile Profile { get; } = profile;

    public IPoolModel Model { get; } = model;

    /// <summary>Stake path for a dynamic subnet under the profile's pool model.</summary>
    public static StakeSwap ForDynamicSubnet(EconomicsProfile profile) => new(profile, profile.DynamicPool());

    private bool IsDynamic => Model is not StablePoolModel;

    private bool IsLaunch => Model is ConstantProductPoolModel;

    public StakeSwapOutcome Execute(in PoolState pool, in StakeSwapRequest request) =>
        request.Direction == SwapDirection.Buy ? AddStake(pool, request) : RemoveStake(pool, request);

    /// <summary><c>do_add_stake</c> / <c>do_add_stake_limit</c> from the input-size check to the swap.</summary>
    public StakeSwapOutcome AddStake(in PoolState pool, in StakeSwapRequest request)
    {
        var amount = request.Amount;
        if (IsLaunch)
        {
            return LaunchAddStake(pool, request);
        }

        if (IsDynamic && amount > SafeMath.SaturatingMul(pool.TaoReserve.Rao, SwapConfig.MaxInputReserveMultiplier))
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        var limited = request.LimitRaoPerAlpha is not null;
        var limit = request.LimitRaoPerAlpha ?? SwapConfig.MaxPriceRao;
        var maxAmount = amount;
        var allowPartial = false;
        if (limited)
        {
            var max = Model.MaxAmountUnderLimit(pool, SwapDirection.Buy, limit);
            if (max.Error is { } maxError)
            {
                return Refused(pool, maxError);
            }

            maxAmount = max.Amount;
            allowPartial = request.AllowPartial;
        }

        // validate_add_stake: the minimum is DefaultMinStake plus the fee a swap of that size would pay.
        var minStake = Profile.DefaultMinStake;
        var minSim = SimulateDefault(pool, SwapDirection.Buy, minStake);
        var minFee = minSim.IsOk ? minSim.Result.FeePaid : WeightedPoolModel.Fee(pool.FeeRate, minStake, dropFees: !IsDynamic);
        if (amount < SafeMath.SaturatingAdd(minStake, minFee))
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        if (!allowPartial && amount > maxAmount)
        {
            return Refused(pool, DispatchError.SlippageTooHigh);
        }

        var staked = System.Math.Min(amount, maxAmount);
        var sim = SimulateDefault(pool, SwapDirection.Buy, staked);
        if (!sim.IsOk)
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        if (sim.Result.AmountPaidIn < minStake)
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        if (sim.Result.AmountPaidOut == 0)
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        // stake_into_subnet: the real swap under the limit, then "something was bought".
        var swap = Model.Swap(pool, SwapDirection.Buy, staked, SwapConfig.LimitPrice(limit), dropFees: false, simulate: false);
        if (!swap.IsOk)
        {
            return new StakeSwapOutcome(swap, pool);
        }

        if (swap.Result.AmountPaidOut == 0)
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        return new StakeSwapOutcome(swap, Model.Apply(pool, SwapDirection.Buy, swap.Result));
    }

    /// <summary><c>do_remove_stake</c> / <c>do_remove_stake_limit</c> from the input-size check to the swap.</summary>
    public StakeSwapOutcome RemoveStake(in PoolState pool, in StakeSwapRequest request)
    {
        if (IsLaunch)
        {
            return LaunchRemoveStake(pool, request);
        }

        var limited = request.LimitRaoPerAlpha is not null;

        // do_remove_stake caps the request at the stake held before anything else; do_remove_stake_limit does not,
        // so there a request above the position fails with NotEnoughStakeToWithdraw below.
        var alpha = limited ? request.Amount : System.Math.Min(request.Amount, request.StakeHeld);
        if (IsDynamic && alpha > SafeMath.SaturatingMul(pool.AlphaReserve.Raw, SwapConfig.MaxInputReserveMultiplier))
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        var limit = request.LimitRaoPerAlpha ?? SwapConfig.MinPriceRao;
        var maxAmount = alpha;
        var allowPartial = false;
        if (limited)
        {
            var max = Model.MaxAmountUnderLimit(pool, SwapDirection.Sell, limit);
            if (max.Error is { } maxError)
            {
                return Refused(pool, maxError);
            }

            maxAmount = max.Amount;
            allowPartial = request.AllowPartial;
        }

        // validate_remove_stake
        if (alpha == 0)
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        if (request.StakeHeld < alpha)
        {
            return Refused(pool, DispatchError.NotEnoughStakeToWithdraw);
        }

        var remaining = request.StakeHeld - alpha;
        var sim = SimulateDefault(pool, SwapDirection.Sell, alpha);
        if (!sim.IsOk)
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        if (remaining != 0 && sim.Result.AmountPaidOut < Profile.DefaultMinStake)
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        if (!allowPartial && alpha > maxAmount)
        {
            return Refused(pool, DispatchError.SlippageTooHigh);
        }

        var unstaked = System.Math.Min(alpha, maxAmount);
        var swap = Model.Swap(pool, SwapDirection.Sell, unstaked, SwapConfig.LimitPrice(limit), dropFees: false, simulate: false);
        return swap.IsOk
            ? new StakeSwapOutcome(swap, Model.Apply(pool, SwapDirection.Sell, swap.Result))
            : new StakeSwapOutcome(swap, pool);
    }

    /// <summary>Launch rules: minimum = min stake + flat fee; the flat fee is kept by the pool (added to SubnetTAO).</summary>
    private StakeSwapOutcome LaunchAddStake(in PoolState pool, in StakeSwapRequest request)
    {
        var maxAmount = request.LimitRaoPerAlpha is { } limit
            ? Model.MaxAmountUnderLimit(pool, SwapDirection.Buy, limit).Amount
            : ulong.MaxValue;
        var allowPartial = request.LimitRaoPerAlpha is not null && request.AllowPartial;

        if (request.Amount < SafeMath.SaturatingAdd(Profile.DefaultMinStake, Profile.FlatStakingFee))
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        if (!allowPartial && request.Amount > maxAmount)
        {
            return Refused(pool, DispatchError.SlippageTooHigh);
        }

        if (!Model.Swap(pool, SwapDirection.Buy, request.Amount, default, false, true).IsOk)
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        var staked = System.Math.Min(request.Amount, maxAmount);
        var fee = System.Math.Min(Profile.FlatStakingFee, staked);
        var swap = Model.Swap(pool, SwapDirection.Buy, staked - fee, default, false, false);
        if (!swap.IsOk)
        {
            // The launch's swap_tao_for_alpha returned 0 instead of failing; nothing was bought.
            return new StakeSwapOutcome(swap, pool);
        }

        var result = swap.Result with { FeePaid = fee };
        var after = Model.Apply(pool, SwapDirection.Buy, result);
        after = after with { TaoReserve = after.TaoReserve.SaturatingAdd(new Primitives.TaoBalance(fee)) };
        return new StakeSwapOutcome(SwapOutcome.Ok(result), after);
    }

    /// <summary>Launch rules: TAO out must be strictly above the minimum stake; the flat fee is taken from the TAO out.</summary>
    private StakeSwapOutcome LaunchRemoveStake(in PoolState pool, in StakeSwapRequest request)
    {
        var maxAmount = request.LimitRaoPerAlpha is { } limit
            ? Model.MaxAmountUnderLimit(pool, SwapDirection.Sell, limit).Amount
            : ulong.MaxValue;
        var allowPartial = request.LimitRaoPerAlpha is not null && request.AllowPartial;

        var sim = Model.Swap(pool, SwapDirection.Sell, request.Amount, default, false, true);
        if (!sim.IsOk)
        {
            return Refused(pool, DispatchError.InsufficientLiquidity);
        }

        if (sim.Result.AmountPaidOut <= Profile.DefaultMinStake)
        {
            return Refused(pool, DispatchError.AmountTooLow);
        }

        if (!allowPartial && request.Amount > maxAmount)
        {
            return Refused(pool, DispatchError.SlippageTooHigh);
        }

        if (request.StakeHeld < request.Amount)
        {
            return Refused(pool, DispatchError.NotEnoughStakeToWithdraw);
        }

        var swap = Model.Swap(pool, SwapDirection.Sell, System.Math.Min(request.Amount, maxAmount), default, false, false);
        if (!swap.IsOk)
        {
            return new StakeSwapOutcome(swap, pool);
        }

        var fee = System.Math.Min(Profile.FlatStakingFee, swap.Result.AmountPaidOut);
        var result = swap.Result with { AmountPaidOut = swap.Result.AmountPaidOut - fee, FeePaid = fee };
        var after = Model.Apply(pool, SwapDirection.Sell, swap.Result);
        after = after with { TaoReserve = after.TaoReserve.SaturatingAdd(new Primitives.TaoBalance(fee)) };
        return new StakeSwapOutcome(SwapOutcome.Ok(result), after);
    }

    /// <summary>The reference's <c>sim_swap</c>: default price limit (max for buys, min for sells), fees charged.</summary>
    private SwapOutcome SimulateDefault(in PoolState pool, SwapDirection direction, ulong amount)
    {
        var limit = direction == SwapDirection.Buy ? SwapConfig.MaxPriceRao : SwapConfig.MinPriceRao;
        return Model.Swap(pool, direction, amount, SwapConfig.LimitPrice(limit), dropFees: false, simulate: true);
    }

    private static StakeSwapOutcome Refused(in PoolState pool, DispatchError error) => new(SwapOutcome.Fail(error), pool);
}
