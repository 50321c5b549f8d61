namespace TaoSharp.Runtime.Staking;

/// <summary>
/// Recycling alpha lowers <c>SubnetAlphaOut</c> (issuance falls, it can be emitted again); burning leaves it minted and
/// unowned (spec-dtao §4.9). Variant order is the reference's <c>RecycleOrBurnEnum</c>.
/// </summary>
public enum RecycleOrBurn : byte
{
    Burn = 0,
    Recycle = 1,
}
