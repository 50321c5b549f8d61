using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// One pending hash commit of commit-reveal v2 (spec-yuma §5.2): the blake2-256 of the SCALE-encoded reveal,
/// the epoch index and block it was made in. Stored as the tuple (hash, commit_epoch, commit_block, 0).
/// </summary>
public readonly record struct WeightCommit(Hash256 Hash, ulong CommitEpoch, ulong CommitBlock)
{
    /// <summary>At most this many unexpired commits per hotkey.</summary>
    public const int MaxUnrevealed = 10;

    public static readonly IScaleCodec<WeightCommit> Codec = ScaleCodecs.Create<WeightCommit>(
        static (w, in c) =>
        {
            ScaleCodecs.Hash256.Encode(w, c.Hash);
            w.WriteU64(c.CommitEpoch);
            w.WriteU64(c.CommitBlock);
            w.WriteU64(0);
        },
        static (ref r) =>
        {
            var hash = ScaleCodecs.Hash256.Decode(ref r);
            ulong epoch = r.ReadU64();
            ulong block = r.ReadU64();
            r.ReadU64();
            return new WeightCommit(hash, epoch, block);
        });

    /// <summary>Expired once the current epoch is past the reveal epoch (commit epoch + RevealPeriodEpochs).</summary>
    public bool IsExpired(ulong currentEpoch, ulong revealPeriodEpochs) =>
        currentEpoch > SafeMath.SaturatingAdd(CommitEpoch, revealPeriodEpochs);

    public ulong RevealEpoch(ulong revealPeriodEpochs) => SafeMath.SaturatingAdd(CommitEpoch, revealPeriodEpochs);
}
