using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>
/// Subnet existence and ownership, and hotkey ownership. Declared here because the epoch, weights and
/// registration need them; subnet creation and staking (owned by the dTAO area) write them.
/// </summary>
public static partial class SubtensorStorage
{
    /// <summary>Whether a subnet exists.</summary>
    public static readonly StorageMap<NetUid, bool> NetworksAdded =
        new(Pallet, "NetworksAdded", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, false);

    /// <summary>Owner coldkey of a subnet.</summary>
    public static readonly StorageMap<NetUid, AccountId> SubnetOwner =
        new(Pallet, "SubnetOwner", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.AccountId, default);

    /// <summary>The subnet owner's hotkey (always permitted, exempt from the stake threshold, never pruned).</summary>
    public static readonly StorageMap<NetUid, AccountId> SubnetOwnerHotkey =
        new(Pallet, "SubnetOwnerHotkey", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.AccountId, default);

    /// <summary>Coldkey that owns a hotkey.</summary>
    public static readonly StorageMap<AccountId, AccountId> Owner =
        new(Pallet, "Owner", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.AccountId, default);
}
