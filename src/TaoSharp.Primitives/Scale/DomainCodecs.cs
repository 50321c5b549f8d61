using TaoSharp.Math;

namespace TaoSharp.Primitives.Scale;

// Codecs for the strong types of this project and the fixed-point types of TaoSharp.Math.
// Each encodes exactly like the Rust type it mirrors, so stored bytes match subtensor's.

internal sealed class AccountIdCodec : IScaleCodec<AccountId>, IScaleSizeHint
{
    public int MinEncodedSize => 32;

    public void Encode(ScaleWriter w, in AccountId value) => w.WriteFixed(value.AsSpan());
    public AccountId Decode(ref ScaleReader r) => AccountId.FromBytes(r.ReadFixed(AccountId.Length));
}

internal sealed class Hash256Codec : IScaleCodec<Hash256>, IScaleSizeHint
{
    public int MinEncodedSize => 32;

    public void Encode(ScaleWriter w, in Hash256 value) => w.WriteFixed(value.AsSpan());
    public Hash256 Decode(ref ScaleReader r) => Hash256.FromBytes(r.ReadFixed(Hash256.Length));
}

internal sealed class NetUidCodec : IScaleCodec<NetUid>, IScaleSizeHint
{
    public int MinEncodedSize => 2;

    public void Encode(ScaleWriter w, in NetUid value) => w.WriteU16(value.Value);
    public NetUid Decode(ref ScaleReader r) => new(r.ReadU16());
}

internal sealed class UidCodec : IScaleCodec<Uid>, IScaleSizeHint
{
    public int MinEncodedSize => 2;

    public void Encode(ScaleWriter w, in Uid value) => w.WriteU16(value.Value);
    public Uid Decode(ref ScaleReader r) => new(r.ReadU16());
}

internal sealed class BlockNumberCodec : IScaleCodec<BlockNumber>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in BlockNumber value) => w.WriteU64(value.Value);
    public BlockNumber Decode(ref ScaleReader r) => new(r.ReadU64());
}

internal sealed class TaoBalanceCodec : IScaleCodec<TaoBalance>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in TaoBalance value) => w.WriteU64(value.Rao);
    public TaoBalance Decode(ref ScaleReader r) => new(r.ReadU64());
}

internal sealed class AlphaBalanceCodec : IScaleCodec<AlphaBalance>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in AlphaBalance value) => w.WriteU64(value.Raw);
    public AlphaBalance Decode(ref ScaleReader r) => new(r.ReadU64());
}

/// <summary>sp-arithmetic rejects parts above the accuracy when decoding; so do we.</summary>
internal sealed class PerbillCodec : IScaleCodec<Perbill>, IScaleSizeHint
{
    public int MinEncodedSize => 4;

    public void Encode(ScaleWriter w, in Perbill value) => w.WriteU32(value.Parts);

    public Perbill Decode(ref ScaleReader r)
    {
        int at = r.Position;
        uint parts = r.ReadU32();
        return parts <= Perbill.Accuracy
            ? Perbill.FromParts(parts)
            : throw ScaleReader.Error(at, $"Perbill parts {parts} exceed {Perbill.Accuracy}");
    }
}

internal sealed class PerquintillCodec : IScaleCodec<Perquintill>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in Perquintill value) => w.WriteU64(value.Parts);

    public Perquintill Decode(ref ScaleReader r)
    {
        int at = r.Position;
        ulong parts = r.ReadU64();
        return parts <= Perquintill.Accuracy
            ? Perquintill.FromParts(parts)
            : throw ScaleReader.Error(at, $"Perquintill parts {parts} exceed {Perquintill.Accuracy}");
    }
}

// substrate-fixed types encode as their raw bits at the width of the backing Rust integer.

internal sealed class I32F32Codec : IScaleCodec<I32F32>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in I32F32 value) => w.WriteI64(value.Bits);
    public I32F32 Decode(ref ScaleReader r) => I32F32.FromBits(r.ReadI64());
}

internal sealed class I64F64Codec : IScaleCodec<I64F64>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in I64F64 value) => w.WriteI128(value.Bits);
    public I64F64 Decode(ref ScaleReader r) => I64F64.FromBits(r.ReadI128());
}

internal sealed class I96F32Codec : IScaleCodec<I96F32>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in I96F32 value) => w.WriteI128(value.Bits);
    public I96F32 Decode(ref ScaleReader r) => I96F32.FromBits(r.ReadI128());
}

internal sealed class I110F18Codec : IScaleCodec<I110F18>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in I110F18 value) => w.WriteI128(value.Bits);
    public I110F18 Decode(ref ScaleReader r) => I110F18.FromBits(r.ReadI128());
}

internal sealed class U64F64Codec : IScaleCodec<U64F64>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in U64F64 value) => w.WriteU128(value.Bits);
    public U64F64 Decode(ref ScaleReader r) => U64F64.FromBits(r.ReadU128());
}

internal sealed class U96F32Codec : IScaleCodec<U96F32>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in U96F32 value) => w.WriteU128(value.Bits);
    public U96F32 Decode(ref ScaleReader r) => U96F32.FromBits(r.ReadU128());
}
