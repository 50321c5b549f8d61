using TaoSharp.Math;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// A subnet pool's pricing rule. The economics profile chosen in genesis config picks the model
/// (weighted balancer at HEAD, constant product for the launch rules, 1:1 for root and stable subnets).
/// Models are stateless: every call takes the pool state and returns values; nothing is written.
/// </summary>
public interface IPoolModel
{
    /// <summary>Spot price in TAO per α (U64F64).</summary>
    U64F64 Price(in PoolState pool);

    /// <summary>
    /// One swap of <paramref name="amount"/> (fee included) with a price limit, applying the model's checks in the
    /// reference order. <paramref name="simulate"/> skips the final "paid out more than the reserve" check,
    /// exactly as the reference's simulation mode does.
    /// </summary>
    SwapOutcome Swap(in PoolState pool, SwapDirection direction, ulong amount, U64F64 limitPrice, bool dropFees, bool simulate);

    /// <summary>The pool after a successful swap: the input (net of fee) enters, the output leaves (spec-dtao §3.5).</summary>
    PoolState Apply(in PoolState pool, SwapDirection direction, in SwapResult result);

    /// <summary>
    /// The most a user can put in (fee included) before the price crosses <paramref name="limitRaoPerAlpha"/>
    /// (<c>get_max_amount_add</c>/<c>get_max_amount_remove</c>); an error where the reference returns one.
    /// </summary>
    MaxAmount MaxAmountUnderLimit(in PoolState pool, SwapDirection direction, ulong limitRaoPerAlpha);
}

/// <summary>The maximum input under a price limit, or the error the limit helper returns.</summary>
public readonly record struct MaxAmount(ulong Amount, DispatchError? Error)
{
    public static MaxAmount Of(ulong amount) => new(amount, null);

    public static MaxAmount Fail(DispatchError error) => new(0, error);
}
