using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>TAO-flow bookkeeping (spec-dtao §2.7): per-block accumulators, their EMAs and the rule's parameters.</summary>
public static partial class SubtensorStorage
{
    /// <summary>User TAO flow this block (stake +, unstake −, registration burn +), i64 RAO.</summary>
    public static readonly StorageMap<NetUid, long> SubnetTaoFlow =
        new(Pallet, "SubnetTaoFlow", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.I64, 0);

    /// <summary>(block of the last update, EMA of the user flow).</summary>
    public static readonly StorageMap<NetUid, (ulong Block, I64F64 Ema)> SubnetEmaTaoFlow =
        new(Pallet, "SubnetEmaTaoFlow", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Tuple(ScaleCodecs.U64, ScaleCodecs.I64F64), (0, I64F64.Zero));

    /// <summary>Protocol TAO flow this block (injection and chain buys +, root-claim sells −).</summary>
    public static readonly StorageMap<NetUid, long> SubnetProtocolFlow =
        new(Pallet, "SubnetProtocolFlow", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.I64, 0);

    public static readonly StorageMap<NetUid, (ulong Block, I64F64 Ema)> SubnetEmaProtocolFlow =
        new(Pallet, "SubnetEmaProtocolFlow", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Tuple(ScaleCodecs.U64, ScaleCodecs.I64F64), (0, I64F64.Zero));

    public static readonly StorageValue<ulong> FlowEmaSmoothingFactor =
        new(Pallet, "FlowEmaSmoothingFactor", ScaleCodecs.U64, Coinbase.TaoFlowShares.DefaultSmoothingFactor);

    public static readonly StorageValue<I64F64> TaoFlowCutoff = new(Pallet, "TaoFlowCutoff", ScaleCodecs.I64F64, I64F64.Zero);

    public static readonly StorageValue<U64F64> FlowNormExponent = new(Pallet, "FlowNormExponent", ScaleCodecs.U64F64, U64F64.One);

    public static readonly StorageValue<bool> NetTaoFlowEnabled = new(Pallet, "NetTaoFlowEnabled", ScaleCodecs.Bool, true);
}
