using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Sdk.Transactions;

/// <summary>
/// SubtensorModule (pallet 7) calls other than weights. Account ids are raw 32 bytes (T::AccountId, not MultiAddress),
/// netuids u16, TAO and alpha amounts and limit prices plain u64 (RAO; a limit price is RAO per 1 alpha).
/// </summary>
public static partial class Calls
{
    /// <summary>burned_register(netuid, hotkey) (7): register the hotkey on a subnet by recycling the current burn.</summary>
    public static byte[] BurnedRegister(NetUid netuid, AccountId hotkey)
    {
        var w = Begin(SubtensorModule, 7);
        w.WriteU16(netuid.Value);
        w.WriteFixed(hotkey.AsSpan());
        return w.ToArray();
    }

    /// <summary>register_limit(netuid, hotkey, limit_price) (134): burned registration that fails when the burn exceeds the limit.</summary>
    public static byte[] RegisterLimit(NetUid netuid, AccountId hotkey, TaoBalance limitPrice)
    {
        var w = Begin(SubtensorModule, 134);
        w.WriteU16(netuid.Value);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU64(limitPrice.Rao);
        return w.ToArray();
    }

    /// <summary>root_register(hotkey) (62).</summary>
    public static byte[] RootRegister(AccountId hotkey) => HotkeyOnly(62, hotkey);

    /// <summary>register_network(hotkey) (59): create a subnet, paying the lock cost.</summary>
    public static byte[] RegisterNetwork(AccountId hotkey) => HotkeyOnly(59, hotkey);

    /// <summary>start_call(netuid) (92): the owner switches emissions on after the start-call delay.</summary>
    public static byte[] StartCall(NetUid netuid)
    {
        var w = Begin(SubtensorModule, 92);
        w.WriteU16(netuid.Value);
        return w.ToArray();
    }

    /// <summary>
    /// serve_axon(netuid, version, ip, port, ip_type, protocol, placeholder1, placeholder2) (4), signed by the hotkey.
    /// The IP is the u128 integer form (spec-client §3.10); see <see cref="AxonEndpoint"/>.
    /// </summary>
    public static byte[] ServeAxon(NetUid netuid, uint version, UInt128 ip, ushort port, byte ipType, byte protocol = 4)
    {
        var w = Begin(SubtensorModule, 4);
        w.WriteU16(netuid.Value);
        w.WriteU32(version);
        w.WriteU128(ip);
        w.WriteU16(port);
        w.WriteU8(ipType);
        w.WriteU8(protocol);
        w.WriteU8(0);
        w.WriteU8(0);
        return w.ToArray();
    }

    /// <summary>set_children(hotkey, netuid, children: Vec&lt;(u64 proportion, AccountId)&gt;) (67); an empty list revokes.</summary>
    public static byte[] SetChildren(AccountId hotkey, NetUid netuid, IReadOnlyList<(ulong Proportion, AccountId Child)> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var w = Begin(SubtensorModule, 67);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteCompact((ulong)children.Count);
        foreach (var (proportion, child) in children)
        {
            w.WriteU64(proportion);
            w.WriteFixed(child.AsSpan());
        }
        return w.ToArray();
    }

    /// <summary>set_childkey_take(hotkey, netuid, take u16) (75).</summary>
    public static byte[] SetChildkeyTake(AccountId hotkey, NetUid netuid, ushort take)
    {
        var w = Begin(SubtensorModule, 75);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU16(take);
        return w.ToArray();
    }

    /// <summary>claim_root(subnets: BTreeSet&lt;NetUid&gt;) (121): a set, so the netuids are sent sorted and without repeats.</summary>
    public static byte[] ClaimRoot(IEnumerable<NetUid> subnets)
    {
        var set = subnets.Select(n => n.Value).Distinct().Order().ToArray();
        var w = Begin(SubtensorModule, 121);
        w.WriteCompact((ulong)set.Length);
        foreach (var n in set) w.WriteU16(n);
        return w.ToArray();
    }

    /// <summary>increase_take(hotkey, take) (66).</summary>
    public static byte[] IncreaseTake(AccountId hotkey, ushort take) => HotkeyTake(66, hotkey, take);

    /// <summary>decrease_take(hotkey, take) (65).</summary>
    public static byte[] DecreaseTake(AccountId hotkey, ushort take) => HotkeyTake(65, hotkey, take);

    /// <summary>add_stake(hotkey, netuid, amount_staked: TAO in RAO) (2).</summary>
    public static byte[] AddStake(AccountId hotkey, NetUid netuid, TaoBalance amount)
    {
        var w = Begin(SubtensorModule, 2);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU64(amount.Rao);
        return w.ToArray();
    }

    /// <summary>remove_stake(hotkey, netuid, amount_unstaked: alpha) (3).</summary>
    public static byte[] RemoveStake(AccountId hotkey, NetUid netuid, AlphaBalance amount)
    {
        var w = Begin(SubtensorModule, 3);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU64(amount.Raw);
        return w.ToArray();
    }

    /// <summary>add_stake_limit(hotkey, netuid, amount, limit_price (highest RAO per alpha), allow_partial) (88).</summary>
    public static byte[] AddStakeLimit(AccountId hotkey, NetUid netuid, TaoBalance amount, ulong limitPrice, bool allowPartial)
    {
        var w = Begin(SubtensorModule, 88);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU64(amount.Rao);
        w.WriteU64(limitPrice);
        w.WriteBool(allowPartial);
        return w.ToArray();
    }

    /// <summary>remove_stake_limit(hotkey, netuid, alpha, limit_price (lowest RAO per alpha), allow_partial) (89).</summary>
    public static byte[] RemoveStakeLimit(AccountId hotkey, NetUid netuid, AlphaBalance amount, ulong limitPrice, bool allowPartial)
    {
        var w = Begin(SubtensorModule, 89);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU64(amount.Raw);
        w.WriteU64(limitPrice);
        w.WriteBool(allowPartial);
        return w.ToArray();
    }

    /// <summary>remove_stake_full_limit(hotkey, netuid, limit_price: Option&lt;u64&gt;) (103): unstake everything on one subnet.</summary>
    public static byte[] RemoveStakeFullLimit(AccountId hotkey, NetUid netuid, ulong? limitPrice)
    {
        var w = Begin(SubtensorModule, 103);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        WriteOptionU64(w, limitPrice);
        return w.ToArray();
    }

    /// <summary>unstake_all(hotkey) (83): every subnet's alpha to TAO.</summary>
    public static byte[] UnstakeAll(AccountId hotkey) => HotkeyOnly(83, hotkey);

    /// <summary>unstake_all_alpha(hotkey) (84): every subnet's alpha moved to root stake.</summary>
    public static byte[] UnstakeAllAlpha(AccountId hotkey) => HotkeyOnly(84, hotkey);

    /// <summary>move_stake(origin_hotkey, destination_hotkey, origin_netuid, destination_netuid, alpha) (85).</summary>
    public static byte[] MoveStake(AccountId originHotkey, AccountId destinationHotkey, NetUid originNetuid, NetUid destinationNetuid, AlphaBalance amount)
    {
        var w = Begin(SubtensorModule, 85);
        w.WriteFixed(originHotkey.AsSpan());
        w.WriteFixed(destinationHotkey.AsSpan());
        w.WriteU16(originNetuid.Value);
        w.WriteU16(destinationNetuid.Value);
        w.WriteU64(amount.Raw);
        return w.ToArray();
    }

    /// <summary>transfer_stake(destination_coldkey, hotkey, origin_netuid, destination_netuid, alpha) (86).</summary>
    public static byte[] TransferStake(AccountId destinationColdkey, AccountId hotkey, NetUid originNetuid, NetUid destinationNetuid, AlphaBalance amount)
    {
        var w = Begin(SubtensorModule, 86);
        w.WriteFixed(destinationColdkey.AsSpan());
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(originNetuid.Value);
        w.WriteU16(destinationNetuid.Value);
        w.WriteU64(amount.Raw);
        return w.ToArray();
    }

    /// <summary>swap_stake(hotkey, origin_netuid, destination_netuid, alpha) (87).</summary>
    public static byte[] SwapStake(AccountId hotkey, NetUid originNetuid, NetUid destinationNetuid, AlphaBalance amount)
    {
        var w = Begin(SubtensorModule, 87);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(originNetuid.Value);
        w.WriteU16(destinationNetuid.Value);
        w.WriteU64(amount.Raw);
        return w.ToArray();
    }

    /// <summary>swap_stake_limit(hotkey, origin_netuid, destination_netuid, alpha, limit_price, allow_partial) (90).</summary>
    public static byte[] SwapStakeLimit(AccountId hotkey, NetUid originNetuid, NetUid destinationNetuid, AlphaBalance amount, ulong limitPrice, bool allowPartial)
    {
        var w = Begin(SubtensorModule, 90);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(originNetuid.Value);
        w.WriteU16(destinationNetuid.Value);
        w.WriteU64(amount.Raw);
        w.WriteU64(limitPrice);
        w.WriteBool(allowPartial);
        return w.ToArray();
    }

    private static byte[] HotkeyOnly(byte index, AccountId hotkey)
    {
        var w = Begin(SubtensorModule, index);
        w.WriteFixed(hotkey.AsSpan());
        return w.ToArray();
    }

    private static byte[] HotkeyTake(byte index, AccountId hotkey, ushort take)
    {
        var w = Begin(SubtensorModule, index);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(take);
        return w.ToArray();
    }

    private static void WriteOptionU64(ScaleWriter w, ulong? value)
    {
        if (value is { } v)
        {
            w.WriteU8(1);
            w.WriteU64(v);
        }
        else
        {
            w.WriteU8(0);
        }
    }
}
