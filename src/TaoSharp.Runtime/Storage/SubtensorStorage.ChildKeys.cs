using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Child keys, childkey take and per-hotkey rate-limit blocks (spec-dtao §4.4, §5.6, §5.7).</summary>
public static partial class SubtensorStorage
{
    /// <summary>At most five children per parent (also bounds decoding of the stored vectors).</summary>
    public const int MaxChildren = 5;

    /// <summary>Bound on stored parent lists (a hotkey can be the child of many parents).</summary>
    public const int MaxParents = 4096;

    private static readonly IScaleCodec<(ulong Proportion, AccountId Key)> ProportionCodec =
        ScaleCodecs.Tuple(ScaleCodecs.U64, ScaleCodecs.AccountId);

    /// <summary>(proportion of u64::MAX, child) per (parent hotkey, netuid).</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, (ulong Proportion, AccountId Key)[]> ChildKeys =
        new(Pallet, "ChildKeys", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid,
            ScaleCodecs.Vec(ProportionCodec, MaxChildren), []);

    /// <summary>(proportion of u64::MAX, parent) per (child hotkey, netuid): the mirror of <see cref="ChildKeys"/>.</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, (ulong Proportion, AccountId Key)[]> ParentKeys =
        new(Pallet, "ParentKeys", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid,
            ScaleCodecs.Vec(ProportionCodec, MaxParents), []);

    /// <summary>Scheduled <c>set_children</c>: (children, block after which they apply) per (netuid, parent).</summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, ((ulong Proportion, AccountId Key)[] Children, ulong CooldownBlock)> PendingChildKeys =
        new(Pallet, "PendingChildKeys", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId,
            ScaleCodecs.Tuple(ScaleCodecs.Vec(ProportionCodec, MaxChildren), ScaleCodecs.U64), ([], 0));

    /// <summary>Childkey take of a hotkey on a subnet (u16 proportion, default 0).</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, ushort> ChildkeyTake =
        new(Pallet, "ChildkeyTake", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid, ScaleCodecs.U16, 0);

    public static readonly StorageValue<ushort> MinChildkeyTake = new(Pallet, "MinChildkeyTake", ScaleCodecs.U16, 0);

    public static readonly StorageValue<ushort> MaxChildkeyTake = new(Pallet, "MaxChildkeyTake", ScaleCodecs.U16, 11_796);

    public static readonly StorageMap<NetUid, ushort> MinChildkeyTakePerSubnet =
        new(Pallet, "MinChildkeyTakePerSubnet", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, 0);

    /// <summary>Blocks between two childkey-take increases of a hotkey on a subnet.</summary>
    public static readonly StorageValue<ulong> TxChildkeyTakeRateLimit = new(Pallet, "TxChildkeyTakeRateLimit", ScaleCodecs.U64, 216_000);

    /// <summary>Blocks a scheduled set_children waits before it applies.</summary>
    public static readonly StorageValue<ulong> PendingChildKeyCooldown = new(Pallet, "PendingChildKeyCooldown", ScaleCodecs.U64, 7_200);

    /// <summary>Share of a parent's dividend (from a child of another coldkey) that is recycled, of u64::MAX (default 0).</summary>
    public static readonly StorageValue<ulong> CKBurn = new(Pallet, "CKBurn", ScaleCodecs.U64, 0);

    /// <summary>Whether a root validator is scheduled as a 100 % parent of every new subnet's owner hotkey (default true).</summary>
    public static readonly StorageMap<AccountId, bool> AutoParentDelegationEnabled =
        new(Pallet, "AutoParentDelegationEnabled", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.Bool, true);

    /// <summary>
    /// Last block of a rate-limited transaction per (hotkey; netuid, transaction type). The reference's NMap
    /// (Blake2_128Concat hotkey, Identity netuid, Identity u16) has the same key bytes as this StorageDoubleMap.
    /// </summary>
    public static readonly StorageDoubleMap<AccountId, (NetUid Netuid, ushort TxType), ulong> TransactionKeyLastBlock =
        new(Pallet, "TransactionKeyLastBlock", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId,
            ScaleCodecs.Tuple(ScaleCodecs.NetUid, ScaleCodecs.U16), ScaleCodecs.U64, 0);
}
