using TaoSharp.Math;
using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// Root (netuid 0) and "stable" subnets (mechanism 0): 1 TAO ↔ 1 α, no fee, no slippage (spec-dtao §3.1, §5.4).
/// </summary>
public sealed class StablePoolModel : IPoolModel
{
    private const ulong OneTaoInRao = 1_000_000_000;

    public static StablePoolModel Instance { get; } = new();

    public U64F64 Price(in PoolState pool) => U64F64.One;

    public SwapOutcome Swap(in PoolState pool, SwapDirection direction, ulong amount, U64F64 limitPrice, bool dropFees, bool simulate) =>
        SwapOutcome.Ok(new SwapResult(amount, amount, 0, 0));

    public PoolState Apply(in PoolState pool, SwapDirection direction, in SwapResult result) =>
        direction == SwapDirection.Buy
            ? pool with
            {
                TaoReserve = pool.TaoReserve.SaturatingAdd(new TaoBalance(result.AmountPaidIn)),
                AlphaReserve = pool.AlphaReserve.SaturatingSub(new AlphaBalance(result.AmountPaidOut)),
            }
            : pool with
            {
                TaoReserve = pool.TaoReserve.SaturatingSub(new TaoBalance(result.AmountPaidOut)),
                AlphaReserve = pool.AlphaReserve.SaturatingAdd(new AlphaBalance(result.AmountPaidIn)),
            };

    /// <summary>The price never moves: everything if the limit admits 1.0, otherwise nothing.</summary>
    public MaxAmount MaxAmountUnderLimit(in PoolState pool, SwapDirection direction, ulong limitRaoPerAlpha)
    {
        var admits = direction == SwapDirection.Buy ? limitRaoPerAlpha >= OneTaoInRao : limitRaoPerAlpha <= OneTaoInRao;
        return MaxAmount.Of(admits ? ulong.MaxValue : 0);
    }
}
