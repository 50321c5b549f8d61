using TaoSharp.Primitives;

namespace TaoSharp.Sdk.Transactions;

/// <summary>Neuron-endpoint and UID-count calls: serve_prometheus and the owner's sudo_trim_to_max_allowed_uids.</summary>
public static partial class Calls
{
    /// <summary>
    /// serve_prometheus(netuid, version u32, ip u128, port u16, ip_type u8) (5), signed by the hotkey. The IP is the u128
    /// integer form (see <see cref="AxonEndpoint"/>); unlike an axon, a zero address is refused by the chain.
    /// </summary>
    public static byte[] ServePrometheus(NetUid netuid, uint version, UInt128 ip, ushort port, byte ipType)
    {
        var w = Begin(SubtensorModule, 5);
        w.WriteU16(netuid.Value);
        w.WriteU32(version);
        w.WriteU128(ip);
        w.WriteU16(port);
        w.WriteU8(ipType);
        return w.ToArray();
    }

    /// <summary>
    /// AdminUtils sudo_trim_to_max_allowed_uids(netuid, max_n u16) (78): the subnet owner (or root through sudo) lowers
    /// MaxAllowedUids and drops the lowest emitters beyond it, compacting the remaining UIDs.
    /// </summary>
    public static byte[] TrimToMaxAllowedUids(NetUid netuid, ushort maxUids)
    {
        var w = Begin(AdminUtils, 78);
        w.WriteU16(netuid.Value);
        w.WriteU16(maxUids);
        return w.ToArray();
    }
}
