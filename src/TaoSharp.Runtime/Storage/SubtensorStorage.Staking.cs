using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Per-hotkey share pools (spec-dtao §5.1) and delegation settings.</summary>
public static partial class SubtensorStorage
{
    /// <summary>Most hotkeys one coldkey may stake to (bounds <see cref="StakingHotkeys"/> decoding).</summary>
    public const int MaxStakingHotkeys = 4096;

    /// <summary>Total alpha value V behind a hotkey on a subnet (root: TAO 1:1).</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, ulong> TotalHotkeyAlpha =
        new(Pallet, "TotalHotkeyAlpha", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>Share denominator of a hotkey's pool on a subnet.</summary>
    public static readonly StorageDoubleMap<AccountId, NetUid, UInt128> TotalHotkeyShares =
        new(Pallet, "TotalHotkeyShares", StorageHasher.Blake2_128Concat, StorageHasher.Identity, ScaleCodecs.AccountId, ScaleCodecs.NetUid, ScaleCodecs.U128, UInt128.Zero);

    /// <summary>
    /// Shares of (hotkey; coldkey, netuid). Decision: the reference's (hotkey, coldkey, netuid) NMap is laid out as a
    /// StorageDoubleMap keyed first by hotkey so one prefix scan lists a hotkey's stakers (dissolution, takes).
    /// </summary>
    public static readonly StorageDoubleMap<AccountId, (AccountId Coldkey, NetUid Netuid), UInt128> Alpha =
        new(Pallet, "Alpha", StorageHasher.Blake2_128Concat, StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId,
            ScaleCodecs.Tuple(ScaleCodecs.AccountId, ScaleCodecs.NetUid), ScaleCodecs.U128, UInt128.Zero);

    /// <summary>Hotkeys a coldkey has staked to.</summary>
    public static readonly StorageMap<AccountId, AccountId[]> StakingHotkeys =
        new(Pallet, "StakingHotkeys", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.Vec(ScaleCodecs.AccountId, MaxStakingHotkeys), []);

    /// <summary>Delegate take of every hotkey (u16 proportion); defaults to 18 % (spec-dtao §4.6).</summary>
    public static readonly StorageMap<AccountId, ushort> Delegates =
        new(Pallet, "Delegates", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.U16, Staking.StakingConstants.DefaultDelegateTake);

    /// <summary>Block of the last take change of a hotkey (rate limit of increase_take).</summary>
    public static readonly StorageMap<AccountId, ulong> LastTxBlockDelegateTake =
        new(Pallet, "LastTxBlockDelegateTake", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    /// <summary>Σ TAO staked across all subnets (root included).</summary>
    public static readonly StorageValue<ulong> TotalStake = new(Pallet, "TotalStake", ScaleCodecs.U64, 0);

    /// <summary>Whether stake on a subnet may be transferred to another coldkey.</summary>
    public static readonly StorageMap<NetUid, bool> TransferToggle =
        new(Pallet, "TransferToggle", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bool, true);
}
