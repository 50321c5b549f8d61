using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>
/// Typed storage items of pallet <c>SubtensorModule</c>, split by concern into partial files. Names, key
/// hashers and value types follow the reference chain (spec-yuma §1.4, §3.15), so keys are Substrate-compatible.
/// A storage index <c>idx</c> (u16) is <c>mecid·4096 + netuid</c>; only mechanism 0 exists here, so idx = netuid.
/// </summary>
public static partial class SubtensorStorage
{
    public const string Pallet = "SubtensorModule";

    /// <summary>Longest per-UID vector or sparse row accepted when decoding (a subnet has at most 4096 UIDs).</summary>
    internal const int MaxVectorLength = 4096;

    internal static readonly IScaleCodec<(ushort, ushort)[]> SparseRowCodec =
        ScaleCodecs.Vec(ScaleCodecs.Tuple(ScaleCodecs.U16, ScaleCodecs.U16), MaxVectorLength);
    internal static readonly IScaleCodec<ushort[]> U16VecCodec = ScaleCodecs.Vec(ScaleCodecs.U16, MaxVectorLength);
    internal static readonly IScaleCodec<ulong[]> U64VecCodec = ScaleCodecs.Vec(ScaleCodecs.U64, MaxVectorLength);
    internal static readonly IScaleCodec<bool[]> BoolVecCodec = ScaleCodecs.Vec(ScaleCodecs.Bool, MaxVectorLength);

    // ---- neurons of a subnet ----

    /// <summary>Number of UIDs registered on the subnet (UIDs are 0..n-1).</summary>
    public static readonly StorageMap<NetUid, ushort> SubnetworkN =
        new(Pallet, "SubnetworkN", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, 0);

    /// <summary>Hotkey of each UID.</summary>
    public static readonly StorageDoubleMap<NetUid, ushort, AccountId> Keys =
        new(Pallet, "Keys", StorageHasher.Identity, StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, ScaleCodecs.AccountId, default);

    /// <summary>UID of each registered hotkey (absent = not registered).</summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, ushort> Uids =
        new(Pallet, "Uids", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId, ScaleCodecs.U16, 0);

    /// <summary>Block at which the UID's current hotkey registered.</summary>
    public static readonly StorageDoubleMap<NetUid, ushort, ulong> BlockAtRegistration =
        new(Pallet, "BlockAtRegistration", StorageHasher.Identity, StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, ScaleCodecs.U64, 0);

    // ---- epoch outputs (per subnet, aggregated over mechanisms) ----

    public static readonly StorageMap<NetUid, bool[]> Active =
        new(Pallet, "Active", StorageHasher.Identity, ScaleCodecs.NetUid, BoolVecCodec, []);

    /// <summary>Combined emission of the last epoch per UID (alpha rao).</summary>
    public static readonly StorageMap<NetUid, ulong[]> Emission =
        new(Pallet, "Emission", StorageHasher.Identity, ScaleCodecs.NetUid, U64VecCodec, []);

    public static readonly StorageMap<NetUid, ushort[]> Consensus =
        new(Pallet, "Consensus", StorageHasher.Identity, ScaleCodecs.NetUid, U16VecCodec, []);

    public static readonly StorageMap<NetUid, ushort[]> Dividends =
        new(Pallet, "Dividends", StorageHasher.Identity, ScaleCodecs.NetUid, U16VecCodec, []);

    public static readonly StorageMap<NetUid, ushort[]> ValidatorTrust =
        new(Pallet, "ValidatorTrust", StorageHasher.Identity, ScaleCodecs.NetUid, U16VecCodec, []);

    public static readonly StorageMap<NetUid, ushort[]> StakeWeight =
        new(Pallet, "StakeWeight", StorageHasher.Identity, ScaleCodecs.NetUid, U16VecCodec, []);

    /// <summary>Permits written by the last epoch; the next epoch uses them.</summary>
    public static readonly StorageMap<NetUid, bool[]> ValidatorPermit =
        new(Pallet, "ValidatorPermit", StorageHasher.Identity, ScaleCodecs.NetUid, BoolVecCodec, []);

    // ---- per mechanism (keyed by storage index) ----

    public static readonly StorageMap<ushort, ushort[]> Incentive =
        new(Pallet, "Incentive", StorageHasher.Identity, ScaleCodecs.U16, U16VecCodec, []);

    /// <summary>Block of each UID's last weight update (or registration / commit).</summary>
    public static readonly StorageMap<ushort, ulong[]> LastUpdate =
        new(Pallet, "LastUpdate", StorageHasher.Identity, ScaleCodecs.U16, U64VecCodec, []);

    /// <summary>Storage index of a subnet's main mechanism.</summary>
    public static ushort MainIndex(NetUid netuid) => netuid.Value;
}
