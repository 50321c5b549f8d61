using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>
/// The dense index of coldkeys the automatic root claims draw from (spec-dtao §4.8): slots 0..n−1 of
/// <c>StakingColdkeysByIndex</c> hold distinct coldkeys, <c>StakingColdkeys</c> is the inverse, <c>NumStakingColdkeys</c>
/// is n. Maintained by <see cref="Staking.StakingColdkeyIndex"/>; the hashers are the reference's (Identity).
/// </summary>
public static partial class SubtensorStorage
{
    /// <summary>Slot → coldkey (absent = empty slot; the index is kept dense, so only slots ≥ n are absent).</summary>
    public static readonly StorageMap<ulong, AccountId> StakingColdkeysByIndex =
        new(Pallet, "StakingColdkeysByIndex", StorageHasher.Identity, ScaleCodecs.U64, ScaleCodecs.AccountId, default);

    /// <summary>Coldkey → its slot (absent = not indexed).</summary>
    public static readonly StorageMap<AccountId, ulong> StakingColdkeys =
        new(Pallet, "StakingColdkeys", StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    /// <summary>How many slots are in use.</summary>
    public static readonly StorageValue<ulong> NumStakingColdkeys = new(Pallet, "NumStakingColdkeys", ScaleCodecs.U64, 0);

    /// <summary>
    /// The parent block's hash (Substrate's <c>System.ParentHash</c>), written by the chain before the block's hooks run;
    /// the automatic root claims derive their coldkey sample from it. Absent only in Runtime-level tests that never set it.
    /// </summary>
    public static readonly StorageValue<Hash256> ParentHash = new("System", "ParentHash", ScaleCodecs.Hash256, default);
}
