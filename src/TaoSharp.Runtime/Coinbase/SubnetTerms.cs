using TaoSharp.Math;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>What a subnet gets this block before injection (spec-dtao §2.5), all U96F32.</summary>
/// <param name="TaoIn">TAO injected into the pool.</param>
/// <param name="AlphaIn">Alpha injected into the pool alongside it.</param>
/// <param name="AlphaOut">Alpha minted for participants (the subnet's alpha emission).</param>
/// <param name="ExcessTao">TAO routed into a fee-free chain buy.</param>
public readonly record struct SubnetTerms(U96F32 TaoIn, U96F32 AlphaIn, U96F32 AlphaOut, U96F32 ExcessTao)
{
    /// <summary>
    /// alpha_in = T/P (0 if P = 0), capped at rootProp·αE (then tao_in = alpha_in·P); excess = T − tao_in.
    /// </summary>
    public static SubnetTerms Compute(U96F32 taoEmission, ulong alphaEmission, U64F64 price, U96F32 rootProportion)
    {
        var alphaOut = U96F32.FromUInt(alphaEmission);
        var p = price.ToU96F32();
        var taoIn = taoEmission;
        var alphaIn = taoEmission.SafeDivOr(p, U96F32.Zero);
        var cap = rootProportion.SaturatingMul(alphaOut);
        if (alphaIn > cap)
        {
            alphaIn = cap;
            taoIn = alphaIn.SaturatingMul(p);
        }

        return new SubnetTerms(taoIn, alphaIn, alphaOut, taoEmission.SaturatingSub(taoIn));
    }
}

/// <summary>Root's weight in a subnet (spec-dtao §2.5): tw·R / (tw·R + αIssuance), U96F32, 0 if undefined.</summary>
public static class RootProportion
{
    /// <summary><c>TaoWeight</c> u64 → tw = raw / (2^64 − 1) in U96F32.</summary>
    public static U96F32 TaoWeight(ulong raw) => U96F32.FromUInt(raw).SafeDiv(U96F32.FromUInt(ulong.MaxValue));

    public static U96F32 Compute(ulong rootSubnetTao, ulong taoWeightRaw, ulong alphaIssuance)
    {
        var weighted = U96F32.FromUInt(rootSubnetTao).SaturatingMul(TaoWeight(taoWeightRaw));
        return weighted.CheckedDiv(weighted.SaturatingAdd(U96F32.FromUInt(alphaIssuance))) ?? U96F32.Zero;
    }
}
