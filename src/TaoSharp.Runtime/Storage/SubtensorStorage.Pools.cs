using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Subnet pools (spec-dtao §3.1, §3.4.1): reserves, supply outside the pool, balancer weight, fee, EMA price.</summary>
public static partial class SubtensorStorage
{
    /// <summary>TAO reserve y of the pool (RAO); for root, the total root stake.</summary>
    public static readonly StorageMap<NetUid, ulong> SubnetTAO =
        new(Pallet, "SubnetTAO", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>Alpha reserve x of the pool.</summary>
    public static readonly StorageMap<NetUid, ulong> SubnetAlphaIn =
        new(Pallet, "SubnetAlphaIn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>Alpha issued outside the pool (stake, pending buckets, protocol alpha, burned alpha).</summary>
    public static readonly StorageMap<NetUid, ulong> SubnetAlphaOut =
        new(Pallet, "SubnetAlphaOut", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>0 = stable (root: 1:1, no fee), 1 = dynamic pool.</summary>
    public static readonly StorageMap<NetUid, ushort> SubnetMechanism =
        new(Pallet, "SubnetMechanism", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, 1);

    /// <summary>Balancer quote (TAO) weight w2 (the swap pallet's <c>SwapBalancer</c>).</summary>
    public static readonly StorageMap<NetUid, Perquintill> SwapBalancer =
        new("Swap", "SwapBalancer", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Perquintill, Perquintill.Half);

    /// <summary>Swap fee rate in parts of 65 535.</summary>
    public static readonly StorageMap<NetUid, ushort> FeeRate =
        new("Swap", "FeeRate", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, Amm.PoolState.DefaultFeeRate);

    /// <summary>EMA price feeding the emission shares and pruning (I96F32).</summary>
    public static readonly StorageMap<NetUid, I96F32> SubnetMovingPrice =
        new(Pallet, "SubnetMovingPrice", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.I96F32, I96F32.Zero);

    /// <summary>Alpha bought by the protocol's chain buys (counted inside <see cref="SubnetAlphaOut"/>).</summary>
    public static readonly StorageMap<NetUid, ulong> SubnetProtocolAlpha =
        new(Pallet, "SubnetProtocolAlpha", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>
    /// Alpha inside <see cref="SubnetAlphaOut"/> that nobody owns: burned alpha (the alpha-assets <c>AlphaBurned</c>)
    /// plus the flooring dust of the emission split and of the distribution. Kept so the alpha invariant is exact.
    /// </summary>
    public static readonly StorageMap<NetUid, ulong> AlphaBurned =
        new(Pallet, "AlphaBurned", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>Gross TAO volume through the pool.</summary>
    public static readonly StorageMap<NetUid, UInt128> SubnetVolume =
        new(Pallet, "SubnetVolume", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U128, UInt128.Zero);
}
