using TaoSharp.Math;
using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Amm;

/// <summary>
/// Everything a pool model needs to price and execute one swap on a subnet (spec-dtao §3.1, §3.4.1):
/// the reserves (<c>SubnetTAO</c>, <c>SubnetAlphaIn</c>), the balancer's quote (TAO) weight and the fee rate
/// (parts of 65 535). Immutable: a swap returns deltas, and <see cref="IPoolModel.Apply"/> yields the next state.
/// </summary>
public readonly record struct PoolState(TaoBalance TaoReserve, AlphaBalance AlphaReserve, Perquintill QuoteWeight, ushort FeeRate)
{
    /// <summary>The reference's <c>FeeRate</c> default: 33/65 535 ≈ 0.05 %.</summary>
    public const ushort DefaultFeeRate = 33;

    /// <summary>Root may not set a fee rate above this (<c>SwapMaxFeeRate</c>, ≈ 15.26 %).</summary>
    public const ushort MaxFeeRate = 10_000;

    /// <summary>A new pool: equal weights (exactly constant product) and the default fee.</summary>
    public static PoolState Create(ulong taoReserve, ulong alphaReserve, ushort feeRate = DefaultFeeRate) =>
        new(new TaoBalance(taoReserve), new AlphaBalance(alphaReserve), Perquintill.Half, feeRate);

    /// <summary>The alpha (base) weight w1 = 1 − w2.</summary>
    public Perquintill BaseWeight => QuoteWeight.Complement;

    /// <summary>Reserve of the token the pool pays out for a swap in <paramref name="direction"/>.</summary>
    public ulong OutputReserve(SwapDirection direction) =>
        direction == SwapDirection.Buy ? AlphaReserve.Raw : TaoReserve.Rao;

    /// <summary>Reserve of the token the user pays in.</summary>
    public ulong InputReserve(SwapDirection direction) =>
        direction == SwapDirection.Buy ? TaoReserve.Rao : AlphaReserve.Raw;
}
