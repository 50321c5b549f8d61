using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

public static partial class SubtensorStorage
{
    /// <summary>
    /// Served axon of a hotkey on a subnet (written by serve_axon / serve_axon_tls). Absent = never served;
    /// use <c>TryGet</c> (the reference's OptionQuery). The default value is all zeros, as the reference's
    /// <c>get_axon_info</c> returns for a hotkey that has not served.
    /// </summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, AxonInfo> Axons =
        new(Pallet, "Axons", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId,
            AxonInfo.Codec, default);

    /// <summary>
    /// Served Prometheus endpoint of a hotkey on a subnet (written by serve_prometheus; the reference's OptionQuery,
    /// default all zeros). Its rate limit counts from its own last block, not the axon's.
    /// </summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, PrometheusInfo> Prometheus =
        new(Pallet, "Prometheus", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId,
            PrometheusInfo.Codec, default);

    /// <summary>Minimum blocks between two serve_axon calls of one hotkey on a subnet (reference default 50).</summary>
    public static readonly StorageMap<NetUid, ulong> ServingRateLimit =
        new(Pallet, "ServingRateLimit", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, HyperparameterDefaults.ServingRateLimit);
}
