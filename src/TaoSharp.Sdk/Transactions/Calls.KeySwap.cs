using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Sdk.Transactions;

/// <summary>SubtensorModule hotkey and coldkey swaps (docs/calls.md: 70, 71, 72, 125–128, 133).</summary>
public static partial class Calls
{
    /// <summary>swap_hotkey(hotkey, new_hotkey, netuid: Option&lt;NetUid&gt;) (70): null netuid = every subnet.</summary>
    public static byte[] SwapHotkey(AccountId hotkey, AccountId newHotkey, NetUid? netuid)
    {
        var w = Begin(SubtensorModule, 70);
        WriteSwapHotkeyArgs(w, hotkey, newHotkey, netuid);
        return w.ToArray();
    }

    /// <summary>swap_hotkey_v2(hotkey, new_hotkey, netuid, keep_stake) (72): with keep_stake the positions stay on the old hotkey.</summary>
    public static byte[] SwapHotkeyV2(AccountId hotkey, AccountId newHotkey, NetUid? netuid, bool keepStake)
    {
        var w = Begin(SubtensorModule, 72);
        WriteSwapHotkeyArgs(w, hotkey, newHotkey, netuid);
        w.WriteBool(keepStake);
        return w.ToArray();
    }

    /// <summary>swap_coldkey(old_coldkey, new_coldkey, swap_cost) (71, root: wrap in <see cref="SudoCall"/>).</summary>
    public static byte[] SwapColdkey(AccountId oldColdkey, AccountId newColdkey, TaoBalance swapCost)
    {
        var w = Begin(SubtensorModule, 71);
        w.WriteFixed(oldColdkey.AsSpan());
        w.WriteFixed(newColdkey.AsSpan());
        w.WriteU64(swapCost.Rao);
        return w.ToArray();
    }

    /// <summary>BlakeTwo256 of the new coldkey, as <see cref="AnnounceColdkeySwap"/> commits to it.</summary>
    public static Hash256 ColdkeyHash(AccountId newColdkey) => Blake2b.Hash256(newColdkey.AsSpan());

    /// <summary>announce_coldkey_swap(new_coldkey_hash: H256) (125).</summary>
    public static byte[] AnnounceColdkeySwap(AccountId newColdkey)
    {
        var w = Begin(SubtensorModule, 125);
        w.WriteFixed(ColdkeyHash(newColdkey).AsSpan());
        return w.ToArray();
    }

    /// <summary>swap_coldkey_announced(new_coldkey) (126).</summary>
    public static byte[] SwapColdkeyAnnounced(AccountId newColdkey)
    {
        var w = Begin(SubtensorModule, 126);
        w.WriteFixed(newColdkey.AsSpan());
        return w.ToArray();
    }

    /// <summary>dispute_coldkey_swap() (127).</summary>
    public static byte[] DisputeColdkeySwap() => Begin(SubtensorModule, 127).ToArray();

    /// <summary>reset_coldkey_swap(coldkey) (128, root).</summary>
    public static byte[] ResetColdkeySwap(AccountId coldkey)
    {
        var w = Begin(SubtensorModule, 128);
        w.WriteFixed(coldkey.AsSpan());
        return w.ToArray();
    }

    /// <summary>clear_coldkey_swap_announcement() (133).</summary>
    public static byte[] ClearColdkeySwapAnnouncement() => Begin(SubtensorModule, 133).ToArray();

    private static void WriteSwapHotkeyArgs(Primitives.Scale.ScaleWriter w, AccountId hotkey, AccountId newHotkey, NetUid? netuid)
    {
        w.WriteFixed(hotkey.AsSpan());
        w.WriteFixed(newHotkey.AsSpan());
        if (netuid is { } n)
        {
            w.WriteU8(1);
            w.WriteU16(n.Value);
        }
        else w.WriteU8(0);
    }
}
