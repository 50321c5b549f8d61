using System.Numerics;
using CsCheck;

namespace TaoSharp.Primitives.Tests.Codecs;

// Inside the namespace so that 'Scale' means the class, not the TaoSharp.Primitives.Scale namespace.
using TaoSharp.Primitives.Scale;

public class CompactTests
{
    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    // Values from the Substrate SCALE documentation plus each mode's boundaries.
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "04")]
    [InlineData(42UL, "a8")]
    [InlineData(63UL, "fc")]
    [InlineData(64UL, "0101")]
    [InlineData(69UL, "1501")]
    [InlineData(16383UL, "fdff")]
    [InlineData(16384UL, "02000100")]
    [InlineData(65535UL, "feff0300")]
    [InlineData(1073741823UL, "feffffff")]
    [InlineData(1073741824UL, "0300000040")]
    [InlineData(4294967295UL, "03ffffffff")]
    [InlineData(4294967296UL, "070000000001")]
    [InlineData(100000000000000UL, "0b00407a10f35a")]
    [InlineData(ulong.MaxValue, "13ffffffffffffffff")]
    public void U64_known_encodings(ulong value, string hex)
    {
        Assert.Equal(hex, Hex(Scale.Encode(ScaleCodecs.Compact, value)));
        Assert.Equal(value, Scale.Decode(ScaleCodecs.Compact, Bytes(hex)));
        Assert.Equal((UInt128)value, Scale.Decode(ScaleCodecs.CompactU128, Bytes(hex)));
    }

    [Fact]
    public void U128_extremes()
    {
        Assert.Equal("33" + new string('f', 32), Hex(Scale.Encode(ScaleCodecs.CompactU128, UInt128.MaxValue)));
        Assert.Equal(UInt128.MaxValue, Scale.Decode(ScaleCodecs.CompactU128, Bytes("33" + new string('f', 32))));
        var twoTo64 = (UInt128)1 << 64;
        Assert.Equal("170000000000000000" + "01", Hex(Scale.Encode(ScaleCodecs.CompactU128, twoTo64)));
        Assert.Equal("00", Hex(Scale.Encode(ScaleCodecs.CompactU128, UInt128.Zero)));
    }

    [Theory]
    [InlineData("0100", "0 in two-byte mode")]
    [InlineData("fd00", "63 in two-byte mode")]
    [InlineData("02000000", "0 in four-byte mode")]
    [InlineData("feff0000", "16383 in four-byte mode")]
    [InlineData("03ffffff3f", "2^30-1 in big-integer mode")]
    [InlineData("0700000000" + "00", "five bytes with a zero top byte")]
    [InlineData("0fffffffffffff00", "seven bytes with a zero top byte")]
    public void Non_canonical_encodings_are_rejected(string hex, string why)
    {
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Compact, Bytes(hex)));
        Assert.Contains("non-canonical", e.Message);
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.CompactU128, Bytes(hex)));
        Assert.NotNull(why);
    }

    [Fact]
    public void Out_of_range_for_the_target_width_is_rejected()
    {
        // Nine payload bytes cannot be a u64.
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Compact, Bytes("17000000000000000001")));
        // 2^32 is not a u32.
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.CompactU32, Bytes("070000000001")));
        Assert.Equal(uint.MaxValue, Scale.Decode(ScaleCodecs.CompactU32, Bytes("03ffffffff")));
        // 65536 is not a u16.
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.CompactU16, Bytes("02000400")));
        Assert.Equal(ushort.MaxValue, Scale.Decode(ScaleCodecs.CompactU16, Bytes("feff0300")));
        // Seventeen payload bytes cannot be a u128.
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.CompactU128, Bytes("37" + new string('1', 34))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("020001")]
    [InlineData("03ffff")]
    [InlineData("13ffffffffffffff")]
    public void Truncated_input_is_rejected(string hex)
    {
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Compact, Bytes(hex)));
        Assert.Contains("remain", e.Message);
    }

    [Fact]
    public void Round_trip_and_minimal_length_for_any_u64()
    {
        var gen = Gen.OneOf(Gen.ULong, Gen.ULong[0, 100_000], Gen.Int[0, 63].Select(bits => 1UL << bits), Gen.Int[1, 64].Select(bits => bits == 64 ? ulong.MaxValue : (1UL << bits) - 1));
        gen.Sample(value =>
        {
            var bytes = Scale.Encode(ScaleCodecs.Compact, value);
            Assert.Equal(value, Scale.Decode(ScaleCodecs.Compact, bytes));
            Assert.Equal(ExpectedLength(value), bytes.Length);
        });
    }

    [Fact]
    public void Round_trip_for_any_u128()
    {
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Int[0, 128]).Sample((hi, lo, shift) =>
        {
            UInt128 value = new UInt128(hi, lo) >> shift;
            Assert.Equal(value, Scale.Decode(ScaleCodecs.CompactU128, Scale.Encode(ScaleCodecs.CompactU128, value)));
        });
    }

    private static int ExpectedLength(ulong value) => value switch
    {
        < 1UL << 6 => 1,
        < 1UL << 14 => 2,
        < 1UL << 30 => 4,
        _ => 1 + System.Math.Max(4, (64 - BitOperations.LeadingZeroCount(value) + 7) / 8),
    };
}
