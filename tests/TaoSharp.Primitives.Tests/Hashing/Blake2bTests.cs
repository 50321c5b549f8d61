using System.Text;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Primitives.Tests.Hashing;

public class Blake2bTests
{
    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    // Deterministic input with no repeating 128-byte structure, so block boundaries matter.
    private static byte[] Pattern(int length)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 7) + 3);
        }
        return data;
    }

    [Fact]
    public void Empty_input_256_matches_the_substrate_constant()
    {
        Assert.Equal("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8", Blake2b.Hash256([]).ToHex());
    }

    [Fact]
    public void Abc_512_matches_rfc7693_appendix_a()
    {
        Assert.Equal(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1" +
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            Hex(Blake2b.Hash512("abc"u8)));
    }

    [Fact]
    public void Abc_128_matches_the_reference_implementation()
    {
        Assert.Equal("cf4ab791c62b8d2b2109c90275287816", Hex(Blake2b.Hash128("abc"u8)));
    }

    [Theory]
    [InlineData(1, "2e")]
    [InlineData(20, "3345524abf6bbe1809449224b5972c41790b6cf2")]
    [InlineData(64, "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")]
    public void Empty_input_at_other_digest_lengths(int length, string expected)
    {
        var output = new byte[length];
        Blake2b.Hash([], output);
        Assert.Equal(expected, Hex(output));
    }

    // Values from Python's hashlib.blake2b (the reference C implementation) over Pattern(n);
    // the lengths straddle the 128-byte block boundary.
    [Theory]
    [InlineData(1, "e88bd757ad5b9bedf372d8d3f0cf6c962a469db61a265f6418e1ffed86da29ec", "469faac899f374872debf8316818e61309b0f769")]
    [InlineData(127, "c9ae3859964b35f04c54b36d33cf299d7290ee621005d28e51598a943560aaaa", "23ff7f1d4b5e5568040f01adbe04a6b997899d25")]
    [InlineData(128, "f0501d06597880592bc49234eef100ec1ff349058d0e9d9b753504e24af86dd6", "79ae684511c83fdee5f040c77bb7c9a317d3f2de")]
    [InlineData(129, "a34a4e1e03c541dfbf3099c4b6c143c022ced65c28bd7e8a10e0a098461aecf0", "b195dc7be88c88574f88d235228691bf35e409ec")]
    [InlineData(255, "f2d64a40e9412a3414161ff6250075225418fd7c271c1123e162e1bca0de9f93", "21f2df5f9d17130a396e124d37d6fbe158044aaf")]
    [InlineData(256, "d93ebb9c802f5630ab22516fd82b6c21bc8bd551d531349b715f046ed11ed871", "4514db2f29d22e32d1a142894c7285e546dbf121")]
    [InlineData(1000, "d62b6c768ce1afc8367e0498ab2f8e3f7c178c35b1429f14c4604b545d200f52", "7347a87d12c5b902eefd08b8b5c14816494c2639")]
    public void Multi_block_inputs_match_the_reference(int length, string expected256, string expected160)
    {
        var data = Pattern(length);
        Assert.Equal("0x" + expected256, Blake2b.Hash256(data).ToHex());
        var output = new byte[20];
        Blake2b.Hash(data, output);
        Assert.Equal(expected160, Hex(output));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Rejects_digest_lengths_outside_1_to_64(int length)
    {
        var output = new byte[length];
        Assert.Throws<ArgumentException>(() => Blake2b.Hash("x"u8, output));
    }

    [Fact]
    public void Digest_length_is_part_of_the_parameter_block_not_a_truncation()
    {
        var full = Blake2b.Hash512(Encoding.ASCII.GetBytes("abc"));
        var short16 = Blake2b.Hash128("abc"u8);
        Assert.NotEqual(Hex(full.AsSpan(0, 16)), Hex(short16));
    }
}
