using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// <c>trigger_epoch</c> (SubtensorModule 141), spec-dtao §4.1: the subnet owner schedules an epoch
/// <c>AdminFreezeWindow</c> blocks ahead (<c>PendingEpochAt = now + window</c>; <see cref="EpochSchedule"/> fires it).
/// The countdown itself arms the admin freeze window, so no hyperparameter can change before that epoch. Refused, in the
/// reference's order: not the owner (BadOrigin), commit-reveal on (a moved epoch would break reveals), a trigger already
/// pending, the automatic epoch fewer than <c>window</c> blocks away, and the owner rate limit (one trigger per
/// <c>OwnerHyperparamRateLimit</c> tempos).
/// </summary>
public static class EpochTrigger
{
    /// <summary>Key of the trigger's last block in <c>OwnerHyperparamLastBlock</c> (the 11xx codes are SubtensorModule owner calls).</summary>
    public const ushort RateLimitCode = 1141;

    public static IEnumerable<CallDescriptor> Descriptors()
    {
        yield return new(PalletIndices.SubtensorModule, 141, SubtensorEvents.Pallet, "trigger_epoch", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var n = new NetUid(r.ReadU16());
            return new Call(c => Trigger(c.State, c.Origin, n, c.Block.Value, c.Events));
        });
    }

    /// <summary>Returns the block at which the triggered epoch fires.</summary>
    public static ulong Trigger(IStateAccess s, Origin origin, NetUid n, ulong block, EventLog? events)
    {
        var who = origin.EnsureSigned();
        if (!SubtensorStorage.SubnetOwner.TryGet(s, n, out var owner) || owner != who)
            throw new DispatchException(DispatchError.BadOrigin, "only the subnet owner may trigger its epoch");
        if (SubtensorStorage.CommitRevealWeightsEnabled.Get(s, n)) throw new DispatchException(DispatchError.DynamicTempoBlockedByCommitReveal);
        if (SubtensorStorage.PendingEpochAt.Get(s, n) != 0) throw new DispatchException(DispatchError.EpochTriggerAlreadyPending);

        ulong window = SubtensorStorage.AdminFreezeWindow.Get(s);
        var remaining = EpochSchedule.BlocksUntilNextAutoEpoch(s, n, block);
        if (remaining < window)
            throw new DispatchException(DispatchError.AutoEpochAlreadyImminent, $"the automatic epoch is {remaining} blocks away (window {window})");

        var limit = (ulong)SubtensorStorage.Tempo.Get(s, n) * SubtensorStorage.OwnerHyperparamRateLimit.Get(s);
        var last = SubtensorStorage.OwnerHyperparamLastBlock.Get(s, n, RateLimitCode);
        if (last != 0 && block - System.Math.Min(block, last) < limit)
            throw new DispatchException(DispatchError.TxRateLimitExceeded, $"last trigger at block {last}, limit {limit} blocks");

        var firesAt = block > ulong.MaxValue - window ? ulong.MaxValue : block + window;
        SubtensorStorage.PendingEpochAt.Set(s, n, firesAt);
        SubtensorStorage.OwnerHyperparamLastBlock.Set(s, n, RateLimitCode, block);
        events?.Deposit(SubtensorEvents.Pallet, "EpochTriggered", ("netuid", n.Value.ToString()), ("by", who.ToHex()), ("fires_at", firesAt.ToString()));
        return firesAt;
    }

    private sealed class Call(Action<CallContext> run) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) => run(ctx);
    }
}
