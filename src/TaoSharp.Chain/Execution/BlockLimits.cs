using TaoSharp.Runtime.Calls;

namespace TaoSharp.Chain.Execution;

/// <summary>
/// Per-block budget of normal-class extrinsics. The reference allows 4 s of ref time per block
/// (MAXIMUM_BLOCK_WEIGHT) of which 75 % is for normal extrinsics, and 10 MiB of length of which 75 % is normal.
/// An extrinsic's weight is the per-extrinsic base weight of the fee schedule plus its call's weight.
/// </summary>
public sealed record BlockLimits(ulong MaxNormalWeight, long MaxNormalLength)
{
    public static readonly BlockLimits Default = new(MaxNormalWeight: 3_000_000_000_000, MaxNormalLength: 10L * 1024 * 1024 * 3 / 4);

    public ulong ExtrinsicWeight(FeeSchedule fees, DecodedCall call)
    {
        var w = (UInt128)fees.ExtrinsicBaseWeight + call.Weight;
        return w > ulong.MaxValue ? ulong.MaxValue : (ulong)w;
    }

    public bool Fits(ulong usedWeight, long usedLength, ulong weight, int length) =>
        weight <= MaxNormalWeight && usedWeight <= MaxNormalWeight - weight && usedLength + length <= MaxNormalLength;
}
