using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// Where TAO goes when it leaves a pool for nobody in particular (spec-dtao §4.9): swap fees go to the block author
/// (<c>Authorship.Author</c>, set by the chain), and with no author known they are burned, i.e. paid to the burn
/// account. Recycling lowers subtensor's <c>TotalIssuance</c>.
/// </summary>
public static class StakingAccounts
{
    /// <summary>PalletId("burntnsr") as a sub-account-free account id: "modl" ++ "burntnsr" ++ zero padding.</summary>
    public static readonly AccountId BurnAccount = AccountId.FromBytes(
        [.. "modlburntnsr"u8, .. new byte[20]]);

    /// <summary>Accounts the chain itself holds, which may never be used as hotkeys (the reference's subnet accounts;
    /// here only the burn account exists, since pool TAO is kept as counters).</summary>
    public static bool IsSystemAccount(AccountId account) => account == BurnAccount;

    /// <summary>Pays TAO out of the staking system to an account (minted into the balances ledger). A deposit too
    /// small to create a new account is recycled instead, so no TAO silently disappears from the books.</summary>
    public static void PayOut(IStateAccess s, AccountId to, ulong rao, EventLog? events)
    {
        if (rao == 0) return;
        var credited = TaoBalances.Deposit(s, to, new TaoBalance(rao), events).Rao;
        if (credited < rao) RecycleTao(s, rao - credited);
    }

    public static void Burn(IStateAccess s, ulong rao, EventLog? events) => PayOut(s, BurnAccount, rao, events);

    /// <summary>The block author when the chain has set one (<c>Authorship.Author</c>), else null.</summary>
    public static AccountId? Author(IStateReader s) =>
        SubtensorStorage.BlockAuthor.TryGet(s, out var author) ? author : null;

    /// <summary>Swap fee TAO: to the block author, burned when there is none.</summary>
    public static void PayFee(IStateAccess s, ulong rao, EventLog? events)
    {
        if (rao == 0) return;
        if (Author(s) is { } author) PayOut(s, author, rao, events);
        else Burn(s, rao, events);
    }

    /// <summary><c>recycle_tao</c>: TAO that is simply not (or no longer) issued.</summary>
    public static void RecycleTao(IStateAccess s, ulong rao)
    {
        if (rao == 0) return;
        SubtensorStorage.TotalIssuance.Mutate(s, v => v - System.Math.Min(v, rao));
    }
}
