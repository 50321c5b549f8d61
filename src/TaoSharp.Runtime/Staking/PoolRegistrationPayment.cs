using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// The neuron registration burn (spec-dtao §6.8, §4.9): the TAO leaves the coldkey and is swapped fee-free into the
/// subnet pool; the bought alpha is never handed out (net buy-and-burn: alpha issuance falls, the price rises).
/// </summary>
public sealed class PoolRegistrationPayment(EconomicsProfile profile) : IRegistrationPayment
{
    private readonly SubnetPools _pools = new(profile);

    public bool CanPay(IStateReader state, AccountId coldkey, ulong taoRao) =>
        TaoBalances.Free(state, coldkey).Rao >= taoRao + TaoBalances.ExistentialDeposit.Rao;

    public void Pay(IStateAccess state, AccountId coldkey, NetUid netuid, ulong taoRao)
    {
        TaoBalances.Withdraw(state, coldkey, new TaoBalance(taoRao), ExistenceRequirement.KeepAlive);
        var pool = SubnetPools.Read(state, netuid);
        var swap = _pools.ModelFor(state, netuid).Swap(pool, SwapDirection.Buy, taoRao, SwapConfig.LimitPrice(SwapConfig.MaxPriceRao), dropFees: true, simulate: false);
        var bought = swap.IsOk ? swap.Result.AmountPaidOut : 0;
        SubtensorStorage.SubnetTAO.Mutate(state, netuid, v => v + taoRao);
        SubtensorStorage.SubnetAlphaIn.Mutate(state, netuid, v => v - System.Math.Min(v, bought));
        SubtensorStorage.TotalStake.Mutate(state, v => v + taoRao);
        Coinbase.TaoFlowShares.Record(state, SubtensorStorage.SubnetTaoFlow, netuid, taoRao, inflow: true);
    }
}
