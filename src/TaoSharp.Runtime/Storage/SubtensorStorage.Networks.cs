using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Subnet registration, lock cost and pruning (spec-dtao §6).</summary>
public static partial class SubtensorStorage
{
    public static readonly StorageValue<ulong> NetworkLastRegistered = new(Pallet, "NetworkLastRegistered", ScaleCodecs.U64, 0);

    /// <summary>Amount locked by the previous registration (<c>NetworkLastLockCost</c>).</summary>
    public static readonly StorageValue<ulong> NetworkLastLockCost =
        new(Pallet, "NetworkLastLockCost", ScaleCodecs.U64, Subnets.LockCost.DefaultMinLockCost);

    public static readonly StorageValue<ulong> NetworkMinLockCost =
        new(Pallet, "NetworkMinLockCost", ScaleCodecs.U64, Subnets.LockCost.DefaultMinLockCost);

    public static readonly StorageValue<ulong> NetworkLockReductionInterval =
        new(Pallet, "NetworkLockReductionInterval", ScaleCodecs.U64, Subnets.LockCost.DefaultReductionInterval);

    public static readonly StorageValue<ulong> NetworkRateLimit = new(Pallet, "NetworkRateLimit", ScaleCodecs.U64, 7_200);

    public static readonly StorageValue<ulong> NetworkImmunityPeriod = new(Pallet, "NetworkImmunityPeriod", ScaleCodecs.U64, 1_296_000);

    public static readonly StorageValue<ushort> SubnetLimit = new(Pallet, "SubnetLimit", ScaleCodecs.U16, 128);

    public static readonly StorageMap<NetUid, ulong> NetworkRegisteredAt =
        new(Pallet, "NetworkRegisteredAt", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageMap<NetUid, ulong> SubnetLocked =
        new(Pallet, "SubnetLocked", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    public static readonly StorageValue<ushort> TotalNetworks = new(Pallet, "TotalNetworks", ScaleCodecs.U16, 0);

    public static readonly StorageValue<ulong> StartCallDelay = new(Pallet, "StartCallDelay", ScaleCodecs.U64, 0);
}
