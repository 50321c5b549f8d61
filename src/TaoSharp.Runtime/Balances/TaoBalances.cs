using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Balances;

/// <summary>
/// Free TAO balances of accounts (pallet_balances as subtensor configures it: u64 RAO, existential deposit
/// 500 RAO, no locks or reserves used). Deposits mint into and withdrawals burn from the total issuance, which
/// is how subtensor moves TAO between coldkeys and stake.
/// </summary>
public static class TaoBalances
{
    public const string Pallet = "Balances";

    /// <summary>ExistentialDeposit of the reference runtime (spec-dtao §10): 500 RAO.</summary>
    public static readonly TaoBalance ExistentialDeposit = new(500);

    public static AccountInfo Account(IStateReader s, AccountId who) => BalancesStorage.Account.Get(s, who);

    public static TaoBalance Free(IStateReader s, AccountId who) => new(Account(s, who).Free);

    public static TaoBalance TotalIssuance(IStateReader s) => BalancesStorage.TotalIssuance.Get(s);

    public static uint Nonce(IStateReader s, AccountId who) => Account(s, who).Nonce;

    public static void IncrementNonce(IStateAccess s, AccountId who)
    {
        var a = Account(s, who);
        // A u32 nonce cannot realistically wrap; refusing is safer than wrapping into replayable values.
        if (a.Nonce == uint.MaxValue) throw new DispatchException(DispatchError.Overflow, "nonce exhausted");
        Put(s, who, a with { Nonce = a.Nonce + 1 });
    }

    /// <summary>
    /// Adds newly minted TAO to an account. Like Currency::deposit_creating, a deposit that would create an
    /// account below the existential deposit is dropped; returns the amount actually credited.
    /// </summary>
    public static TaoBalance Deposit(IStateAccess s, AccountId who, TaoBalance amount, EventLog? events = null)
    {
        if (amount.Rao == 0) return amount;
        var a = Account(s, who);
        var isNew = a.Free == 0 && a.Reserved == 0;
        if (isNew && amount.Rao < ExistentialDeposit.Rao) return new TaoBalance(0);
        var issuance = TotalIssuance(s).Rao;
        if (ulong.MaxValue - a.Free < amount.Rao || ulong.MaxValue - issuance < amount.Rao)
            throw new DispatchException(DispatchError.Overflow, "balance overflow");
        Put(s, who, a with { Free = a.Free + amount.Rao, Providers = System.Math.Max(a.Providers, 1u) });
        BalancesStorage.TotalIssuance.Set(s, new TaoBalance(issuance + amount.Rao));
        if (isNew) events?.Deposit(Pallet, "Endowed", ("account", who.ToHex()), ("free_balance", amount.Rao.ToString()));
        events?.Deposit(Pallet, "Deposit", ("who", who.ToHex()), ("amount", amount.Rao.ToString()));
        return amount;
    }

    /// <summary>Burns TAO from an account (fees, stake added, locks paid). Throws when the balance is short.</summary>
    public static void Withdraw(IStateAccess s, AccountId who, TaoBalance amount, ExistenceRequirement existence, EventLog? events = null)
    {
        if (amount.Rao == 0) return;
        var a = Account(s, who);
        if (a.Free < amount.Rao) throw new DispatchException(DispatchError.InsufficientBalance);
        var remaining = a.Free - amount.Rao;
        var dust = 0UL;
        if (remaining < ExistentialDeposit.Rao && a.Reserved == 0)
        {
            if (existence == ExistenceRequirement.KeepAlive) throw new DispatchException(DispatchError.KeepAlive);
            dust = remaining;
            remaining = 0;
        }
        var issuance = TotalIssuance(s).Rao;
        Put(s, who, a with { Free = remaining });
        BalancesStorage.TotalIssuance.Set(s, new TaoBalance(issuance - System.Math.Min(issuance, amount.Rao + dust)));
        events?.Deposit(Pallet, "Withdraw", ("who", who.ToHex()), ("amount", amount.Rao.ToString()));
        if (remaining == 0 && a.Reserved == 0) Reaped(who, dust, events);
    }

    /// <summary>Moves TAO between accounts; total issuance is unchanged unless the sender's dust is burned.</summary>
    public static void Transfer(IStateAccess s, AccountId from, AccountId to, TaoBalance amount, ExistenceRequirement existence, EventLog? events = null)
    {
        if (from == to || amount.Rao == 0)
        {
            // Substrate treats these as no-ops that still succeed (after the balance check).
            if (Free(s, from).Rao < amount.Rao) throw new DispatchException(DispatchError.InsufficientBalance);
            events?.Deposit(Pallet, "Transfer", ("from", from.ToHex()), ("to", to.ToHex()), ("amount", amount.Rao.ToString()));
            return;
        }
        var src = Account(s, from);
        if (src.Free < amount.Rao) throw new DispatchException(DispatchError.InsufficientBalance);
        var dst = Account(s, to);
        var dstIsNew = dst.Free == 0 && dst.Reserved == 0;
        if (dstIsNew && amount.Rao < ExistentialDeposit.Rao) throw new DispatchException(DispatchError.ExistentialDeposit);
        if (ulong.MaxValue - dst.Free < amount.Rao) throw new DispatchException(DispatchError.Overflow);
        var remaining = src.Free - amount.Rao;
        var dust = 0UL;
        if (remaining < ExistentialDeposit.Rao && src.Reserved == 0)
        {
            if (existence == ExistenceRequirement.KeepAlive) throw new DispatchException(DispatchError.KeepAlive);
            dust = remaining;
            remaining = 0;
        }
        Put(s, from, src with { Free = remaining });
        dst = Account(s, to);
        Put(s, to, dst with { Free = dst.Free + amount.Rao, Providers = System.Math.Max(dst.Providers, 1u) });
        if (dstIsNew) events?.Deposit(Pallet, "Endowed", ("account", to.ToHex()), ("free_balance", amount.Rao.ToString()));
        events?.Deposit(Pallet, "Transfer", ("from", from.ToHex()), ("to", to.ToHex()), ("amount", amount.Rao.ToString()));
        if (dust > 0 || remaining == 0 && src.Reserved == 0)
        {
            var issuance = TotalIssuance(s).Rao;
            BalancesStorage.TotalIssuance.Set(s, new TaoBalance(issuance - System.Math.Min(issuance, dust)));
            Reaped(from, dust, events);
        }
    }

    /// <summary>Root's force_set_balance and genesis endowment: sets the free balance, adjusting issuance.</summary>
    public static void SetFree(IStateAccess s, AccountId who, TaoBalance free, EventLog? events = null)
    {
        var a = Account(s, who);
        var newFree = free.Rao < ExistentialDeposit.Rao ? 0UL : free.Rao;
        var issuance = TotalIssuance(s).Rao;
        var adjusted = newFree >= a.Free ? issuance + (newFree - a.Free) : issuance - System.Math.Min(issuance, a.Free - newFree);
        if (newFree >= a.Free && adjusted < issuance) throw new DispatchException(DispatchError.Overflow);
        Put(s, who, a with { Free = newFree, Providers = newFree > 0 ? System.Math.Max(a.Providers, 1u) : a.Providers });
        BalancesStorage.TotalIssuance.Set(s, new TaoBalance(adjusted));
        events?.Deposit(Pallet, "BalanceSet", ("who", who.ToHex()), ("free", newFree.ToString()));
    }

    private static void Reaped(AccountId who, ulong dust, EventLog? events)
    {
        if (dust > 0) events?.Deposit(Pallet, "DustLost", ("account", who.ToHex()), ("amount", dust.ToString()));
        events?.Deposit("System", "KilledAccount", ("account", who.ToHex()));
    }

    /// <summary>
    /// Writes the record; an account with nothing left is removed. Decision: a reaped account that has sent
    /// transactions keeps its nonce (record with zero balance) so its old immortal transactions stay unreplayable.
    /// </summary>
    private static void Put(IStateAccess s, AccountId who, AccountInfo a)
    {
        if (a.Free == 0 && a.Reserved == 0) a = a with { Providers = 0 };
        if (a.IsEmpty) BalancesStorage.Account.Remove(s, who);
        else BalancesStorage.Account.Set(s, who, a);
    }
}
