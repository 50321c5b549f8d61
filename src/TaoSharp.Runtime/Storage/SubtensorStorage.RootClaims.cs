using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Root-claim settings, the withheld-incentive policy and root-sell bookkeeping (spec-dtao §4.3, §4.8, §4.9).</summary>
public static partial class SubtensorStorage
{
    /// <summary>How a coldkey's root dividends are claimed (default Swap).</summary>
    public static readonly StorageMap<AccountId, Staking.RootClaimType> RootClaimType =
        new(Pallet, "RootClaimType", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, Staking.RootClaimType.Codec, Staking.RootClaimType.Swap);

    /// <summary>Coldkeys auto-claimed per block (0 disables; at most 50).</summary>
    public static readonly StorageValue<ulong> NumRootClaim = new(Pallet, "NumRootClaim", ScaleCodecs.U64, 5);

    /// <summary>TAO the root claims' Swap type sold out of a subnet's pool this block (cleared by the coinbase).</summary>
    public static readonly StorageMap<NetUid, ulong> SubnetRootSellTao =
        new(Pallet, "SubnetRootSellTao", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>What happens to miner incentive withheld from owner hotkeys (absent = Burn).</summary>
    public static readonly StorageMap<NetUid, Staking.RecycleOrBurn> RecycleOrBurn =
        new(Pallet, "RecycleOrBurn", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Enum<Staking.RecycleOrBurn>(), Staking.RecycleOrBurn.Burn);
}
