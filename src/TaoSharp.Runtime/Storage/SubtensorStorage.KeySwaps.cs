using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>
/// Hotkey and coldkey swaps (spec-dtao §8): the coldkey transaction rate limit, the per-subnet hotkey-swap cooldown,
/// and the announce → delay → execute flow of coldkey swaps with its dispute flag. Names, hashers and value types are
/// the reference's; its block numbers are u32 (<c>BlockNumberFor&lt;T&gt;</c>) where it stores them as such.
/// </summary>
public static partial class SubtensorStorage
{
    /// <summary>Blocks a coldkey waits between two hotkey swaps (<c>TxRateLimit</c>, reference runtime 1000; 0 disables).</summary>
    public static readonly StorageValue<ulong> TxRateLimit = new(Pallet, "TxRateLimit", ScaleCodecs.U64, 1_000);

    /// <summary>Last rate-limited transaction block of a key (<c>LastTxBlock</c>): written by hotkey swaps for the
    /// coldkey, copied from the old to the new hotkey, and set for the new coldkey of a coldkey swap.</summary>
    public static readonly StorageMap<AccountId, ulong> LastTxBlock =
        new(Pallet, "LastTxBlock", StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    /// <summary>Block of a coldkey's last hotkey swap touching a subnet (the per-subnet swap cooldown).</summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, ulong> LastHotkeySwapOnNetuid =
        new(Pallet, "LastHotkeySwapOnNetuid", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid,
            ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    /// <summary>Blocks between an announcement and the earliest swap (reference runtime: 5 days = 36 000 blocks).</summary>
    public static readonly StorageValue<uint> ColdkeySwapAnnouncementDelay =
        new(Pallet, "ColdkeySwapAnnouncementDelay", ScaleCodecs.U32, KeySwaps.KeySwapConstants.DefaultAnnouncementDelay);

    /// <summary>Blocks after the earliest swap block before a coldkey may re-announce or clear (1 day = 7 200 blocks).</summary>
    public static readonly StorageValue<uint> ColdkeySwapReannouncementDelay =
        new(Pallet, "ColdkeySwapReannouncementDelay", ScaleCodecs.U32, KeySwaps.KeySwapConstants.DefaultReannouncementDelay);

    /// <summary>Announced swaps: coldkey → (first block the swap may execute, BlakeTwo256 of the new coldkey). Absent = none.</summary>
    public static readonly StorageMap<AccountId, (uint When, Hash256 NewColdkeyHash)> ColdkeySwapAnnouncements =
        new(Pallet, "ColdkeySwapAnnouncements", StorageHasher.Twox64Concat, ScaleCodecs.AccountId,
            ScaleCodecs.Tuple(ScaleCodecs.U32, ScaleCodecs.Hash256), default);

    /// <summary>Disputed swaps: coldkey → block of the dispute. A disputed coldkey can do nothing until root resets it.</summary>
    public static readonly StorageMap<AccountId, uint> ColdkeySwapDisputes =
        new(Pallet, "ColdkeySwapDisputes", StorageHasher.Twox64Concat, ScaleCodecs.AccountId, ScaleCodecs.U32, 0);
}
