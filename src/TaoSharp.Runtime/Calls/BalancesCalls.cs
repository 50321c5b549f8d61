using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Balances;

namespace TaoSharp.Runtime.Calls;

/// <summary>pallet_balances calls with the reference call indices; amounts are Compact&lt;u64&gt; RAO.</summary>
public static class BalancesCalls
{
    // Weights (ref time) in the order of magnitude of the reference's benchmarked weights.
    private const ulong TransferWeight = 190_000_000;

    public static IEnumerable<CallDescriptor> Descriptors()
    {
        yield return new(PalletIndices.Balances, 0, "Balances", "transfer_allow_death", TransferWeight, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new Transfer(MultiAddress.ReadId(ref r), ReadAmount(ref r), ExistenceRequirement.AllowDeath));
        yield return new(PalletIndices.Balances, 3, "Balances", "transfer_keep_alive", TransferWeight, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new Transfer(MultiAddress.ReadId(ref r), ReadAmount(ref r), ExistenceRequirement.KeepAlive));
        yield return new(PalletIndices.Balances, 4, "Balances", "transfer_all", TransferWeight, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new TransferAll(MultiAddress.ReadId(ref r), r.ReadBool()));
        yield return new(PalletIndices.Balances, 8, "Balances", "force_set_balance", 100_000_000, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new ForceSetBalance(MultiAddress.ReadId(ref r), ReadAmount(ref r)));
    }

    private static TaoBalance ReadAmount(ref ScaleReader r) => new(r.ReadCompactU64());

    public sealed record Transfer(AccountId Dest, TaoBalance Value, ExistenceRequirement Existence) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) =>
            TaoBalances.Transfer(ctx.State, ctx.Origin.EnsureSigned(), Dest, Value, Existence, ctx.Events);
    }

    public sealed record TransferAll(AccountId Dest, bool KeepAlive) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx)
        {
            var from = ctx.Origin.EnsureSigned();
            var free = TaoBalances.Free(ctx.State, from).Rao;
            var amount = KeepAlive ? free - System.Math.Min(free, TaoBalances.ExistentialDeposit.Rao) : free;
            TaoBalances.Transfer(ctx.State, from, Dest, new TaoBalance(amount),
                KeepAlive ? ExistenceRequirement.KeepAlive : ExistenceRequirement.AllowDeath, ctx.Events);
        }
    }

    public sealed record ForceSetBalance(AccountId Who, TaoBalance NewFree) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx)
        {
            ctx.Origin.EnsureRoot();
            TaoBalances.SetFree(ctx.State, Who, NewFree, ctx.Events);
        }
    }
}
