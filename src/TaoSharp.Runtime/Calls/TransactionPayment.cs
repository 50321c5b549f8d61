using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Calls;

/// <summary>
/// Charging a transaction's fee + tip, as the reference's <c>TransactionFeeHandler</c> does: withdrawn from the signer
/// (keep-alive), then credited to the block's author (<c>Authorship.Author</c>) when the chain set one; with no author,
/// or when the credit cannot create the author's account (below the existential deposit), it is burned — it leaves the
/// balances issuance and subtensor's issuance counter alike, so TotalIssuance = free balances + pool TAO stays exact.
/// </summary>
public static class TransactionPayment
{
    public static void ChargeFee(IStateAccess state, AccountId who, ulong fee)
    {
        if (fee == 0) return;
        TaoBalances.Withdraw(state, who, new TaoBalance(fee), ExistenceRequirement.KeepAlive);
        if (StakingAccounts.Author(state) is { } author)
            StakingAccounts.PayOut(state, author, fee, events: null); // recycles whatever the deposit could not credit
        else
            StakingAccounts.RecycleTao(state, fee);
    }
}
