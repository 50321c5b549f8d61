using TaoSharp.Math;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// The per-block split of a subnet's alpha_out (spec-dtao §2.6): owner cut, miners (server), alpha validators and
/// root. Each term is floored separately; the few units lost stay minted in <c>SubnetAlphaOut</c> but unowned.
/// </summary>
/// <param name="OwnerCut">Added to <c>PendingOwnerCut</c>.</param>
/// <param name="Server">Added to <c>PendingServerEmission</c>.</param>
/// <param name="Validator">Added to <c>PendingValidatorEmission</c>.</param>
/// <param name="RootAlpha">Added to <c>PendingRootAlphaDivs</c> when <see cref="RootAlphaPending"/>, else recycled.</param>
public readonly record struct PendingEmissionSplit(ulong OwnerCut, ulong Server, ulong Validator, ulong RootAlpha, bool RootAlphaPending)
{
    /// <summary><c>SubnetOwnerCut</c> default: 11 796 / 65 535 ≈ 18 %.</summary>
    public const ushort DefaultOwnerCut = 11_796;

    public static PendingEmissionSplit Compute(U96F32 alphaOut, ushort ownerCut, bool ownerCutEnabled, U96F32 rootProportion, bool rootSellFlag)
    {
        var half = U96F32.FromBits(UInt128.One << 31);
        var remaining = alphaOut;
        var cut = U96F32.Zero;
        if (ownerCutEnabled)
        {
            cut = remaining.SaturatingMul(OwnerCutFraction(ownerCut));
            remaining = remaining.SaturatingSub(cut);
        }

        var rootAlpha = rootProportion.SaturatingMul(remaining).SaturatingMul(half);
        var server = remaining.SaturatingMul(half);
        var validator = remaining.SaturatingSub(server).SaturatingSub(rootAlpha);
        return new PendingEmissionSplit(
            ownerCutEnabled ? cut.SaturatingToU64() : 0,
            server.SaturatingToU64(),
            validator.SaturatingToU64(),
            rootAlpha.SaturatingToU64(),
            rootSellFlag);
    }

    /// <summary>cut/65535 as U96F32 (truncated), as <c>get_float_subnet_owner_cut</c>.</summary>
    public static U96F32 OwnerCutFraction(ushort ownerCut) =>
        U96F32.FromUInt(ownerCut).SafeDiv(U96F32.FromUInt(ushort.MaxValue));
}
