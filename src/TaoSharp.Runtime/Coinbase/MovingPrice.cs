using TaoSharp.Math;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// The subnet price EMA (<c>SubnetMovingPrice</c>, spec-dtao §2.3.1), updated after the coinbase for every subnet that
/// received emission: a = α·b/(b+h), p̄' = a·min(spot, 1) + (1 − a)·p̄ in U64F64, stored as I96F32.
/// </summary>
public static class MovingPrice
{
    /// <summary><c>SubnetMovingAlpha</c> default 0.000003, as I96F32 rounds it from f64 (12 885 / 2^32).</summary>
    public static readonly I96F32 DefaultMovingAlpha = I96F32.FromBits(12_885);

    /// <summary><c>EMAPriceHalvingBlocks</c> default (4 weeks of blocks).</summary>
    public const ulong DefaultHalvingBlocks = 201_600;

    /// <summary>Blocks since <c>start_call</c>: current − (FirstEmissionBlockNumber − 1), both saturating.</summary>
    public static ulong BlocksSinceStartCall(ulong currentBlock, ulong? firstEmissionBlock)
    {
        var startCall = firstEmissionBlock is { } f && f > 0 ? f - 1 : 0;
        return currentBlock > startCall ? currentBlock - startCall : 0;
    }

    /// <summary>The next EMA value.</summary>
    public static I96F32 Next(I96F32 current, U64F64 spotPrice, I96F32 movingAlpha, ulong blocksSinceStartCall, ulong halvingBlocks)
    {
        var b = U64F64.FromUInt(blocksSinceStartCall);
        var slowStart = b.SafeDiv(b.SaturatingAdd(U64F64.FromUInt(halvingBlocks)));
        var a = movingAlpha.ToU64F64().SaturatingMul(slowStart);
        var oneMinusA = U64F64.One.SaturatingSub(a);
        var weightedSpot = a.SaturatingMul(U64F64.Min(spotPrice, U64F64.One));
        var weightedOld = oneMinusA.SaturatingMul(current.ToU64F64());
        return weightedSpot.SaturatingAdd(weightedOld).ToI96F32();
    }
}
