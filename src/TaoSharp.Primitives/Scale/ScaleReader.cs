using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace TaoSharp.Primitives.Scale;

/// <summary>
/// Reads SCALE encodings from a span. Every malformed input (truncation, non-canonical compact,
/// out-of-range value, invalid bool/option tag, invalid UTF-8, length beyond the input) throws
/// <see cref="ScaleDecodeException"/>; lengths are checked against the remaining input before anything
/// is allocated, so a decoder never allocates more than the input could describe.
/// </summary>
public ref struct ScaleReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ScaleReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public byte ReadU8() => Take(1)[0];

    public ushort ReadU16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint ReadU32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadU64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public UInt128 ReadU128() => BinaryPrimitives.ReadUInt128LittleEndian(Take(16));

    public sbyte ReadI8() => unchecked((sbyte)Take(1)[0]);

    public short ReadI16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public int ReadI32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadI64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public Int128 ReadI128() => BinaryPrimitives.ReadInt128LittleEndian(Take(16));

    /// <summary>0 is false, 1 is true; any other byte is an error.</summary>
    public bool ReadBool()
    {
        int at = _position;
        return ReadU8() switch
        {
            0 => false,
            1 => true,
            var b => throw Error(at, $"invalid bool byte 0x{b:x2} (only 0x00 and 0x01 are allowed)"),
        };
    }

    /// <summary>The tag of an <c>Option</c>: false for None (0), true for Some (1); any other byte is an error.</summary>
    public bool ReadOptionTag()
    {
        int at = _position;
        return ReadU8() switch
        {
            0 => false,
            1 => true,
            var b => throw Error(at, $"invalid Option tag 0x{b:x2} (only 0x00 None and 0x01 Some are allowed)"),
        };
    }

    /// <summary>An enum variant index (one byte) that must be below <paramref name="variantCount"/>.</summary>
    public byte ReadVariantIndex(int variantCount, string typeName)
    {
        int at = _position;
        byte tag = ReadU8();
        return tag < variantCount ? tag : throw Error(at, $"unknown {typeName} variant {tag} (there are {variantCount})");
    }

    public ulong ReadCompactU64()
    {
        UInt128 value = ReadCompact(maxBigBytes: 8, out _);
        return (ulong)value;
    }

    public UInt128 ReadCompactU128() => ReadCompact(maxBigBytes: 16, out _);

    /// <summary>A compact integer that must fit in u32 (SCALE's <c>Compact&lt;u32&gt;</c>, used for lengths).</summary>
    public uint ReadCompactU32()
    {
        UInt128 value = ReadCompact(maxBigBytes: 4, out int at);
        return value <= uint.MaxValue ? (uint)value : throw Error(at, $"compact value {value} does not fit in u32");
    }

    /// <summary>A compact integer that must fit in u16 (SCALE's <c>Compact&lt;u16&gt;</c>, e.g. uids in batch_set_weights).</summary>
    public ushort ReadCompactU16()
    {
        int at = _position;
        uint value = ReadCompactU32();
        return value <= ushort.MaxValue ? (ushort)value : throw Error(at, $"compact value {value} does not fit in u16");
    }

    /// <summary>
    /// The compact length prefix of a collection whose elements take at least one byte each:
    /// it must not exceed <paramref name="maxLength"/> nor the bytes left in the input.
    /// </summary>
    public int ReadLength(int maxLength = int.MaxValue)
    {
        int at = _position;
        uint length = ReadCompactU32();
        if (length > (uint)maxLength)
        {
            throw Error(at, $"length {length} exceeds the allowed maximum {maxLength}");
        }

        if (length > (uint)Remaining)
        {
            throw Error(at, $"length {length} exceeds the {Remaining} bytes left in the input");
        }

        return (int)length;
    }

    /// <summary>A compact-length-prefixed byte string of at most <paramref name="maxLength"/> bytes.</summary>
    public byte[] ReadBytes(int maxLength = int.MaxValue) => Take(ReadLength(maxLength)).ToArray();

    /// <summary><paramref name="length"/> raw bytes (a fixed-size array), without copying.</summary>
    public ReadOnlySpan<byte> ReadFixed(int length)
    {
        if (length < 0)
        {
            throw Error(_position, $"negative fixed length {length}");
        }

        return Take(length);
    }

    /// <summary>A compact-length-prefixed UTF-8 string of at most <paramref name="maxBytes"/> bytes.</summary>
    public string ReadString(int maxBytes = int.MaxValue)
    {
        int at = _position;
        var bytes = Take(ReadLength(maxBytes));
        if (!Utf8.IsValid(bytes))
        {
            throw Error(at, "string is not valid UTF-8");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Throws unless every byte was consumed: trailing bytes mean the input was not one value.</summary>
    public readonly void EnsureEnd()
    {
        if (Remaining != 0)
        {
            throw Error(_position, $"{Remaining} trailing byte(s) after the value");
        }
    }

    /// <summary>An error located at byte <paramref name="offset"/>; for codecs that validate decoded values.</summary>
    public static ScaleDecodeException Error(int offset, string message) =>
        new($"SCALE decode error at byte {offset}: {message}.");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Error(_position, $"needs {count} byte(s) but only {Remaining} remain");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    // Decodes any of the four compact modes, insisting on the shortest (canonical) form as
    // parity-scale-codec does, and on at most maxBigBytes payload bytes in big-integer mode.
    private UInt128 ReadCompact(int maxBigBytes, out int at)
    {
        at = _position;
        byte first = ReadU8();
        switch (first & 0b11)
        {
            case CompactLimits.SingleByteMode:
                return (ulong)(first >> 2);

            case CompactLimits.TwoByteMode:
            {
                ulong value = (ulong)(first | (ReadU8() << 8)) >> 2;
                return value > CompactLimits.SingleByteMax ? value : throw NonCanonical(at, value);
            }

            case CompactLimits.FourByteMode:
            {
                ulong value = (ulong)(first | ((uint)ReadU8() << 8) | ((uint)ReadU16() << 16)) >> 2;
                return value > CompactLimits.TwoByteMax ? value : throw NonCanonical(at, value);
            }

            default:
            {
                int n = (first >> 2) + 4;
                if (n > maxBigBytes)
                {
                    throw Error(at, $"compact integer of {n} bytes is too large for a {maxBigBytes * 8}-bit value");
                }

                var payload = Take(n);
                Span<byte> wide = stackalloc byte[16];
                wide.Clear();
                payload.CopyTo(wide);
                UInt128 value = BinaryPrimitives.ReadUInt128LittleEndian(wide);
                // Four payload bytes must carry more than 30 bits; longer payloads need a non-zero top byte.
                bool canonical = n == 4 ? value > CompactLimits.FourByteMax : payload[n - 1] != 0;
                return canonical ? value : throw NonCanonical(at, value);
            }
        }
    }

    private static ScaleDecodeException NonCanonical(int at, UInt128 value) =>
        Error(at, $"non-canonical compact encoding of {value} (a shorter mode exists)");
}
