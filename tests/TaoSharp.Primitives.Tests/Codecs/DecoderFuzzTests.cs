using CsCheck;
using TaoSharp.Math;

namespace TaoSharp.Primitives.Tests.Codecs;

using TaoSharp.Primitives.Scale;

/// <summary>
/// Feeds random and mutated bytes to every decoder: each must either decode or throw
/// ScaleDecodeException; any other exception (index, overflow, out-of-memory...) fails the test.
/// </summary>
public class DecoderFuzzTests
{
    private delegate void Decoder(byte[] input);

    private static Decoder Of<T>(IScaleCodec<T> codec) => input => Scale.Decode(codec, input);

    private static readonly (string Name, Decoder Decode)[] Decoders =
    [
        ("U8", Of(ScaleCodecs.U8)), ("U16", Of(ScaleCodecs.U16)), ("U32", Of(ScaleCodecs.U32)),
        ("U64", Of(ScaleCodecs.U64)), ("U128", Of(ScaleCodecs.U128)), ("I8", Of(ScaleCodecs.I8)),
        ("I16", Of(ScaleCodecs.I16)), ("I32", Of(ScaleCodecs.I32)), ("I64", Of(ScaleCodecs.I64)),
        ("I128", Of(ScaleCodecs.I128)), ("Bool", Of(ScaleCodecs.Bool)), ("Compact", Of(ScaleCodecs.Compact)),
        ("CompactU16", Of(ScaleCodecs.CompactU16)), ("CompactU32", Of(ScaleCodecs.CompactU32)), ("CompactU128", Of(ScaleCodecs.CompactU128)),
        ("Bytes", Of(ScaleCodecs.Bytes)), ("String", Of(ScaleCodecs.String)), ("AccountId", Of(ScaleCodecs.AccountId)),
        ("Hash256", Of(ScaleCodecs.Hash256)), ("NetUid", Of(ScaleCodecs.NetUid)), ("Uid", Of(ScaleCodecs.Uid)),
        ("BlockNumber", Of(ScaleCodecs.BlockNumber)), ("TaoBalance", Of(ScaleCodecs.TaoBalance)),
        ("AlphaBalance", Of(ScaleCodecs.AlphaBalance)), ("Perbill", Of(ScaleCodecs.Perbill)),
        ("Perquintill", Of(ScaleCodecs.Perquintill)), ("I32F32", Of(ScaleCodecs.I32F32)), ("I64F64", Of(ScaleCodecs.I64F64)),
        ("I96F32", Of(ScaleCodecs.I96F32)), ("I110F18", Of(ScaleCodecs.I110F18)), ("U64F64", Of(ScaleCodecs.U64F64)),
        ("U96F32", Of(ScaleCodecs.U96F32)), ("FixedBytes", Of(ScaleCodecs.FixedBytes(4))),
        ("Array", Of(ScaleCodecs.Array(ScaleCodecs.U16, 3))), ("BoundedBytes", Of(ScaleCodecs.BoundedBytes(4))),
        ("BoundedString", Of(ScaleCodecs.BoundedString(4))), ("VecU16", Of(ScaleCodecs.Vec(ScaleCodecs.U16))),
        ("VecString", Of(ScaleCodecs.Vec(ScaleCodecs.String))), ("VecVecU8", Of(ScaleCodecs.Vec(ScaleCodecs.Bytes))),
        ("OptionU32", Of(ScaleCodecs.Option(ScaleCodecs.U32))), ("OptionBool", Of(ScaleCodecs.Option(ScaleCodecs.Bool))),
        ("OptionRef", Of(ScaleCodecs.OptionRef(ScaleCodecs.String))), ("Enum", Of(ScaleCodecs.Enum<TestVariant>())),
        ("Tuple", Of(ScaleCodecs.Tuple(ScaleCodecs.Compact, ScaleCodecs.Bool, ScaleCodecs.AccountId))),
        ("Weights", Of(ScaleCodecs.Vec(ScaleCodecs.Tuple(ScaleCodecs.Uid, ScaleCodecs.U16)))),
    ];

    private static void DecodeOrReject(byte[] input)
    {
        foreach (var (name, decode) in Decoders)
        {
            try
            {
                decode(input);
            }
            catch (ScaleDecodeException)
            {
                // The accepted way to refuse input.
            }
            catch (Exception e)
            {
                Assert.Fail($"{name} threw {e.GetType().Name} for {Convert.ToHexString(input)}: {e.Message}");
            }
        }
    }

    [Fact]
    public void Random_bytes()
    {
        Gen.Byte.Array[0, 48].Sample(DecodeOrReject, iter: 3000);
    }

    [Fact]
    public void Random_bytes_starting_with_big_length_prefixes()
    {
        // Headers that claim large compact lengths stress the allocate-before-check path.
        byte[][] headers = [[0x03, 0xff, 0xff, 0xff, 0xff], [0xfe, 0xff, 0xff, 0xff], [0x13], [0x33], [0xfd, 0xff], [0x01, 0x01]];
        var header = Gen.Int[0, headers.Length - 1].Select(i => headers[i]);
        Gen.Select(header, Gen.Byte.Array[0, 24], (h, tail) => h.Concat(tail).ToArray()).Sample(DecodeOrReject, iter: 1000);
    }

    [Fact]
    public void Mutations_of_valid_encodings()
    {
        var codec = ScaleCodecs.Tuple(ScaleCodecs.Compact, ScaleCodecs.Bool, ScaleCodecs.AccountId);
        var valid = Scale.Encode(codec, (123456UL, true, AccountId.FromBytes(new byte[32])));
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, valid.Length]).Sample((at, b, cut) =>
        {
            var mutated = (byte[])valid.Clone();
            mutated[at] = b;
            DecodeOrReject(mutated);
            DecodeOrReject(mutated[..cut]);
        }, iter: 500);
    }
}
