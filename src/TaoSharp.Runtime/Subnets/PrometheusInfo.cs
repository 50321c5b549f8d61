using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// A neuron's served Prometheus metrics endpoint (subtensor's <c>PrometheusInfo</c>): field order and widths are the
/// reference's so the SCALE bytes match. All zeros for a hotkey that never served one.
/// </summary>
public readonly record struct PrometheusInfo(ulong Block, uint Version, UInt128 Ip, ushort Port, byte IpType)
{
    public static readonly IScaleCodec<PrometheusInfo> Codec = ScaleCodecs.Create<PrometheusInfo>(
        static (w, in p) =>
        {
            w.WriteU64(p.Block);
            w.WriteU32(p.Version);
            w.WriteU128(p.Ip);
            w.WriteU16(p.Port);
            w.WriteU8(p.IpType);
        },
        static (ref r) => new PrometheusInfo(r.ReadU64(), r.ReadU32(), r.ReadU128(), r.ReadU16(), r.ReadU8()));
}
