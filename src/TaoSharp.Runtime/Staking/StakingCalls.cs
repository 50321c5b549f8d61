using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// SubtensorModule staking, subnet and root-claim calls with subtensor's call indices (spec-dtao §8). Account ids are
/// raw 32 bytes (T::AccountId), balances plain u64, netuids u16, as the reference encodes them.
/// </summary>
public static class StakingCalls
{
    private const byte P = PalletIndices.SubtensorModule;
    private const string Name = "SubtensorModule";
    private const ulong StakeWeight = 340_000_000;

    /// <summary>Calls decode with the current profile; the chain picks its profile at genesis.</summary>
    public static IEnumerable<CallDescriptor> Descriptors(EconomicsProfile? profile = null)
    {
        var ops = new StakingOperations(profile ?? EconomicsProfile.Current);
        var networks = new NetworkRegistration(ops.Profile);
        yield return new(P, 2, Name, "add_stake", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n, a) = (Id(ref r), Net(ref r), r.ReadU64());
            return new Call(c => ops.AddStake(c.State, c.Origin.EnsureSigned(), h, n, a, null, false, c.Events));
        });
        yield return new(P, 3, Name, "remove_stake", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n, a) = (Id(ref r), Net(ref r), r.ReadU64());
            return new Call(c => ops.RemoveStake(c.State, c.Origin.EnsureSigned(), h, n, a, null, false, c.Events));
        });
        yield return new(P, 88, Name, "add_stake_limit", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n, a, l, p) = (Id(ref r), Net(ref r), r.ReadU64(), r.ReadU64(), r.ReadBool());
            return new Call(c => ops.AddStake(c.State, c.Origin.EnsureSigned(), h, n, a, l, p, c.Events));
        });
        yield return new(P, 89, Name, "remove_stake_limit", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n, a, l, p) = (Id(ref r), Net(ref r), r.ReadU64(), r.ReadU64(), r.ReadBool());
            return new Call(c => ops.RemoveStake(c.State, c.Origin.EnsureSigned(), h, n, a, l, p, c.Events));
        });
        yield return new(P, 103, Name, "remove_stake_full_limit", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n) = (Id(ref r), Net(ref r));
            var l = ScaleCodecs.Option(ScaleCodecs.U64).Decode(ref r);
            return new Call(c => ops.RemoveFullStake(c.State, c.Origin.EnsureSigned(), h, n, l, c.Events));
        });
        yield return new(P, 83, Name, "unstake_all", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var h = Id(ref r);
            return new Call(c => ops.UnstakeAll(c.State, c.Origin.EnsureSigned(), h, c.Events));
        });
        yield return new(P, 84, Name, "unstake_all_alpha", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var h = Id(ref r);
            return new Call(c => ops.UnstakeAllAlpha(c.State, c.Origin.EnsureSigned(), h, c.Events));
        });
        yield return new(P, 85, Name, "move_stake", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (oh, dh, on, dn, a) = (Id(ref r), Id(ref r), Net(ref r), Net(ref r), r.ReadU64());
            return new Call(c => ops.MoveStake(c.State, c.Origin.EnsureSigned(), oh, dh, on, dn, a, c.Events));
        });
        yield return new(P, 86, Name, "transfer_stake", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (dc, h, on, dn, a) = (Id(ref r), Id(ref r), Net(ref r), Net(ref r), r.ReadU64());
            return new Call(c => ops.TransferStake(c.State, c.Origin.EnsureSigned(), dc, h, on, dn, a, c.Events));
        });
        yield return new(P, 87, Name, "swap_stake", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, on, dn, a) = (Id(ref r), Net(ref r), Net(ref r), r.ReadU64());
            return new Call(c => ops.SwapStake(c.State, c.Origin.EnsureSigned(), h, on, dn, a, null, false, c.Events));
        });
        yield return new(P, 90, Name, "swap_stake_limit", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, on, dn, a, l, p) = (Id(ref r), Net(ref r), Net(ref r), r.ReadU64(), r.ReadU64(), r.ReadBool());
            return new Call(c => ops.SwapStake(c.State, c.Origin.EnsureSigned(), h, on, dn, a, l, p, c.Events));
        });
        yield return new(P, 121, Name, "claim_root", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var subnets = ScaleCodecs.Vec(ScaleCodecs.NetUid, 5).Decode(ref r).Distinct().ToArray();
            return new Call(c => RootClaims.Claim(c.State, ops.Pools, c.Origin.EnsureSigned(), subnets, c.Events));
        });
        yield return new(P, 122, Name, "set_root_claim_type", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var type = RootClaimType.Codec.Decode(ref r);
            return new Call(c => RootClaims.SetClaimType(c.State, c.Origin.EnsureSigned(), type, c.Events));
        });
        yield return new(P, 123, Name, "sudo_set_num_root_claims", 10_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var v = r.ReadU64();
            return new Call(c =>
            {
                c.Origin.EnsureRoot();
                RootClaims.SetNumRootClaims(c.State, v);
            });
        });
        yield return new(P, 124, Name, "sudo_set_root_claim_threshold", 10_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (n, v) = (Net(ref r), r.ReadU64());
            return new Call(c =>
            {
                EnsureSubnetOwnerOrRoot(c, n);
                RootClaims.SetThreshold(c.State, n, v);
            });
        });
        yield return new(P, 67, Name, "set_children", 200_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n) = (Id(ref r), Net(ref r));
            var children = ScaleCodecs.Vec(ScaleCodecs.Tuple(ScaleCodecs.U64, ScaleCodecs.AccountId), MaxChildrenDecoded).Decode(ref r);
            return new Call(c => ChildKeys.Schedule(c.State, ops.Pools, c.Origin.EnsureSigned(), h, n, children, c.Block.Value, c.Events));
        });
        yield return new(P, 75, Name, "set_childkey_take", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n, t) = (Id(ref r), Net(ref r), r.ReadU16());
            return new Call(c => ChildkeyTakes.Set(c.State, c.Origin.EnsureSigned(), h, n, t, c.Block.Value, c.Events));
        });
        yield return new(P, 135, Name, "set_auto_parent_delegation_enabled", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, e) = (Id(ref r), r.ReadBool());
            return new Call(c => ChildKeys.SetAutoParentDelegation(c.State, c.Origin.EnsureSigned(), h, e, c.Events));
        });
        yield return new(P, 62, Name, "root_register", 200_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var h = Id(ref r);
            return new Call(c => RootRegistration.Register(c.State, c.Origin.EnsureSigned(), h, c.Block.Value, c.Events));
        });
        yield return new(P, 101, Name, "recycle_alpha", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, a, n) = (Id(ref r), r.ReadU64(), Net(ref r));
            return new Call(c => AlphaBurns.Recycle(c.State, c.Origin.EnsureSigned(), h, a, n, c.Events));
        });
        yield return new(P, 102, Name, "burn_alpha", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, a, n) = (Id(ref r), r.ReadU64(), Net(ref r));
            return new Call(c => AlphaBurns.Burn(c.State, c.Origin.EnsureSigned(), h, a, n, c.Events));
        });
        yield return new(P, 132, Name, "add_stake_burn", StakeWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, n, a) = (Id(ref r), Net(ref r), r.ReadU64());
            var l = ScaleCodecs.Option(ScaleCodecs.U64).Decode(ref r);
            return new Call(c => StakeBurn.AddStakeBurn(ops, c.State, c.Origin.EnsureSigned(), h, n, a, l, c.Events));
        });
        yield return new(P, 114, Name, "set_coldkey_auto_stake_hotkey", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (n, h) = (Net(ref r), Id(ref r));
            return new Call(c => AutoStake.SetDestination(c.State, c.Origin.EnsureSigned(), n, h, c.Events));
        });
        yield return new(P, 59, Name, "register_network", 500_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var h = Id(ref r);
            return new Call(c => networks.Register(c.State, c.Origin.EnsureSigned(), h, c.Block.Value, c.Events));
        });
        yield return new(P, 92, Name, "start_call", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var n = Net(ref r);
            return new Call(c => NetworkRegistration.StartCall(c.State, c.Origin.EnsureSigned(), n, c.Block.Value, c.Events));
        });
        yield return new(P, 61, Name, "dissolve_network", 500_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (_, n) = (Id(ref r), Net(ref r));
            return new Call(c =>
            {
                c.Origin.EnsureRoot();
                NetworkDissolution.Dissolve(c.State, n, c.Events);
            });
        });
        yield return new(P, 65, Name, "decrease_take", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, t) = (Id(ref r), r.ReadU16());
            return new Call(c => DelegateTakes.Decrease(c.State, c.Origin.EnsureSigned(), h, t, c.Block.Value, c.Events));
        });
        yield return new(P, 66, Name, "increase_take", 50_000_000, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, t) = (Id(ref r), r.ReadU16());
            return new Call(c => DelegateTakes.Increase(c.State, c.Origin.EnsureSigned(), h, t, c.Block.Value, c.Events));
        });
    }

    /// <summary>Decoding bound for set_children's vector: far above the rule's five, so an over-long list is refused by
    /// the rule (<c>TooManyChildren</c>, <c>DuplicateChild</c>) rather than by the decoder.</summary>
    private const int MaxChildrenDecoded = 64;

    /// <summary><c>ensure_subnet_owner_or_root</c>: Root, or the signed owner coldkey of the subnet (else BadOrigin).</summary>
    private static void EnsureSubnetOwnerOrRoot(CallContext c, NetUid netuid)
    {
        if (c.Origin.IsRoot) return;
        var who = c.Origin.EnsureSigned();
        if (!SubtensorStorage.SubnetOwner.TryGet(c.State, netuid, out var owner) || owner != who)
            throw new DispatchException(DispatchError.BadOrigin, "the subnet owner or root is required");
    }

    private static AccountId Id(ref ScaleReader r) => AccountId.FromBytes(r.ReadFixed(32));

    private static NetUid Net(ref ScaleReader r) => new(r.ReadU16());

    /// <summary>A decoded call: its arguments are captured by the closure.</summary>
    private sealed class Call(Action<CallContext> run) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) => run(ctx);
    }
}

/// <summary>Delegate take changes (spec-dtao §5.6) by the hotkey's owner coldkey.</summary>
public static class DelegateTakes
{
    public static void Increase(TaoSharp.Storage.IStateAccess s, AccountId coldkey, AccountId hotkey, ushort take, ulong block, Events.EventLog? events)
    {
        EnsureOwner(s, coldkey, hotkey);
        if (take <= SubtensorStorage.Delegates.Get(s, hotkey)) throw new DispatchException(DispatchError.DelegateTakeTooLow);
        if (take > StakingConstants.MaxDelegateTake) throw new DispatchException(DispatchError.DelegateTakeTooHigh);
        var last = SubtensorStorage.LastTxBlockDelegateTake.Get(s, hotkey);
        if (last != 0 && block - System.Math.Min(block, last) < StakingConstants.TxDelegateTakeRateLimit)
            throw new DispatchException(DispatchError.DelegateTxRateLimitExceeded);
        Set(s, coldkey, hotkey, take, block, "TakeIncreased", events);
    }

    public static void Decrease(TaoSharp.Storage.IStateAccess s, AccountId coldkey, AccountId hotkey, ushort take, ulong block, Events.EventLog? events)
    {
        EnsureOwner(s, coldkey, hotkey);
        if (take >= SubtensorStorage.Delegates.Get(s, hotkey)) throw new DispatchException(DispatchError.DelegateTakeTooHigh);
        if (take < StakingConstants.MinDelegateTake) throw new DispatchException(DispatchError.DelegateTakeTooLow);
        Set(s, coldkey, hotkey, take, block, "TakeDecreased", events);
    }

    private static void Set(TaoSharp.Storage.IStateAccess s, AccountId coldkey, AccountId hotkey, ushort take, ulong block, string name, Events.EventLog? events)
    {
        SubtensorStorage.Delegates.Set(s, hotkey, take);
        SubtensorStorage.LastTxBlockDelegateTake.Set(s, hotkey, block);
        events?.Deposit(SubtensorEvents.Pallet, name, ("coldkey", coldkey.ToHex()), ("hotkey", hotkey.ToHex()), ("take", take.ToString()));
    }

    private static void EnsureOwner(TaoSharp.Storage.IStateReader s, AccountId coldkey, AccountId hotkey)
    {
        if (!SubtensorStorage.Owner.TryGet(s, hotkey, out var owner)) throw new DispatchException(DispatchError.HotKeyAccountNotExists);
        if (owner != coldkey) throw new DispatchException(DispatchError.NonAssociatedColdKey);
    }
}
