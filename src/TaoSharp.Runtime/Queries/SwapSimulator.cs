using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Staking;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// Quotes for staking and unstaking (subtensor's <c>SwapRuntimeApi.sim_swap_*</c>) computed by the very pool step
/// add_stake / remove_stake run (<see cref="StakeSwap"/>), on the subnet's current pool, writing nothing. A quote that
/// the extrinsic would refuse throws <see cref="SwapQuoteException"/> with that chain error.
/// Decision: an alpha → TAO quote is for closing a position of that size, so the "remaining stake below the minimum"
/// check (which depends on the caller's position) does not apply.
/// </summary>
public sealed class SwapSimulator(EconomicsProfile profile)
{
    private readonly SubnetPools _pools = new(profile);

    public SwapQuote TaoForAlpha(IStateReader s, NetUid netuid, ulong tao) =>
        Quote(s, netuid, new StakeSwapRequest(SwapDirection.Buy, tao, null, false, 0));

    public SwapQuote AlphaForTao(IStateReader s, NetUid netuid, ulong alpha) =>
        Quote(s, netuid, new StakeSwapRequest(SwapDirection.Sell, alpha, null, false, alpha));

    private SwapQuote Quote(IStateReader s, NetUid netuid, StakeSwapRequest request)
    {
        try
        {
            StakingOperations.EnsureSubnet(s, netuid);
        }
        catch (DispatchException e)
        {
            throw new SwapQuoteException(e.Error);
        }

        var model = _pools.ModelFor(s, netuid);
        var outcome = new StakeSwap(profile, model).Execute(SubnetPools.Read(s, netuid), request);
        if (outcome.Swap.Error is { } error) throw new SwapQuoteException(error);
        var r = outcome.Swap.Result;
        var after = outcome.PoolAfter;
        return new SwapQuote(r.GrossPaidIn, r.AmountPaidOut, r.FeePaid, after.TaoReserve.Rao, after.AlphaReserve.Raw, model.Price(after));
    }
}
