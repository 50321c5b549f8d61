using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// Dynamic-tempo epoch scheduling (spec-dtao §4.1) and the drain of pending emission (§4.2), as the reference's
/// <c>drain_pending</c> then <c>distribute_emissions_to_subnets</c>: every subnet's slot is decided and drained first,
/// then the drained subnets are distributed in netuid order.
/// </summary>
public sealed class EpochSchedule(EmissionDistribution distribution)
{
    /// <summary>An epoch runs anyway after this many blocks without one (MAX_TEMPO).</summary>
    public const ulong MaxBlocksWithoutStep = 50_400;

    public static bool ShouldRun(IStateReader s, NetUid n, ulong block)
    {
        var tempo = SubtensorStorage.Tempo.Get(s, n);
        if (tempo == 0) return false;
        var pending = SubtensorStorage.PendingEpochAt.Get(s, n);
        var last = SubtensorStorage.LastEpochBlock.Get(s, n);
        return (pending > 0 && block >= pending)
            || SubtensorStorage.BlocksSinceLastStep.Get(s, n) > MaxBlocksWithoutStep
            || block - System.Math.Min(block, last) >= tempo;
    }

    /// <summary>
    /// <c>blocks_until_next_auto_epoch</c>: blocks left until LastEpochBlock + tempo (u64::MAX when tempo is 0). It ignores
    /// a pending trigger, the 50 400-block safety net and the per-block cap, as the reference's does.
    /// </summary>
    public static ulong BlocksUntilNextAutoEpoch(IStateReader s, NetUid n, ulong block)
    {
        var tempo = SubtensorStorage.Tempo.Get(s, n);
        if (tempo == 0) return ulong.MaxValue;
        var last = SubtensorStorage.LastEpochBlock.Get(s, n);
        var next = last > ulong.MaxValue - tempo ? ulong.MaxValue : last + tempo;
        return next - System.Math.Min(next, block);
    }

    /// <summary>
    /// Consumes the due slots: at most <c>MaxEpochsPerBlock</c> in ascending netuid order run, later due subnets are
    /// deferred to the next block (<c>EpochDeferred</c>). A slot whose input is inconsistent (a hotkey on two UIDs) is
    /// consumed without running (<c>EpochSkipped</c>; the emission stays pending). Returns the subnets whose slot was
    /// consumed this block (LastEpochBlock = block).
    /// </summary>
    public List<NetUid> RunDue(IStateAccess s, IReadOnlyList<NetUid> subnets, ulong block, EventLog? events)
    {
        var max = SubtensorStorage.MaxEpochsPerBlock.Get(s);
        var consumed = new List<NetUid>();
        var drained = new List<(NetUid Netuid, PendingEmission Pending)>();
        foreach (var n in subnets)
        {
            // Counted for every subnet before the decision (the safety net sees this block too), reset only by a run.
            SubtensorStorage.BlocksSinceLastStep.Mutate(s, n, v => v == ulong.MaxValue ? v : v + 1);
            if (!ShouldRun(s, n, block)) continue;

            if (drained.Count >= max)
            {
                var next = block == ulong.MaxValue ? block : block + 1;
                SubtensorStorage.PendingEpochAt.Set(s, n, next);
                events?.Deposit(SubtensorEvents.Pallet, "EpochDeferred", ("netuid", n.Value.ToString()), ("from_block", block.ToString()),
                    ("to_block", next.ToString()));
                continue;
            }

            if (HasConsistentInput(s, n))
            {
                SubtensorStorage.BlocksSinceLastStep.Set(s, n, 0);
                var server = Take(s, SubtensorStorage.PendingServerEmission, n);
                var validator = Take(s, SubtensorStorage.PendingValidatorEmission, n);
                var root = Take(s, SubtensorStorage.PendingRootAlphaDivs, n);
                var owner = Take(s, SubtensorStorage.PendingOwnerCut, n);
                drained.Add((n, new PendingEmission(server, validator, root, owner)));
            }
            else
            {
                events?.Deposit(SubtensorEvents.Pallet, "EpochSkipped", ("netuid", n.Value.ToString()), ("block", block.ToString()));
            }

            // The slot is consumed either way.
            SubtensorStorage.LastEpochBlock.Set(s, n, block);
            SubtensorStorage.PendingEpochAt.Remove(s, n);
            SubtensorStorage.SubnetEpochIndex.Mutate(s, n, v => v == ulong.MaxValue ? v : v + 1);
            consumed.Add(n);
        }

        foreach (var (n, pending) in drained)
        {
            distribution.Distribute(s, n, block, pending, events);
            SubtensorStorage.LastMechansimStepBlock.Set(s, n, block);
        }

        return consumed;
    }

    /// <summary><c>is_epoch_input_state_consistent</c>: no hotkey holds two UIDs of the subnet.</summary>
    public static bool HasConsistentInput(IStateReader s, NetUid n)
    {
        var seen = new HashSet<AccountId>();
        foreach (var (_, hotkey) in SubtensorStorage.Keys.IteratePrefix(s, n))
            if (!seen.Add(hotkey)) return false;
        return true;
    }

    private static ulong Take(IStateAccess s, TaoSharp.Storage.StorageMap<NetUid, ulong> item, NetUid n)
    {
        var v = item.Get(s, n);
        item.Remove(s, n);
        return v;
    }
}

/// <summary>The four pending buckets drained at an epoch.</summary>
public readonly record struct PendingEmission(ulong Server, ulong Validator, ulong RootAlpha, ulong OwnerCut)
{
    public ulong Total => Server + Validator + RootAlpha + OwnerCut;
}
