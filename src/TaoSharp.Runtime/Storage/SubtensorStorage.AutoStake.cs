using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Auto-stake destinations (spec-dtao §4.3): where a coldkey's miner incentive on a subnet is staked.</summary>
public static partial class SubtensorStorage
{
    /// <summary>
    /// (coldkey, netuid) → hotkey that receives the coldkey's miners' incentive on that subnet (OptionQuery in the
    /// reference: absent = the miner's own hotkey). Keyed coldkey-first so one prefix scan lists a coldkey's choices.
    /// </summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, AccountId> AutoStakeDestination =
        new(Pallet, "AutoStakeDestination", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid,
            ScaleCodecs.AccountId, default);

    /// <summary>(hotkey, netuid) → the coldkeys whose destination it is: the reverse index the reference keeps for hotkey swaps.</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, AccountId[]> AutoStakeDestinationColdkeys =
        new(Pallet, "AutoStakeDestinationColdkeys", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid,
            ScaleCodecs.Vec(ScaleCodecs.AccountId), []);
}
