namespace TaoSharp.Runtime.Amm;

/// <summary>
/// What one swap moved (spec-dtao §3.4.4). Amounts are in the units of the side they name: for a buy the input and
/// fee are TAO (RAO) and the output alpha; for a sell the input and fee are alpha and the output TAO.
/// <see cref="AmountPaidIn"/> is net of the fee; the user is charged <c>AmountPaidIn + FeePaid</c>.
/// </summary>
public readonly record struct SwapResult(ulong AmountPaidIn, ulong AmountPaidOut, ulong FeePaid, ulong FeeToBlockAuthor)
{
    /// <summary>Input taken from the user including the fee (what the limit helpers report as "max amount").</summary>
    public ulong GrossPaidIn => AmountPaidIn > ulong.MaxValue - FeePaid ? ulong.MaxValue : AmountPaidIn + FeePaid;
}

/// <summary>A swap's result or the chain error that refused it. Refusals are values here (not exceptions) so
/// simulations and limit helpers stay cheap; extrinsics turn them into <see cref="DispatchException"/>.</summary>
public readonly record struct SwapOutcome(SwapResult Result, DispatchError? Error)
{
    public bool IsOk => Error is null;

    public static SwapOutcome Ok(SwapResult result) => new(result, null);

    public static SwapOutcome Fail(DispatchError error) => new(default, error);

    /// <summary>The result, or a <see cref="DispatchException"/> carrying the refusal.</summary>
    public SwapResult Unwrap() => Error is { } e ? throw new DispatchException(e) : Result;
}
