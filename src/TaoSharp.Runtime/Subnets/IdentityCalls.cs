using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// Identity, symbol and owner-hotkey calls (spec-dtao §6.6) with the reference's indices: SubtensorModule
/// <c>set_identity</c> (68), <c>set_subnet_identity</c> (78), <c>register_network_with_identity</c> (79),
/// <c>update_symbol</c> (112), and AdminUtils <c>sudo_set_subnet_owner_hotkey</c> (64) and its twin
/// <c>sudo_set_sn_owner_hotkey</c> (67), which run the same code in the reference. Byte-string arguments are SCALE
/// <c>Vec&lt;u8&gt;</c>, netuids u16, accounts raw 32 bytes.
/// </summary>
public static class IdentityCalls
{
    private const string Subtensor = "SubtensorModule";

    /// <summary>Decision: one ref-time weight for these small writes; registration keeps register_network's.</summary>
    private const ulong IdentityWeight = 50_000_000;

    private const ulong RegisterNetworkWeight = 500_000_000;

    public static IEnumerable<CallDescriptor> Descriptors(EconomicsProfile? profile = null)
    {
        var networks = new NetworkRegistration(profile ?? EconomicsProfile.Current);
        yield return new(PalletIndices.SubtensorModule, 68, Subtensor, "set_identity", IdentityWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var identity = ChainIdentity.Read(ref r);
            return new Call(c => IdentityOperations.SetChainIdentity(c.State, c.Origin.EnsureSigned(), identity, c.Events));
        });
        yield return new(PalletIndices.SubtensorModule, 78, Subtensor, "set_subnet_identity", IdentityWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var netuid = new NetUid(r.ReadU16());
            var identity = SubnetIdentity.Read(ref r);
            return new Call(c => IdentityOperations.SetSubnetIdentity(c.State, c.Origin.EnsureSigned(), netuid, identity, c.Events));
        });
        yield return new(PalletIndices.SubtensorModule, 79, Subtensor, "register_network_with_identity", RegisterNetworkWeight, Pays.Yes,
            (ref ScaleReader r, CallTable _) =>
            {
                var hotkey = AccountId.FromBytes(r.ReadFixed(32));
                var identity = r.ReadOptionTag() ? SubnetIdentity.Read(ref r) : null;
                return new Call(c => networks.Register(c.State, c.Origin.EnsureSigned(), hotkey, c.Block.Value, c.Events, identity));
            });
        yield return new(PalletIndices.SubtensorModule, 112, Subtensor, "update_symbol", IdentityWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var netuid = new NetUid(r.ReadU16());
            var symbol = r.ReadBytes();
            return new Call(c =>
            {
                EnsureSubnetOwnerOrRoot(c, netuid);
                IdentityOperations.UpdateSymbol(c.State, netuid, symbol, c.Events);
            });
        });
        yield return OwnerHotkey(64, "sudo_set_subnet_owner_hotkey");
        yield return OwnerHotkey(67, "sudo_set_sn_owner_hotkey");
    }

    private static CallDescriptor OwnerHotkey(byte index, string name) =>
        new(PalletIndices.AdminUtils, index, "AdminUtils", name, IdentityWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var netuid = new NetUid(r.ReadU16());
            var hotkey = AccountId.FromBytes(r.ReadFixed(32));
            return new Call(c =>
            {
                EnsureSubnetOwnerOrRoot(c, netuid);
                IdentityOperations.SetSubnetOwnerHotkey(c.State, netuid, hotkey, c.Block.Value, c.Events);
            });
        });

    /// <summary><c>ensure_subnet_owner_or_root</c>: Root, or the signed owner coldkey of the subnet (else BadOrigin).</summary>
    private static void EnsureSubnetOwnerOrRoot(CallContext c, NetUid netuid)
    {
        if (c.Origin.IsRoot) return;
        var who = c.Origin.EnsureSigned();
        if (!SubtensorStorage.SubnetOwner.TryGet(c.State, netuid, out var owner) || owner != who)
            throw new DispatchException(DispatchError.BadOrigin, "the subnet owner or root is required");
    }

    private sealed class Call(Action<CallContext> run) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) => run(ctx);
    }
}
