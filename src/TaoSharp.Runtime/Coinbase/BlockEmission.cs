namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// The halving schedule E(I) of spec-dtao §1.2: emission per block as a function of issuance, for TAO (issuance =
/// <c>TotalIssuance</c>) and for every subnet's alpha (issuance = <c>SubnetAlphaIn + SubnetAlphaOut</c>, §1.4).
/// Emission halves each time issuance crosses half of the remaining supply; it is 0 at the 21 M cap.
/// </summary>
public static class BlockEmission
{
    /// <summary>21 000 000 TAO in RAO (<c>TotalSupply</c>, also the hard mint cap).</summary>
    public const ulong TotalSupply = 21_000_000_000_000_000;

    /// <summary>1 TAO per block before the first halving (<c>DefaultBlockEmission</c>).</summary>
    public const ulong DefaultBlockEmission = 1_000_000_000;

    private const int FractionBits = 32;

    /// <summary>
    /// E(I) bit-exact with the reference's I96F32 evaluation: q = ⌊I·2^32/21e15⌋ (raw bits), r = 1/(1−q) has raw bits
    /// ⌊2^64/(2^32−q)⌋, k = ⌊log2 r⌋ = bitlen − 1 − 32, and E = ⌊⌊2^32/2^k⌋·1e9 / 2^32⌋ (0 once k &gt; 32).
    /// </summary>
    public static ulong ForIssuance(ulong issuance)
    {
        if (issuance >= TotalSupply)
        {
            return 0;
        }

        var q = ((UInt128)issuance << FractionBits) / TotalSupply;
        var oneMinusQ = (UInt128.One << FractionBits) - q; // ≥ 1 because issuance < TotalSupply
        var reciprocal = (UInt128.One << (2 * FractionBits)) / oneMinusQ;
        var k = 127 - (int)UInt128.LeadingZeroCount(reciprocal) - FractionBits;
        if (k > FractionBits)
        {
            return 0;
        }

        var fraction = (UInt128.One << FractionBits) >> k; // 1/2^k as raw I96F32 bits (truncated)
        return (ulong)((fraction * DefaultBlockEmission) >> FractionBits);
    }

    /// <summary>
    /// What a block actually mints (§1.3): E(TotalIssuance) capped by the room left under the supply cap, measured on
    /// the balances pallet's issuance (which can differ from the subtensor counter).
    /// </summary>
    public static ulong MintForBlock(ulong subtensorTotalIssuance, ulong balancesTotalIssuance)
    {
        var emission = ForIssuance(subtensorTotalIssuance);
        var room = balancesTotalIssuance >= TotalSupply ? 0 : TotalSupply - balancesTotalIssuance;
        return System.Math.Min(emission, room);
    }

    /// <summary>A subnet's alpha emission this block (§1.4): the same schedule on its alpha issuance.</summary>
    public static ulong AlphaForSubnet(ulong subnetAlphaIn, ulong subnetAlphaOut) =>
        ForIssuance(subnetAlphaIn > ulong.MaxValue - subnetAlphaOut ? ulong.MaxValue : subnetAlphaIn + subnetAlphaOut);
}
