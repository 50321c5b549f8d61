using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>Dynamic-tempo epoch scheduling (spec-dtao §4.1) and the drain of pending emission (§4.2).</summary>
public sealed class EpochSchedule(EmissionDistribution distribution)
{
    /// <summary>An epoch runs anyway after this many blocks without one.</summary>
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

    /// <summary>Runs at most <c>MaxEpochsPerBlock</c> due epochs in ascending netuid order; defers the rest to the next block.</summary>
    public List<NetUid> RunDue(IStateAccess s, IReadOnlyList<NetUid> subnets, ulong block, EventLog? events)
    {
        var max = SubtensorStorage.MaxEpochsPerBlock.Get(s);
        var ran = new List<NetUid>();
        foreach (var n in subnets)
        {
            if (!ShouldRun(s, n, block))
            {
                SubtensorStorage.BlocksSinceLastStep.Mutate(s, n, v => v + 1);
                continue;
            }

            if (ran.Count >= max)
            {
                SubtensorStorage.PendingEpochAt.Set(s, n, block + 1);
                events?.Deposit(SubtensorEvents.Pallet, "EpochDeferred", ("netuid", n.Value.ToString()), ("block", block.ToString()));
                continue;
            }

            var server = Take(s, SubtensorStorage.PendingServerEmission, n);
            var validator = Take(s, SubtensorStorage.PendingValidatorEmission, n);
            var root = Take(s, SubtensorStorage.PendingRootAlphaDivs, n);
            var owner = Take(s, SubtensorStorage.PendingOwnerCut, n);
            SubtensorStorage.BlocksSinceLastStep.Set(s, n, 0);
            SubtensorStorage.LastEpochBlock.Set(s, n, block);
            SubtensorStorage.PendingEpochAt.Remove(s, n);
            SubtensorStorage.SubnetEpochIndex.Mutate(s, n, v => v + 1);
            distribution.Distribute(s, n, block, new PendingEmission(server, validator, root, owner), events);
            SubtensorStorage.LastMechansimStepBlock.Set(s, n, block);
            ran.Add(n);
        }

        return ran;
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
