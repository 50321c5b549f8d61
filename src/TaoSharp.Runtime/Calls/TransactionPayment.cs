using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Calls;

/// <summary>
/// Charging a transaction's fee + tip. Decision: the fee is burned (the reference pays it to the block author; this
/// Runtime has no author account yet), so it leaves both the balances ledger and subtensor's issuance counter, which
/// keeps TotalIssuance = free balances + pool TAO exact (DtaoInvariants).
/// </summary>
public static class TransactionPayment
{
    public static void ChargeFee(IStateAccess state, AccountId who, ulong fee)
    {
        if (fee == 0) return;
        TaoBalances.Withdraw(state, who, new TaoBalance(fee), ExistenceRequirement.KeepAlive);
        StakingAccounts.RecycleTao(state, fee);
    }
}
