using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

public static partial class SubtensorStorage
{
    /// <summary>Weight rows: max-upscaled u16, in submission order, zeros kept (spec-yuma §1.4).</summary>
    public static readonly StorageDoubleMap<ushort, ushort, (ushort Uid, ushort Value)[]> Weights =
        new(Pallet, "Weights", StorageHasher.Identity, StorageHasher.Identity, ScaleCodecs.U16, ScaleCodecs.U16, SparseRowCodec, []);

    /// <summary>Bond rows: column max-upscaled (original Yuma) or absolute u16 proportions (Yuma3).</summary>
    public static readonly StorageDoubleMap<ushort, ushort, (ushort Uid, ushort Value)[]> Bonds =
        new(Pallet, "Bonds", StorageHasher.Identity, StorageHasher.Identity, ScaleCodecs.U16, ScaleCodecs.U16, SparseRowCodec, []);

    /// <summary>Hash commits of a hotkey, oldest first: (hash, commit block, first reveal block, last reveal block) in the reference; see <see cref="WeightCommit"/>.</summary>
    public static readonly StorageDoubleMap<ushort, AccountId, WeightCommit[]> WeightCommits =
        new(Pallet, "WeightCommits", StorageHasher.Twox64Concat, StorageHasher.Twox64Concat, ScaleCodecs.U16, ScaleCodecs.AccountId,
            ScaleCodecs.Vec(WeightCommit.Codec, WeightCommit.MaxUnrevealed), []);

    /// <summary>Block of the last completed epoch step of the subnet (set by the coinbase after distributing).</summary>
    public static readonly StorageMap<NetUid, ulong> LastMechansimStepBlock =
        new(Pallet, "LastMechansimStepBlock", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);

    /// <summary>Number of epoch slots the subnet has consumed (the commit-reveal clock).</summary>
    public static readonly StorageMap<NetUid, ulong> SubnetEpochIndex =
        new(Pallet, "SubnetEpochIndex", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);
}
