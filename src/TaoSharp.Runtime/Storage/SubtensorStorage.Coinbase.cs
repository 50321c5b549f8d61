using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Emission bookkeeping (spec-dtao §1–§2, §4.1–§4.2).</summary>
public static partial class SubtensorStorage
{
    /// <summary>Subtensor's own issuance counter (minted minus recycled TAO).</summary>
    public static readonly StorageValue<ulong> TotalIssuance = new(Pallet, "TotalIssuance", ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> PendingServerEmission =
        new(Pallet, "PendingServerEmission", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> PendingValidatorEmission =
        new(Pallet, "PendingValidatorEmission", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> PendingRootAlphaDivs =
        new(Pallet, "PendingRootAlphaDivs", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> PendingOwnerCut =
        new(Pallet, "PendingOwnerCut", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>First block with emission (set by start_call to now + 1); absent before start_call.</summary>
    public static readonly StorageMap<NetUid, ulong> FirstEmissionBlockNumber =
        new(Pallet, "FirstEmissionBlockNumber", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, bool> SubtokenEnabled =
        new(Pallet, "SubtokenEnabled", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, false);

    /// <summary>Root's per-subnet TAO emission switch (new subnets start disabled, spec-dtao §2.4).</summary>
    public static readonly StorageMap<NetUid, bool> SubnetEmissionEnabled =
        new(Pallet, "SubnetEmissionEnabled", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, true);

    public static readonly StorageMap<NetUid, bool> OwnerCutEnabled =
        new(Pallet, "OwnerCutEnabled", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, true);

    public static readonly StorageValue<ushort> SubnetOwnerCut =
        new(Pallet, "SubnetOwnerCut", ScaleCodecs.U16, Coinbase.PendingEmissionSplit.DefaultOwnerCut);

    /// <summary>Share of last tempo's miner incentive withheld from owner hotkeys (U96F32).</summary>
    public static readonly StorageMap<NetUid, U96F32> MinerBurned =
        new(Pallet, "MinerBurned", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U96F32, U96F32.Zero);

    public static readonly StorageMap<NetUid, ulong> SubnetTaoInEmission =
        new(Pallet, "SubnetTaoInEmission", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> SubnetAlphaInEmission =
        new(Pallet, "SubnetAlphaInEmission", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> SubnetAlphaOutEmission =
        new(Pallet, "SubnetAlphaOutEmission", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> SubnetExcessTao =
        new(Pallet, "SubnetExcessTao", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary><c>EMAPriceHalvingBlocks</c> per subnet.</summary>
    public static readonly StorageMap<NetUid, ulong> EMAPriceHalvingBlocks =
        new(Pallet, "EMAPriceHalvingBlocks", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, Coinbase.MovingPrice.DefaultHalvingBlocks);

    public static readonly StorageValue<I96F32> SubnetMovingAlpha =
        new(Pallet, "SubnetMovingAlpha", ScaleCodecs.I96F32, Coinbase.MovingPrice.DefaultMovingAlpha);

    // ---- epoch scheduling (§4.1) ----

    public static readonly StorageMap<NetUid, ulong> LastEpochBlock =
        new(Pallet, "LastEpochBlock", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> PendingEpochAt =
        new(Pallet, "PendingEpochAt", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> BlocksSinceLastStep =
        new(Pallet, "BlocksSinceLastStep", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageValue<ushort> MaxEpochsPerBlock = new(Pallet, "MaxEpochsPerBlock", ScaleCodecs.U16, 2);

    // ---- root dividends (§4.8) ----

    /// <summary>Cumulative α per unit of root stake owed by hotkey h from subnet i (I96F32).</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, I96F32> RootClaimable =
        new(Pallet, "RootClaimable", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid, ScaleCodecs.I96F32, I96F32.Zero);

    /// <summary>Watermark of α already credited to (hotkey; coldkey, netuid).</summary>
    public static readonly StorageDoubleMap<AccountId, (AccountId Coldkey, NetUid Netuid), UInt128> RootClaimed =
        new(Pallet, "RootClaimed", StorageHasher.Blake2_128Concat, StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId,
            ScaleCodecs.Tuple(ScaleCodecs.AccountId, ScaleCodecs.NetUid), ScaleCodecs.U128, UInt128.Zero);

    /// <summary>Root alpha dividends credited to RootClaimable rates but not yet claimed (kept for the alpha invariant).</summary>
    public static readonly StorageMap<NetUid, ulong> RootAlphaUnclaimed =
        new(Pallet, "RootAlphaUnclaimed", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> RootClaimableThreshold =
        new(Pallet, "RootClaimableThreshold", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 500_000);
}

public static partial class SubtensorStorage
{
    /// <summary>Alpha dividends (after take) of a hotkey at its subnet's last epoch.</summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, ulong> AlphaDividendsPerSubnet =
        new(Pallet, "AlphaDividendsPerSubnet", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    /// <summary>Root alpha dividends (after take) of a hotkey at its subnet's last epoch.</summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, ulong> RootAlphaDividendsPerSubnet =
        new(Pallet, "RootAlphaDividendsPerSubnet", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);
}
