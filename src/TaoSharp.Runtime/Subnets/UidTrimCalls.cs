using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// AdminUtils calls that change how many UIDs a subnet holds: <c>sudo_trim_to_max_allowed_uids</c> (78; the subnet
/// owner or root, owner rate limited, refused in the admin freeze window) and <c>sudo_set_min_allowed_uids</c> (79;
/// root), the floor a trim may not go under.
/// </summary>
public static class UidTrimCalls
{
    private const byte P = PalletIndices.AdminUtils;
    private const string Name = "AdminUtils";

    private const ulong ReadWeight = 25_000_000;
    private const ulong WriteWeight = 100_000_000;

    /// <summary>
    /// Decision: the reference's benchmark (38.3 µs + 8 reads + 1 write) measures a call that trims nothing; we add two
    /// reads and two writes per UID of a full default-size subnet (256) so a block cannot carry many real trims.
    /// </summary>
    private const ulong TrimWeight = 38_302_000 + 8 * ReadWeight + WriteWeight + 256 * (2 * ReadWeight + 2 * WriteWeight);

    private const ulong SetMinWeight = 37_890_000 + 7 * ReadWeight + WriteWeight;

    /// <summary>TransactionType::MaxUidsTrimming's id in TransactionKeyLastBlock.</summary>
    public const ushort TxMaxUidsTrimming = 9;

    /// <summary>
    /// MaxUidsTrimmingRateLimit: blocks between two trims by the owner (the reference's production value, 30 days of
    /// 12 s blocks; its fast-block test runtime uses 1). Root is not limited.
    /// </summary>
    public const ulong TrimRateLimit = 30 * 7200;

    public static IEnumerable<CallDescriptor> Descriptors()
    {
        yield return new(P, 78, Name, "sudo_trim_to_max_allowed_uids", TrimWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (netuid, maxUids) = (new NetUid(r.ReadU16()), r.ReadU16());
            return new Call(c => Trim(c, netuid, maxUids));
        });
        yield return new(P, 79, Name, "sudo_set_min_allowed_uids", SetMinWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (netuid, minUids) = (new NetUid(r.ReadU16()), r.ReadU16());
            return new Call(c => SetMinAllowedUids(c, netuid, minUids));
        });
    }

    private static void Trim(CallContext c, NetUid netuid, ushort maxUids)
    {
        var block = c.Block.Value;
        AccountId? owner = null;
        if (!c.Origin.IsRoot)
        {
            // ensure_sn_owner_or_root_with_limits: a signed origin must be the subnet's owner coldkey.
            var who = c.Origin.EnsureSigned();
            if (!SubtensorStorage.SubnetOwner.TryGet(c.State, netuid, out var subnetOwner) || subnetOwner != who)
                throw new DispatchException(DispatchError.BadOrigin, "only the subnet owner (or root through sudo) may trim UIDs");
            var last = SubtensorStorage.TransactionKeyLastBlock.Get(c.State, who, (netuid, TxMaxUidsTrimming));
            if (last != 0 && block - System.Math.Min(block, last) < TrimRateLimit)
                throw new DispatchException(DispatchError.TxRateLimitExceeded, $"last trim at block {last}, limit {TrimRateLimit} blocks");
            owner = who;
        }
        if (AdminUtilsCalls.InFreezeWindow(c.State, netuid, block))
            throw new DispatchException(DispatchError.AdminActionProhibitedDuringWeightsWindow);

        var removed = UidTrimming.Trim(c.State, netuid, maxUids, block);

        if (owner is { } o) SubtensorStorage.TransactionKeyLastBlock.Set(c.State, o, (netuid, TxMaxUidsTrimming), block);
        // The reference emits no event here; ours names what changed so clients need not diff the metagraph.
        c.Events.Deposit(Name, "UidsTrimmed", ("netuid", netuid.Value.ToString()), ("max_uids", maxUids.ToString()),
            ("removed", string.Join(",", removed)), ("by", owner?.ToHex() ?? "root"));
    }

    private static void SetMinAllowedUids(CallContext c, NetUid netuid, ushort minUids)
    {
        c.Origin.EnsureRoot();
        if (AdminUtilsCalls.InFreezeWindow(c.State, netuid, c.Block.Value))
            throw new DispatchException(DispatchError.AdminActionProhibitedDuringWeightsWindow);
        if (!SubtensorStorage.NetworksAdded.Get(c.State, netuid)) throw new DispatchException(DispatchError.SubnetDoesNotExist);
        if (minUids >= SubtensorStorage.MaxAllowedUids.Get(c.State, netuid))
            throw new DispatchException(DispatchError.MinAllowedUidsGreaterThanMaxAllowedUids);
        if (minUids >= SubtensorStorage.SubnetworkN.Get(c.State, netuid))
            throw new DispatchException(DispatchError.MinAllowedUidsGreaterThanCurrentUids);
        SubtensorStorage.MinAllowedUids.Set(c.State, netuid, minUids);
        c.Events.Deposit(Name, "HyperparameterSet", ("call", "sudo_set_min_allowed_uids"), ("netuid", netuid.Value.ToString()),
            ("value", minUids.ToString()), ("by", "root"));
    }

    private sealed class Call(Action<CallContext> run) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) => run(ctx);
    }
}
