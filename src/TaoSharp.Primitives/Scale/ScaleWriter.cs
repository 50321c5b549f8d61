using System.Buffers.Binary;
using System.Text;

namespace TaoSharp.Primitives.Scale;

/// <summary>
/// Appends SCALE encodings to a growable buffer. Integers are little-endian; lengths and
/// compact integers use the shortest of SCALE's four compact modes (the canonical form).
/// </summary>
public sealed class ScaleWriter
{
    private byte[] _buffer;
    private int _length;

    public ScaleWriter(int initialCapacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _buffer = initialCapacity == 0 ? [] : new byte[initialCapacity];
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Forgets the written bytes but keeps the buffer, for reuse in hot loops.</summary>
    public void Clear() => _length = 0;

    public void WriteU8(byte value) => Reserve(1)[0] = value;

    public void WriteU16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void WriteU32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void WriteU64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void WriteU128(UInt128 value) => BinaryPrimitives.WriteUInt128LittleEndian(Reserve(16), value);

    public void WriteI8(sbyte value) => Reserve(1)[0] = unchecked((byte)value);

    public void WriteI16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);

    public void WriteI32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void WriteI64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void WriteI128(Int128 value) => BinaryPrimitives.WriteInt128LittleEndian(Reserve(16), value);

    public void WriteBool(bool value) => WriteU8(value ? (byte)1 : (byte)0);

    public void WriteCompact(ulong value)
    {
        if (value <= CompactLimits.SingleByteMax)
        {
            WriteU8((byte)(value << 2));
        }
        else if (value <= CompactLimits.TwoByteMax)
        {
            WriteU16((ushort)((value << 2) | CompactLimits.TwoByteMode));
        }
        else if (value <= CompactLimits.FourByteMax)
        {
            WriteU32((uint)((value << 2) | CompactLimits.FourByteMode));
        }
        else
        {
            WriteBigCompact(value);
        }
    }

    public void WriteCompact(UInt128 value)
    {
        if (value <= ulong.MaxValue)
        {
            WriteCompact((ulong)value);
        }
        else
        {
            WriteBigCompact(value);
        }
    }

    /// <summary>A byte string: compact length, then the bytes (SCALE <c>Vec&lt;u8&gt;</c>).</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompact((ulong)bytes.Length);
        WriteFixed(bytes);
    }

    /// <summary>Raw bytes without a length prefix (fixed-size arrays such as <c>[u8; 32]</c>).</summary>
    public void WriteFixed(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>UTF-8 bytes with a compact length prefix.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteCompact((ulong)byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    // Big-integer mode: header byte ((n - 4) << 2) | 0b11, then the n significant bytes little-endian, n >= 4.
    private void WriteBigCompact(UInt128 value)
    {
        int significantBytes = (128 - (int)UInt128.LeadingZeroCount(value) + 7) / 8;
        int n = System.Math.Max(significantBytes, 4);
        WriteU8((byte)(((n - 4) << 2) | CompactLimits.BigIntegerMode));
        Span<byte> all = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(all, value);
        WriteFixed(all[..n]);
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void Grow(int count)
    {
        long needed = (long)_length + count;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("SCALE output would exceed the maximum array size.");
        }

        long doubled = System.Math.Max(_buffer.Length * 2L, 64);
        Array.Resize(ref _buffer, (int)System.Math.Min(System.Math.Max(doubled, needed), Array.MaxLength));
    }
}
