using System.Text;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// Identity, symbol and owner-hotkey changes (spec-dtao §6.6), with the reference's checks in the reference's order.
/// Each throws before writing anything, so a refused call leaves the state as it was.
/// </summary>
public static class IdentityOperations
{
    /// <summary>Blocks between two owner-hotkey changes of one subnet (the reference's DefaultSetSNOwnerHotkeyRateLimit).</summary>
    public const ulong OwnerHotkeyRateLimit = 50_400;

    /// <summary>
    /// <c>set_identity</c> (68): the coldkey must own a hotkey registered on some subnet (root included), else
    /// <c>HotKeyNotRegisteredInNetwork</c>; then the length rules (<c>InvalidIdentity</c>). Event ChainIdentitySet.
    /// </summary>
    public static void SetChainIdentity(IStateAccess s, AccountId coldkey, ChainIdentity identity, EventLog? events)
    {
        if (!OwnsRegisteredHotkey(s, coldkey)) throw new DispatchException(DispatchError.HotKeyNotRegisteredInNetwork);
        if (!identity.IsValid) throw new DispatchException(DispatchError.InvalidIdentity);
        SubtensorStorage.IdentitiesV2.Set(s, coldkey, identity);
        events?.Deposit(SubtensorEvents.Pallet, "ChainIdentitySet", ("coldkey", coldkey.ToHex()));
    }

    /// <summary>
    /// <c>set_subnet_identity</c> (78): the signer must be the subnet's owner (<c>NotSubnetOwner</c>; an unknown subnet
    /// has no owner), then the length rules (<c>InvalidIdentity</c>). Event SubnetIdentitySet.
    /// </summary>
    public static void SetSubnetIdentity(IStateAccess s, AccountId coldkey, NetUid netuid, SubnetIdentity identity, EventLog? events)
    {
        if (!SubtensorStorage.SubnetOwner.TryGet(s, netuid, out var owner) || owner != coldkey)
            throw new DispatchException(DispatchError.NotSubnetOwner);
        if (!identity.IsValid) throw new DispatchException(DispatchError.InvalidIdentity);
        SubtensorStorage.SubnetIdentitiesV3.Set(s, netuid, identity);
        events?.Deposit(SubtensorEvents.Pallet, "SubnetIdentitySet", ("netuid", netuid.Value.ToString()));
    }

    /// <summary>
    /// <c>update_symbol</c> (112) after the owner-or-root origin check: the symbol must be one of the table's entries
    /// other than root's (<c>SymbolDoesNotExist</c>) and held by no subnet, the caller's own included
    /// (<c>SymbolAlreadyInUse</c>). Like the reference, the subnet's existence is not checked (only root can reach an
    /// unknown netuid). Event SymbolUpdated.
    /// </summary>
    public static void UpdateSymbol(IStateAccess s, NetUid netuid, byte[] symbol, EventLog? events)
    {
        if (!SubnetSymbols.IsSelectable(symbol)) throw new DispatchException(DispatchError.SymbolDoesNotExist);
        if (SubnetSymbols.IsInUse(s, symbol)) throw new DispatchException(DispatchError.SymbolAlreadyInUse);
        SubtensorStorage.TokenSymbol.Set(s, netuid, symbol);
        events?.Deposit(SubtensorEvents.Pallet, "SymbolUpdated", ("netuid", netuid.Value.ToString()), ("symbol", Encoding.UTF8.GetString(symbol)));
    }

    /// <summary>
    /// <c>do_set_sn_owner_hotkey</c> (AdminUtils 64 and 67) after the owner-or-root origin check: the subnet must exist
    /// (<c>SubnetNotExists</c>), one change per subnet every <see cref="OwnerHotkeyRateLimit"/> blocks for everyone, root
    /// included (<c>TxRateLimitExceeded</c>), and the hotkey must not be a system account (<c>CannotUseSystemAccount</c>).
    /// The hotkey need not be registered or owned by the subnet owner, as in the reference.
    /// </summary>
    public static void SetSubnetOwnerHotkey(IStateAccess s, NetUid netuid, AccountId hotkey, ulong block, EventLog? events)
    {
        if (!SubtensorStorage.NetworksAdded.Get(s, netuid)) throw new DispatchException(DispatchError.SubnetNotExists);
        var last = SubtensorStorage.SubnetOwnerHotkeyLastBlock.Get(s, netuid);
        if (last != 0 && block - System.Math.Min(block, last) < OwnerHotkeyRateLimit)
            throw new DispatchException(DispatchError.TxRateLimitExceeded, $"the owner hotkey changed at block {last}; next change from block {last + OwnerHotkeyRateLimit}");
        if (StakingAccounts.IsSystemAccount(hotkey)) throw new DispatchException(DispatchError.CannotUseSystemAccount);
        SubtensorStorage.SubnetOwnerHotkeyLastBlock.Set(s, netuid, block);
        SetOwnerHotkey(s, netuid, hotkey, events);
    }

    /// <summary><c>set_subnet_owner_hotkey</c>: writes the hotkey and deposits SubnetOwnerHotkeySet (registration uses it too).</summary>
    public static void SetOwnerHotkey(IStateAccess s, NetUid netuid, AccountId hotkey, EventLog? events)
    {
        SubtensorStorage.SubnetOwnerHotkey.Set(s, netuid, hotkey);
        events?.Deposit(SubtensorEvents.Pallet, "SubnetOwnerHotkeySet", ("netuid", netuid.Value.ToString()), ("hotkey", hotkey.ToHex()));
    }

    /// <summary>
    /// Whether any hotkey of <paramref name="coldkey"/> holds a UID on some added subnet. There is no per-coldkey hotkey
    /// index (the reference's OwnedHotkeys), so the hotkey→coldkey map is scanned; the call is rare and user-paid.
    /// </summary>
    public static bool OwnsRegisteredHotkey(IStateReader s, AccountId coldkey)
    {
        var subnets = SubtensorStorage.NetworksAdded.Iterate(s).Where(e => e.Value).Select(e => e.Key).ToList();
        foreach (var (hotkey, owner) in SubtensorStorage.Owner.Iterate(s))
        {
            if (owner != coldkey) continue;
            foreach (var n in subnets)
                if (SubtensorStorage.Uids.Contains(s, n, hotkey)) return true;
        }
        return false;
    }
}
