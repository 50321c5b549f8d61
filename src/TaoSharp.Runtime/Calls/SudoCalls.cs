using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Calls;

/// <summary>
/// pallet_sudo: sudo (0) dispatches its inner call as Root, set_key (2) hands the key over. As in the reference,
/// a failing inner call does not fail the sudo extrinsic: its changes are undone and Sudid carries the error.
/// </summary>
public static class SudoCalls
{
    public static IEnumerable<CallDescriptor> Descriptors()
    {
        yield return new(PalletIndices.Sudo, 0, "Sudo", "sudo", 50_000_000, Pays.Yes,
            (ref ScaleReader r, CallTable table) => new Sudo(table.DecodeNested(ref r)));
        yield return new(PalletIndices.Sudo, 2, "Sudo", "set_key", 20_000_000, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new SetKey(MultiAddress.ReadId(ref r)));
    }

    public static void EnsureSudo(CallContext ctx)
    {
        var who = ctx.Origin.EnsureSigned();
        if (BalancesStorage.SudoKey.Get(ctx.State) != who) throw new DispatchException(DispatchError.RequireSudo);
    }

    public sealed record Sudo(DecodedCall Inner) : IRuntimeCall
    {
        public ulong? Weight => 50_000_000 + Inner.Weight;

        public void Dispatch(CallContext ctx)
        {
            EnsureSudo(ctx);
            var rootCtx = ctx.WithOrigin(Origin.Root);
            var error = rootCtx.Transactional(() => Inner.Dispatch(rootCtx));
            ctx.Events.Deposit("Sudo", "Sudid", ("call", Inner.Descriptor.FullName), ("sudo_result", error is null ? "Ok" : $"Err({error.Error})"));
        }
    }

    public sealed record SetKey(AccountId New) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx)
        {
            EnsureSudo(ctx);
            var old = BalancesStorage.SudoKey.Get(ctx.State);
            BalancesStorage.SudoKey.Set(ctx.State, New);
            ctx.Events.Deposit("Sudo", "KeyChanged", ("old", old?.ToHex() ?? "none"), ("new", New.ToHex()));
        }
    }
}
