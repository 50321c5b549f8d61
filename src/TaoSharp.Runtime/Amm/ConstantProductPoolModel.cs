using TaoSharp.Math;
using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// The launch-era pool (2025-02-13 … 2025-06-30, spec-dtao §3.2): x·y = k in I110F18, price y/x in I96F32.
/// No percentage fee inside the swap (the launch charged a flat staking fee outside it, see
/// <see cref="EconomicsProfile.FlatStakingFee"/>). A swap that would leave the paying-out reserve below
/// 0.01 TAO/α is refused. Price limits act only through <see cref="MaxAmountUnderLimit"/> (launch formulas).
/// </summary>
public sealed class ConstantProductPoolModel : IPoolModel
{
    /// <summary><c>DefaultMinimumPoolLiquidity</c> of the launch runtime.</summary>
    public const ulong MinimumPoolLiquidity = 10_000_000;

    private const ulong RaoPerTao = 1_000_000_000;

    public static ConstantProductPoolModel Instance { get; } = new();

    public U64F64 Price(in PoolState pool) => LaunchPrice(pool).ToU64F64();

    /// <summary>SubnetTAO / SubnetAlphaIn in I96F32 (0 without alpha), as the launch's <c>get_alpha_price</c>.</summary>
    public static I96F32 LaunchPrice(in PoolState pool) =>
        pool.AlphaReserve.IsZero
            ? I96F32.Zero
            : I96F32.FromUInt(pool.TaoReserve.Rao).CheckedDiv(I96F32.FromUInt(pool.AlphaReserve.Raw)) ?? I96F32.Zero;

    public SwapOutcome Swap(in PoolState pool, SwapDirection direction, ulong amount, U64F64 limitPrice, bool dropFees, bool simulate)
    {
        var tao = I110F18.FromUInt(pool.TaoReserve.Rao);
        var alpha = I110F18.FromUInt(pool.AlphaReserve.Raw);
        var k = alpha.SaturatingMul(tao);
        var floor = I110F18.FromUInt(MinimumPoolLiquidity);

        if (direction == SwapDirection.Buy)
        {
            var newAlpha = k.SafeDiv(tao.SaturatingAdd(I110F18.FromUInt(amount)));
            return newAlpha >= floor
                ? SwapOutcome.Ok(new SwapResult(amount, alpha.SaturatingSub(newAlpha).SaturatingToU64(), 0, 0))
                : SwapOutcome.Fail(DispatchError.InsufficientLiquidity);
        }

        var newTao = k.CheckedDiv(alpha.SaturatingAdd(I110F18.FromUInt(amount))) ?? I110F18.Zero;
        return newTao >= floor
            ? SwapOutcome.Ok(new SwapResult(amount, tao.SaturatingSub(newTao).SaturatingToU64(), 0, 0))
            : SwapOutcome.Fail(DispatchError.InsufficientLiquidity);
    }

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

    /// <summary>
    /// The launch's linear limit helpers: buys <c>limit·α_in/1e9 − τ</c> (0 if the limit is below the integer part of
    /// the price × 1e9 — ⚠ the launch compared against the truncated price — or 0); sells <c>τ·1e9/limit − α_in</c>
    /// (everything for limit 0; 0 if the limit is at or above the price). Never an error: the launch returned 0.
    /// </summary>
    public MaxAmount MaxAmountUnderLimit(in PoolState pool, SwapDirection direction, ulong limitRaoPerAlpha)
    {
        var alphaIn = (UInt128)pool.AlphaReserve.Raw;
        var taoIn = (UInt128)pool.TaoReserve.Rao;
        if (alphaIn == 0 || taoIn == 0)
        {
            return MaxAmount.Of(0);
        }

        var limit = (UInt128)limitRaoPerAlpha;
        UInt128 result;
        if (direction == SwapDirection.Buy)
        {
            var priceFloorRao = (UInt128)LaunchPrice(pool).SaturatingToU64() * RaoPerTao;
            if (limit < priceFloorRao || limit == 0)
            {
                return MaxAmount.Of(0);
            }

            var reach = limit * alphaIn / RaoPerTao;
            result = reach > taoIn ? reach - taoIn : 0;
        }
        else
        {
            if (limit == 0)
            {
                return MaxAmount.Of(ulong.MaxValue);
            }

            if (limit >= taoIn * RaoPerTao / alphaIn)
            {
                return MaxAmount.Of(0);
            }

            var reach = taoIn * RaoPerTao / limit;
            result = reach > alphaIn ? reach - alphaIn : 0;
        }

        return MaxAmount.Of(result < ulong.MaxValue ? (ulong)result : ulong.MaxValue);
    }
}
