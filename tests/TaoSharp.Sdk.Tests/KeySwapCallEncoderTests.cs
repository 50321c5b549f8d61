using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.KeySwaps;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

/// <summary>The key-swap encoders: reference layouts, and the Runtime's call table decodes each one whole.</summary>
public sealed class KeySwapCallEncoderTests
{
    private static readonly CallTable Table = RuntimeCalls.CreateTable();
    private static readonly AccountId A = AccountId.FromBytes(Enumerable.Repeat((byte)0xAA, 32).ToArray());
    private static readonly AccountId B = AccountId.FromBytes(Enumerable.Repeat((byte)0xBB, 32).ToArray());

    [Fact]
    public void Swap_hotkey_writes_the_option_netuid_and_keep_stake()
    {
        Assert.Equal([7, 70, .. A.AsSpan(), .. B.AsSpan(), 0], Calls.SwapHotkey(A, B, null));
        Assert.Equal([7, 70, .. A.AsSpan(), .. B.AsSpan(), 1, 3, 0], Calls.SwapHotkey(A, B, new NetUid(3)));
        Assert.Equal([7, 72, .. A.AsSpan(), .. B.AsSpan(), 1, 3, 0, 1], Calls.SwapHotkeyV2(A, B, new NetUid(3), true));
        Assert.Equal("SubtensorModule.swap_hotkey", Table.Decode(Calls.SwapHotkey(A, B, new NetUid(3))).Descriptor.FullName);
        Assert.Equal("SubtensorModule.swap_hotkey_v2", Table.Decode(Calls.SwapHotkeyV2(A, B, null, false)).Descriptor.FullName);
    }

    [Fact]
    public void Coldkey_swap_calls_decode_in_the_runtime_and_the_hash_is_the_runtimes()
    {
        Assert.Equal(ColdkeySwap.HashOf(B), Calls.ColdkeyHash(B));
        Assert.Equal([7, 125, .. ColdkeySwap.HashOf(B).AsSpan()], Calls.AnnounceColdkeySwap(B));
        Assert.Equal([7, 127], Calls.DisputeColdkeySwap());
        Assert.Equal([7, 133], Calls.ClearColdkeySwapAnnouncement());
        Assert.Equal([7, 71, .. A.AsSpan(), .. B.AsSpan(), 0x40, 0x42, 0x0F, 0, 0, 0, 0, 0], Calls.SwapColdkey(A, B, new TaoBalance(1_000_000)));
        foreach (var (call, name) in new[]
        {
            (Calls.AnnounceColdkeySwap(B), "announce_coldkey_swap"),
            (Calls.SwapColdkeyAnnounced(B), "swap_coldkey_announced"),
            (Calls.DisputeColdkeySwap(), "dispute_coldkey_swap"),
            (Calls.ResetColdkeySwap(A), "reset_coldkey_swap"),
            (Calls.ClearColdkeySwapAnnouncement(), "clear_coldkey_swap_announcement"),
            (Calls.SwapColdkey(A, B, new TaoBalance(5)), "swap_coldkey"),
        })
            Assert.Equal("SubtensorModule." + name, Table.Decode(call).Descriptor.FullName);
    }
}
