using TaoSharp.Math;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// A simulated stake or unstake through the pool (nothing written). For TAO → alpha the input and fee are TAO and the
/// output alpha; for alpha → TAO the input is alpha and the output TAO (fee in the unit the pool charges it in).
/// </summary>
public sealed record SwapQuote(ulong AmountIn, ulong AmountOut, ulong Fee, ulong TaoReserveAfter, ulong AlphaReserveAfter, U64F64 PriceAfter)
{
    public ulong PriceAfterRao => QueryMath.RaoPerAlpha(PriceAfter);
}

/// <summary>A refused simulation: the chain error the real extrinsic would fail with.</summary>
public sealed class SwapQuoteException(DispatchError error) : Exception($"swap refused: {error}")
{
    public DispatchError Error { get; } = error;
}
