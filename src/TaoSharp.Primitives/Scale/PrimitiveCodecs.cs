namespace TaoSharp.Primitives.Scale;

// The leaf codecs. Each is a stateless singleton exposed through ScaleCodecs.

internal sealed class U8Codec : IScaleCodec<byte>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in byte value) => w.WriteU8(value);
    public byte Decode(ref ScaleReader r) => r.ReadU8();
}

internal sealed class U16Codec : IScaleCodec<ushort>, IScaleSizeHint
{
    public int MinEncodedSize => 2;

    public void Encode(ScaleWriter w, in ushort value) => w.WriteU16(value);
    public ushort Decode(ref ScaleReader r) => r.ReadU16();
}

internal sealed class U32Codec : IScaleCodec<uint>, IScaleSizeHint
{
    public int MinEncodedSize => 4;

    public void Encode(ScaleWriter w, in uint value) => w.WriteU32(value);
    public uint Decode(ref ScaleReader r) => r.ReadU32();
}

internal sealed class U64Codec : IScaleCodec<ulong>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in ulong value) => w.WriteU64(value);
    public ulong Decode(ref ScaleReader r) => r.ReadU64();
}

internal sealed class U128Codec : IScaleCodec<UInt128>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in UInt128 value) => w.WriteU128(value);
    public UInt128 Decode(ref ScaleReader r) => r.ReadU128();
}

internal sealed class I8Codec : IScaleCodec<sbyte>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in sbyte value) => w.WriteI8(value);
    public sbyte Decode(ref ScaleReader r) => r.ReadI8();
}

internal sealed class I16Codec : IScaleCodec<short>, IScaleSizeHint
{
    public int MinEncodedSize => 2;

    public void Encode(ScaleWriter w, in short value) => w.WriteI16(value);
    public short Decode(ref ScaleReader r) => r.ReadI16();
}

internal sealed class I32Codec : IScaleCodec<int>, IScaleSizeHint
{
    public int MinEncodedSize => 4;

    public void Encode(ScaleWriter w, in int value) => w.WriteI32(value);
    public int Decode(ref ScaleReader r) => r.ReadI32();
}

internal sealed class I64Codec : IScaleCodec<long>, IScaleSizeHint
{
    public int MinEncodedSize => 8;

    public void Encode(ScaleWriter w, in long value) => w.WriteI64(value);
    public long Decode(ref ScaleReader r) => r.ReadI64();
}

internal sealed class I128Codec : IScaleCodec<Int128>, IScaleSizeHint
{
    public int MinEncodedSize => 16;

    public void Encode(ScaleWriter w, in Int128 value) => w.WriteI128(value);
    public Int128 Decode(ref ScaleReader r) => r.ReadI128();
}

internal sealed class BoolCodec : IScaleCodec<bool>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in bool value) => w.WriteBool(value);
    public bool Decode(ref ScaleReader r) => r.ReadBool();
}

internal sealed class CompactU64Codec : IScaleCodec<ulong>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in ulong value) => w.WriteCompact(value);
    public ulong Decode(ref ScaleReader r) => r.ReadCompactU64();
}

internal sealed class CompactU128Codec : IScaleCodec<UInt128>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in UInt128 value) => w.WriteCompact(value);
    public UInt128 Decode(ref ScaleReader r) => r.ReadCompactU128();
}

internal sealed class CompactU32Codec : IScaleCodec<uint>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in uint value) => w.WriteCompact(value);
    public uint Decode(ref ScaleReader r) => r.ReadCompactU32();
}

internal sealed class CompactU16Codec : IScaleCodec<ushort>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in ushort value) => w.WriteCompact(value);
    public ushort Decode(ref ScaleReader r) => r.ReadCompactU16();
}

internal sealed class BytesCodec(int maxLength) : IScaleCodec<byte[]>
{
    public void Encode(ScaleWriter w, in byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        w.WriteBytes(value);
    }

    public byte[] Decode(ref ScaleReader r) => r.ReadBytes(maxLength);
}

internal sealed class StringCodec(int maxBytes) : IScaleCodec<string>
{
    public void Encode(ScaleWriter w, in string value) => w.WriteString(value);
    public string Decode(ref ScaleReader r) => r.ReadString(maxBytes);
}

/// <summary><c>[u8; N]</c>: exactly N raw bytes, no prefix.</summary>
internal sealed class FixedBytesCodec(int length) : IScaleCodec<byte[]>, IScaleSizeHint
{
    public int MinEncodedSize => length;

    public void Encode(ScaleWriter w, in byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != length)
        {
            throw new ArgumentException($"Fixed byte array needs exactly {length} bytes, got {value.Length}.", nameof(value));
        }

        w.WriteFixed(value);
    }

    public byte[] Decode(ref ScaleReader r) => r.ReadFixed(length).ToArray();
}
