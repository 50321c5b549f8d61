using TaoSharp.Math;
using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// The current (HEAD) pool: a two-asset weighted pool (spec-dtao §3.4). One swap is a single step; the checks run in
/// the reference's order: input ≤ 1000 × input reserve, output reserve ≥ minimum, price strictly on the right side
/// of the limit, then the step (full amount, or only the part that moves the price exactly to the limit).
/// </summary>
public sealed class WeightedPoolModel(SwapConfig config) : IPoolModel
{
    private const ulong U16Max = ushort.MaxValue;

    public SwapConfig Config { get; } = config;

    public U64F64 Price(in PoolState pool) =>
        pool.AlphaReserve.IsZero ? U64F64.Zero : BalancerMath.Price(pool.QuoteWeight, pool.AlphaReserve.Raw, pool.TaoReserve.Rao);

    public SwapOutcome Swap(in PoolState pool, SwapDirection direction, ulong amount, U64F64 limitPrice, bool dropFees, bool simulate)
    {
        var fee = Fee(pool.FeeRate, amount, dropFees);
        var requested = amount - fee;

        var maxInput = SafeMath.SaturatingMul(pool.InputReserve(direction), SwapConfig.MaxInputReserveMultiplier);
        if (requested > maxInput)
        {
            return SwapOutcome.Fail(DispatchError.SwapInputTooLarge);
        }

        var outputReserve = pool.OutputReserve(direction);
        if (outputReserve < Config.MinimumReserve)
        {
            return SwapOutcome.Fail(DispatchError.ReservesTooLow);
        }

        if (!BalancerMath.IsValidQuoteWeight(pool.QuoteWeight))
        {
            // A stored weight outside [0.01, 0.99] cannot arise through the chain's own updates.
            return SwapOutcome.Fail(DispatchError.ReservesOutOfBalance);
        }

        var current = Price(pool);
        var beyondLimit = direction == SwapDirection.Buy ? current < limitPrice : current > limitPrice;
        if (!beyondLimit)
        {
            return SwapOutcome.Fail(DispatchError.PriceLimitExceeded);
        }

        var deltaIn = requested;
        var deltaOut = Convert(pool, direction, requested);
        var target = PriceAfter(pool, direction, requested, deltaOut);
        var withinLimit = direction == SwapDirection.Buy ? target <= limitPrice : target >= limitPrice;
        if (!withinLimit)
        {
            // Only the part that takes the price exactly to the limit executes; the fee is re-derived from it so that
            // deltaIn = (deltaIn + fee)·(1 − f).
            deltaIn = direction == SwapDirection.Buy
                ? BalancerMath.QuoteDeltaIn(pool.QuoteWeight, current, limitPrice, pool.TaoReserve.Rao)
                : BalancerMath.BaseDeltaIn(pool.QuoteWeight, current, limitPrice, pool.AlphaReserve.Raw);
            fee = FeeForNetAmount(pool.FeeRate, deltaIn, dropFees);
            deltaOut = Convert(pool, direction, deltaIn);
        }

        var feeToAuthor = 0UL;
        if (deltaIn != 0)
        {
            if (deltaOut == 0)
            {
                return SwapOutcome.Fail(DispatchError.ReservesTooLow);
            }

            feeToAuthor = fee;
        }

        if (!simulate && outputReserve < deltaOut)
        {
            return SwapOutcome.Fail(DispatchError.InsufficientLiquidity);
        }

        return SwapOutcome.Ok(new SwapResult(deltaIn, deltaOut, fee, feeToAuthor));
    }

    public PoolState Apply(in PoolState pool, SwapDirection direction, in SwapResult result)
    {
        // The reference moves the reserves by SwapResult::paid_in_reserve_delta_i64 / paid_out_reserve_delta_i64,
        // which clamp to i64 before taking the magnitude: at most 2^63 − 1 goes in and 2^63 comes out per swap.
        var paidIn = System.Math.Min(result.AmountPaidIn, (ulong)long.MaxValue);
        var paidOut = System.Math.Min(result.AmountPaidOut, 1UL << 63);
        return direction == SwapDirection.Buy
            ? pool with
            {
                TaoReserve = pool.TaoReserve.SaturatingAdd(new TaoBalance(paidIn)),
                AlphaReserve = pool.AlphaReserve.SaturatingSub(new AlphaBalance(paidOut)),
            }
            : pool with
            {
                TaoReserve = pool.TaoReserve.SaturatingSub(new TaoBalance(paidOut)),
                AlphaReserve = pool.AlphaReserve.SaturatingAdd(new AlphaBalance(paidIn)),
            };
    }

    public MaxAmount MaxAmountUnderLimit(in PoolState pool, SwapDirection direction, ulong limitRaoPerAlpha)
    {
        // The reference probes with the largest input the swap accepts rather than u64::MAX.
        var probe = SafeMath.SaturatingMul(pool.InputReserve(direction), SwapConfig.MaxInputReserveMultiplier);
        var outcome = Swap(pool, direction, probe, SwapConfig.LimitPrice(limitRaoPerAlpha), dropFees: false, simulate: true);
        return outcome.IsOk ? MaxAmount.Of(outcome.Result.GrossPaidIn) : MaxAmount.Fail(outcome.Error!.Value);
    }

    /// <summary>⌊amount · (rate/65535)⌋, the rate truncated to U64F64 first (as the reference does).</summary>
    public static ulong Fee(ushort feeRate, ulong amount, bool dropFees)
    {
        if (dropFees)
        {
            return 0;
        }

        var rate = U64F64.FromUInt(feeRate).SafeDiv(U64F64.FromUInt(U16Max));
        return U64F64.FromUInt(amount).SaturatingMul(rate).SaturatingToU64();
    }

    /// <summary>Fee on a limit-capped step: ⌊Δin · rate/(65535 − rate)⌋.</summary>
    public static ulong FeeForNetAmount(ushort feeRate, ulong netAmount, bool dropFees)
    {
        var rate = dropFees ? U64F64.Zero : U64F64.FromUInt(feeRate);
        var factor = rate.SafeDiv(U64F64.FromUInt(U16Max).SaturatingSub(rate));
        return U64F64.FromUInt(netAmount).SaturatingMul(factor).SaturatingToU64();
    }

    private static ulong Convert(in PoolState pool, SwapDirection direction, ulong deltaIn) =>
        direction == SwapDirection.Buy
            ? BalancerMath.AlphaOutForTaoIn(pool.QuoteWeight, pool.TaoReserve.Rao, pool.AlphaReserve.Raw, deltaIn)
            : BalancerMath.TaoOutForAlphaIn(pool.QuoteWeight, pool.TaoReserve.Rao, pool.AlphaReserve.Raw, deltaIn);

    /// <summary>The price the pool would show after the full step (reserves saturate like the reference's).</summary>
    private static U64F64 PriceAfter(in PoolState pool, SwapDirection direction, ulong deltaIn, ulong deltaOut)
    {
        ulong alpha, tao;
        if (direction == SwapDirection.Buy)
        {
            alpha = pool.AlphaReserve.Raw > deltaOut ? pool.AlphaReserve.Raw - deltaOut : 0;
            tao = SafeMath.SaturatingAdd(pool.TaoReserve.Rao, deltaIn);
        }
        else
        {
            alpha = SafeMath.SaturatingAdd(pool.AlphaReserve.Raw, deltaIn);
            tao = pool.TaoReserve.Rao > deltaOut ? pool.TaoReserve.Rao - deltaOut : 0;
        }

        return BalancerMath.Price(pool.QuoteWeight, alpha, tao);
    }
}
