using TaoSharp.Math;

namespace TaoSharp.Primitives.Tests.Codecs;

using TaoSharp.Primitives.Scale;

public enum TestVariant : byte
{
    First = 0,
    Second = 1,
    Fifth = 4,
}

public class CodecVectorTests
{
    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    private static void AssertCodec<T>(IScaleCodec<T> codec, T value, string hex)
    {
        Assert.Equal(hex, Hex(Scale.Encode(codec, value)));
        Assert.Equal(value, Scale.Decode(codec, Bytes(hex)));
    }

    [Fact]
    public void Fixed_width_integers_are_little_endian()
    {
        AssertCodec(ScaleCodecs.U8, (byte)0x45, "45");
        AssertCodec(ScaleCodecs.U16, (ushort)42, "2a00");
        AssertCodec(ScaleCodecs.U32, 16777215u, "ffffff00");
        AssertCodec(ScaleCodecs.U64, 0x0102030405060708UL, "0807060504030201");
        AssertCodec(ScaleCodecs.U128, UInt128.MaxValue, new string('f', 32));
        AssertCodec(ScaleCodecs.I8, (sbyte)-1, "ff");
        AssertCodec(ScaleCodecs.I16, (short)-2, "feff");
        AssertCodec(ScaleCodecs.I32, int.MinValue, "00000080");
        AssertCodec(ScaleCodecs.I64, -1L, "ffffffffffffffff");
        AssertCodec(ScaleCodecs.I128, (Int128)1, "01" + new string('0', 30));
    }

    [Fact]
    public void Bool_accepts_only_zero_and_one()
    {
        AssertCodec(ScaleCodecs.Bool, false, "00");
        AssertCodec(ScaleCodecs.Bool, true, "01");
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Bool, Bytes("02")));
        Assert.Contains("bool", e.Message);
    }

    [Fact]
    public void Option_uses_tag_0_or_1_and_bool_gets_the_packed_form()
    {
        var optU32 = ScaleCodecs.Option(ScaleCodecs.U32);
        AssertCodec(optU32, (uint?)null, "00");
        AssertCodec(optU32, (uint?)1, "0101000000");
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(optU32, Bytes("0201000000")));

        var optBool = ScaleCodecs.Option(ScaleCodecs.Bool);
        AssertCodec(optBool, (bool?)null, "00");
        AssertCodec(optBool, (bool?)true, "01");
        AssertCodec(optBool, (bool?)false, "02");
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(optBool, Bytes("03")));

        var optString = ScaleCodecs.OptionRef(ScaleCodecs.String);
        AssertCodec(optString, null, "00");
        AssertCodec(optString, "a", "010461");
    }

    [Fact]
    public void Vec_has_a_compact_length_prefix()
    {
        var vec = ScaleCodecs.Vec(ScaleCodecs.U16);
        AssertCodec(vec, new ushort[] { 4, 8, 15, 16, 23, 42 }, "18040008000f00100017002a00");
        AssertCodec(vec, [], "00");
        AssertCodec(ScaleCodecs.Bytes, new byte[] { 1, 2, 3 }, "0c010203");
    }

    [Fact]
    public void Strings_are_utf8_with_a_length_prefix()
    {
        AssertCodec(ScaleCodecs.String, "Hello", "1448656c6c6f");
        AssertCodec(ScaleCodecs.String, "τ", "08cf84");
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.String, Bytes("08c328")));
        Assert.Contains("UTF-8", e.Message);
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.BoundedString(2), Bytes("0c616263")));
    }

    [Fact]
    public void Tuples_concatenate_their_fields()
    {
        AssertCodec(ScaleCodecs.Tuple(ScaleCodecs.Compact, ScaleCodecs.Bool), (3UL, false), "0c00");
        AssertCodec(ScaleCodecs.Tuple(ScaleCodecs.NetUid, ScaleCodecs.Uid, ScaleCodecs.TaoBalance),
            (new NetUid(1), new Uid(2), new TaoBalance(3)), "010002000300000000000000");
    }

    [Fact]
    public void Fixed_arrays_have_no_prefix()
    {
        AssertCodec(ScaleCodecs.FixedBytes(3), new byte[] { 1, 2, 3 }, "010203");
        AssertCodec(ScaleCodecs.Array(ScaleCodecs.U16, 2), new ushort[] { 1, 2 }, "01000200");
        Assert.Throws<ArgumentException>(() => Scale.Encode(ScaleCodecs.FixedBytes(3), new byte[2]));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.FixedBytes(3), Bytes("0102")));
    }

    [Fact]
    public void Enums_are_one_tag_byte_and_unknown_tags_fail()
    {
        var codec = ScaleCodecs.Enum<TestVariant>();
        AssertCodec(codec, TestVariant.First, "00");
        AssertCodec(codec, TestVariant.Fifth, "04");
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(codec, Bytes("02")));
        Assert.Contains("TestVariant", e.Message);
        Assert.Throws<ArgumentException>(() => Scale.Encode(codec, (TestVariant)3));
    }

    [Fact]
    public void Domain_types_encode_like_their_rust_counterparts()
    {
        var alice = AccountId.ParseHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
        AssertCodec(ScaleCodecs.AccountId, alice, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
        AssertCodec(ScaleCodecs.Hash256, Hash256.Zero, new string('0', 64));
        AssertCodec(ScaleCodecs.NetUid, new NetUid(0x0102), "0201");
        AssertCodec(ScaleCodecs.Uid, new Uid(7), "0700");
        AssertCodec(ScaleCodecs.BlockNumber, new BlockNumber(1), "0100000000000000");
        AssertCodec(ScaleCodecs.TaoBalance, new TaoBalance(1_000_000_000), "00ca9a3b00000000");
        AssertCodec(ScaleCodecs.AlphaBalance, new AlphaBalance(1), "0100000000000000");
    }

    [Fact]
    public void Per_things_are_bounded_integers()
    {
        AssertCodec(ScaleCodecs.Perbill, Perbill.One, "00ca9a3b");
        AssertCodec(ScaleCodecs.Perquintill, Perquintill.FromParts(1), "0100000000000000");
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Perbill, Bytes("01ca9a3b")));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Perquintill, Bytes("010064a7b3b6e00d")));
    }

    [Fact]
    public void Fixed_point_types_are_raw_bits_at_the_rust_width()
    {
        AssertCodec(ScaleCodecs.I32F32, I32F32.One, "0000000001000000");
        AssertCodec(ScaleCodecs.I32F32, -I32F32.One, "00000000ffffffff");
        AssertCodec(ScaleCodecs.I64F64, I64F64.One, "0000000000000000" + "0100000000000000");
        AssertCodec(ScaleCodecs.U64F64, U64F64.One, "0000000000000000" + "0100000000000000");
        AssertCodec(ScaleCodecs.I96F32, I96F32.One, "0000000001000000" + "0000000000000000");
        AssertCodec(ScaleCodecs.U96F32, U96F32.One, "0000000001000000" + "0000000000000000");
        AssertCodec(ScaleCodecs.I110F18, I110F18.One, "0000040000000000" + "0000000000000000");
    }

    [Fact]
    public void Map_turns_converter_rejections_into_decode_errors()
    {
        var even = ScaleCodecs.Map(ScaleCodecs.U8, b => b % 2 == 0 ? b : throw new ArgumentException("odd"), b => b);
        Assert.Equal((byte)2, Scale.Decode(even, Bytes("02")));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(even, Bytes("03")));
    }

    [Fact]
    public void Create_builds_struct_codecs_from_two_functions()
    {
        var codec = ScaleCodecs.Create<(NetUid, ulong)>(
            (w, in v) => { w.WriteU16(v.Item1.Value); w.WriteCompact(v.Item2); },
            (ref r) => (new NetUid(r.ReadU16()), r.ReadCompactU64()));
        AssertCodec(codec, (new NetUid(3), 64UL), "03000101");
    }

    [Fact]
    public void Whole_buffer_decoding_rejects_trailing_bytes()
    {
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.U8, Bytes("0102")));
        Assert.Contains("trailing", e.Message);
        Assert.False(Scale.TryDecode(ScaleCodecs.U16, Bytes("01"), out _, out var error));
        Assert.NotNull(error);
        Assert.True(Scale.TryDecode(ScaleCodecs.U16, Bytes("0100"), out var value, out error));
        Assert.Equal((ushort)1, value);
        Assert.Null(error);
    }

    [Fact]
    public void Length_prefixes_beyond_the_input_fail_before_allocating()
    {
        // u32::MAX elements claimed, three bytes present.
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Vec(ScaleCodecs.U64), Bytes("03ffffffff010203")));
        Assert.Contains("exceeds", e.Message);
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Bytes, Bytes("feffffff00")));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.String, Bytes("0b00407a10f35a")));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Vec(ScaleCodecs.U8, maxLength: 2), Bytes("0c010203")));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Array(ScaleCodecs.U8, 1_000_000), Bytes("00")));
    }

    [Fact]
    public void Element_minimum_size_bounds_collection_lengths()
    {
        // Ten account ids need 320 bytes; 40 are present. The count alone (10 <= 40) would pass.
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Vec(ScaleCodecs.AccountId), Bytes("28" + new string('0', 80))));
        Assert.Contains("cannot fit", e.Message);
        var pairs = ScaleCodecs.Vec(ScaleCodecs.Tuple(ScaleCodecs.Uid, ScaleCodecs.U16));
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(pairs, Bytes("08" + "01000200" + "0300")));
        Assert.Equal(2, Scale.Decode(pairs, Bytes("08" + "01000200" + "03000400")).Length);
        Assert.Throws<ScaleDecodeException>(() => Scale.Decode(ScaleCodecs.Array(ScaleCodecs.U64, 2), Bytes("0102030405060708090a")));
    }

    [Fact]
    public void Reader_reports_the_failing_offset()
    {
        var reader = new ScaleReader(Bytes("0102"));
        Assert.Equal(1, reader.ReadU8());
        try
        {
            reader.ReadU32();
            Assert.Fail("expected a decode error");
        }
        catch (ScaleDecodeException e)
        {
            Assert.Contains("byte 1", e.Message);
        }
    }

    [Fact]
    public void Variant_index_must_be_below_the_variant_count()
    {
        var reader = new ScaleReader(Bytes("0203"));
        Assert.Equal(2, reader.ReadVariantIndex(3, "Call"));
        try
        {
            reader.ReadVariantIndex(3, "Call");
            Assert.Fail("expected a decode error");
        }
        catch (ScaleDecodeException e)
        {
            Assert.Contains("unknown Call variant 3", e.Message);
            Assert.IsAssignableFrom<FormatException>(e);
        }
    }

    [Fact]
    public void Wide_compact_writer_uses_the_short_modes_for_small_values()
    {
        var w = new ScaleWriter();
        w.WriteCompact((UInt128)1);
        w.WriteCompact((UInt128)69);
        w.WriteCompact((UInt128)ulong.MaxValue);
        Assert.Equal("04" + "1501" + "13ffffffffffffffff", Hex(w.WrittenSpan));
    }

    [Fact]
    public void Writer_grows_from_zero_capacity_and_can_be_reused()
    {
        var w = new ScaleWriter(0);
        for (int i = 0; i < 1000; i++)
        {
            w.WriteU64((ulong)i);
        }
        Assert.Equal(8000, w.Length);
        Assert.Equal(999UL, BitConverter.ToUInt64(w.WrittenSpan[^8..]));
        w.Clear();
        w.WriteCompact(1UL);
        Assert.Equal("04", Hex(w.ToArray()));
    }
}
