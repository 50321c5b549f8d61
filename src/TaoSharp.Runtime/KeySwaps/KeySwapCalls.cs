using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// SubtensorModule key-swap calls with the reference's indices and SCALE layouts (docs/calls.md), plus the three
/// AdminUtils setters of their parameters (root only): <c>sudo_set_tx_rate_limit</c> (2),
/// <c>sudo_set_coldkey_swap_announcement_delay</c> (86) and <c>sudo_set_coldkey_swap_reannouncement_delay</c> (87).
/// </summary>
public static class KeySwapCalls
{
    public const byte SwapHotkey = 70;
    public const byte SwapColdkey = 71;
    public const byte SwapHotkeyV2 = 72;
    public const byte AnnounceColdkeySwap = 125;
    public const byte SwapColdkeyAnnounced = 126;
    public const byte DisputeColdkeySwap = 127;
    public const byte ResetColdkeySwap = 128;
    public const byte ClearColdkeySwapAnnouncement = 133;

    private const byte P = PalletIndices.SubtensorModule;
    private const string Name = "SubtensorModule";

    /// <summary>Decision: ref-time weights rounded from the reference's benchmarks (a swap touches many items).</summary>
    private const ulong SwapWeight = 500_000_000;
    private const ulong AnnouncementWeight = 50_000_000;

    public static IEnumerable<CallDescriptor> Descriptors()
    {
        yield return new(P, SwapHotkey, Name, "swap_hotkey", SwapWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, nh, n) = (Id(ref r), Id(ref r), OptionNet(ref r));
            return new Call(c => HotkeySwap.Swap(c.State, c.Origin.EnsureSigned(), h, nh, n, false, c.Block.Value, c.Events));
        });
        yield return new(P, SwapHotkeyV2, Name, "swap_hotkey_v2", SwapWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (h, nh, n, keep) = (Id(ref r), Id(ref r), OptionNet(ref r), r.ReadBool());
            return new Call(c => HotkeySwap.Swap(c.State, c.Origin.EnsureSigned(), h, nh, n, keep, c.Block.Value, c.Events));
        });
        yield return new(P, SwapColdkey, Name, "swap_coldkey", SwapWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (oc, nc, cost) = (Id(ref r), Id(ref r), r.ReadU64());
            return new Call(c =>
            {
                c.Origin.EnsureRoot();
                ColdkeySwap.RootSwap(c.State, oc, nc, cost, c.Block.Value, c.Events);
            });
        });
        yield return new(P, AnnounceColdkeySwap, Name, "announce_coldkey_swap", AnnouncementWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var hash = ScaleCodecs.Hash256.Decode(ref r);
            return new Call(c => ColdkeySwap.Announce(c.State, c.Origin.EnsureSigned(), hash, c.Block.Value, c.Events));
        });
        yield return new(P, SwapColdkeyAnnounced, Name, "swap_coldkey_announced", SwapWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var nc = Id(ref r);
            return new Call(c => ColdkeySwap.ExecuteAnnounced(c.State, c.Origin.EnsureSigned(), nc, c.Block.Value, c.Events));
        });
        yield return new(P, DisputeColdkeySwap, Name, "dispute_coldkey_swap", AnnouncementWeight, Pays.Yes, (ref ScaleReader _, CallTable _) =>
            new Call(c => ColdkeySwap.Dispute(c.State, c.Origin.EnsureSigned(), c.Block.Value, c.Events)));
        yield return new(P, ResetColdkeySwap, Name, "reset_coldkey_swap", AnnouncementWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var ck = Id(ref r);
            return new Call(c =>
            {
                c.Origin.EnsureRoot();
                ColdkeySwap.Reset(c.State, ck, c.Events);
            });
        });
        yield return new(P, ClearColdkeySwapAnnouncement, Name, "clear_coldkey_swap_announcement", AnnouncementWeight, Pays.Yes, (ref ScaleReader _, CallTable _) =>
            new Call(c => ColdkeySwap.Clear(c.State, c.Origin.EnsureSigned(), c.Block.Value, c.Events)));

        yield return new(PalletIndices.AdminUtils, 2, "AdminUtils", "sudo_set_tx_rate_limit", AnnouncementWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var v = r.ReadU64();
            return new Call(c => { c.Origin.EnsureRoot(); SubtensorStorage.TxRateLimit.Set(c.State, v); });
        });
        yield return new(PalletIndices.AdminUtils, 86, "AdminUtils", "sudo_set_coldkey_swap_announcement_delay", AnnouncementWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var v = r.ReadU32();
            return new Call(c => { c.Origin.EnsureRoot(); SubtensorStorage.ColdkeySwapAnnouncementDelay.Set(c.State, v); });
        });
        yield return new(PalletIndices.AdminUtils, 87, "AdminUtils", "sudo_set_coldkey_swap_reannouncement_delay", AnnouncementWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var v = r.ReadU32();
            return new Call(c => { c.Origin.EnsureRoot(); SubtensorStorage.ColdkeySwapReannouncementDelay.Set(c.State, v); });
        });
    }

    private static AccountId Id(ref ScaleReader r) => AccountId.FromBytes(r.ReadFixed(32));

    private static NetUid? OptionNet(ref ScaleReader r) => ScaleCodecs.Option(ScaleCodecs.NetUid).Decode(ref r);

    /// <summary>A decoded call: its arguments are captured by the closure.</summary>
    private sealed class Call(Action<CallContext> run) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) => run(ctx);
    }
}
