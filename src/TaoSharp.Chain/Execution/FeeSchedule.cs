using TaoSharp.Chain.Extrinsics;
using TaoSharp.Runtime.Calls;

namespace TaoSharp.Chain.Execution;

/// <summary>
/// Transaction fees: the reference's linear weight-to-fee (0.0005 RAO per unit of ref-time weight, i.e. Perbill
/// 500_000) over the call's weight plus a per-extrinsic base weight, plus a per-byte length fee. Calls marked
/// Pays::No pay nothing; the tip is always paid on top. Fees and tips are burned (removed from issuance).
/// </summary>
public sealed record FeeSchedule(ulong ExtrinsicBaseWeight, ulong WeightFeePerBillion, ulong FeePerByte)
{
    public static readonly FeeSchedule Default = new(ExtrinsicBaseWeight: 125_000_000, WeightFeePerBillion: 500_000, FeePerByte: 1);

    public ulong Fee(DecodedCall call, int encodedLength)
    {
        if (call.Descriptor.Pays == Pays.No) return 0;
        var weight = (UInt128)ExtrinsicBaseWeight + call.Weight;
        var weightFee = weight * WeightFeePerBillion / 1_000_000_000;
        var total = weightFee + (UInt128)FeePerByte * (ulong)encodedLength;
        return total > ulong.MaxValue ? ulong.MaxValue : (ulong)total;
    }

    public ulong FeeWithTip(DecodedCall call, Extrinsic x)
    {
        var fee = Fee(call, x.Encoded.Length);
        return ulong.MaxValue - fee < x.Tip ? ulong.MaxValue : fee + x.Tip;
    }
}
