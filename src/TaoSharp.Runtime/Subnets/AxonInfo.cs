using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// A neuron's served endpoint as the chain stores it (subtensor's <c>AxonInfo</c>): field order and widths are the
/// reference's so the SCALE bytes match. <see cref="Ip"/> is the address as an unsigned integer (IPv4 in the low
/// 32 bits); <see cref="IpType"/> is 4 or 6.
/// </summary>
public readonly record struct AxonInfo(
    ulong Block,
    uint Version,
    UInt128 Ip,
    ushort Port,
    byte IpType,
    byte Protocol,
    byte Placeholder1,
    byte Placeholder2)
{
    public static readonly IScaleCodec<AxonInfo> Codec = ScaleCodecs.Create<AxonInfo>(
        static (w, in a) =>
        {
            w.WriteU64(a.Block);
            w.WriteU32(a.Version);
            w.WriteU128(a.Ip);
            w.WriteU16(a.Port);
            w.WriteU8(a.IpType);
            w.WriteU8(a.Protocol);
            w.WriteU8(a.Placeholder1);
            w.WriteU8(a.Placeholder2);
        },
        static (ref r) => new AxonInfo(
            r.ReadU64(), r.ReadU32(), r.ReadU128(), r.ReadU16(), r.ReadU8(), r.ReadU8(), r.ReadU8(), r.ReadU8()));
}
