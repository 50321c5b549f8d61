using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// Paying a key-swap cost: <c>can_remove_balance_from_coldkey_account</c> (the free balance covers it) and
/// <c>recycle_tao</c> (the account keeps its existential deposit; the TAO leaves both the balances ledger and
/// subtensor's issuance counter, so it is simply no longer issued).
/// </summary>
internal static class SwapCostPayment
{
    public static bool CanPay(IStateReader s, AccountId coldkey, ulong cost) => TaoBalances.Free(s, coldkey).Rao >= cost;

    /// <summary>Recycles <paramref name="cost"/>; <c>InsufficientBalance</c> when it would take the existential deposit.</summary>
    public static void Recycle(IStateAccess s, AccountId coldkey, ulong cost)
    {
        if (cost == 0) return;
        var free = TaoBalances.Free(s, coldkey).Rao;
        var reducible = free > TaoBalances.ExistentialDeposit.Rao ? free - TaoBalances.ExistentialDeposit.Rao : 0;
        if (cost > reducible) throw new DispatchException(DispatchError.InsufficientBalance, "the swap cost would take the existential deposit");
        TaoBalances.Withdraw(s, coldkey, new TaoBalance(cost), ExistenceRequirement.KeepAlive);
        StakingAccounts.RecycleTao(s, cost);
    }
}
