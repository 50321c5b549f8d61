using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>Reads and writes a subnet's pool (reserves, weight, fee) and prices it under the economics profile.</summary>
public sealed class SubnetPools(EconomicsProfile profile)
{
    public EconomicsProfile Profile { get; } = profile;

    public static PoolState Read(IStateReader s, NetUid netuid) => new(
        new TaoBalance(SubtensorStorage.SubnetTAO.Get(s, netuid)),
        new AlphaBalance(SubtensorStorage.SubnetAlphaIn.Get(s, netuid)),
        SubtensorStorage.SwapBalancer.Get(s, netuid),
        SubtensorStorage.FeeRate.Get(s, netuid));

    /// <summary>The model of the subnet: root and stable subnets swap 1:1.</summary>
    public IPoolModel ModelFor(IStateReader s, NetUid netuid) =>
        netuid.IsRoot ? StablePoolModel.Instance : Profile.PoolFor(SubtensorStorage.SubnetMechanism.Get(s, netuid));

    /// <summary>Spot price in TAO per α (1 for root/stable).</summary>
    public U64F64 Price(IStateReader s, NetUid netuid) => ModelFor(s, netuid).Price(Read(s, netuid));

    /// <summary>α value in TAO at spot (spec-dtao §3.6).</summary>
    public ulong SpotValue(IStateReader s, NetUid netuid, ulong alpha) =>
        U64F64.FromUInt(alpha).SaturatingMul(Price(s, netuid)).SaturatingToU64();
}
