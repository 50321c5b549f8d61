using CsCheck;
using TaoSharp.Crypto.Ss58;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class Ss58Tests
{
    public static TheoryData<int> VectorIndices()
    {
        var data = new TheoryData<int>();
        int n = Keys("ss58.json").GetProperty("vectors").GetArrayLength();
        for (int i = 0; i < n; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(VectorIndices))]
    public void Encodes_and_decodes_every_vector(int index)
    {
        var v = Keys("ss58.json").GetProperty("vectors")[index];
        var key = v.Hex("public_key");
        var prefix = (ushort)v.GetProperty("prefix").GetInt32();
        Assert.Equal(v.Str("address"), Ss58Address.Encode(key, prefix));
        var decoded = Ss58Address.Decode(v.Str("address"));
        Assert.Equal(prefix, decoded.Prefix);
        Assert.Equal(key, decoded.PublicKey);
        // The checksum bytes are the last two of the raw payload.
        if (v.TryGetProperty("checksum_hex", out _) && v.TryGetProperty("raw_payload_hex", out _))
            Assert.EndsWith(v.Str("checksum_hex"), v.Str("raw_payload_hex"));
        // A key named by a derivation URI (e.g. //Alice) must be that key; other labels ("zero", abbreviations) are only names.
        if (v.TryGetProperty("key", out var named) && named.GetString()!.StartsWith('/'))
        {
            using var resolved = TaoSharp.Crypto.SecretUri.SecretUriResolver.Resolve(named.GetString()!);
            Assert.True(key.AsSpan().SequenceEqual(resolved.PublicKey), $"ss58 vector {index}: {named} is another key");
        }
    }

    [Fact]
    public void Default_prefix_is_42()
    {
        var alice = Convert.FromHexString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", Ss58Address.Encode(alice));
    }

    public static TheoryData<int, string> NegativeVectors()
    {
        var data = new TheoryData<int, string>();
        int i = 0;
        foreach (var v in Keys("ss58.json").GetProperty("negative").EnumerateArray()) data.Add(i++, v.Str("address"));
        return data;
    }

    /// <summary>Each negative is refused with an Ss58Exception; where its "why" names the defect (checksum, length, base58 character, prefix), so must our message.</summary>
    [Theory]
    [MemberData(nameof(NegativeVectors))]
    public void Vector_negatives_are_rejected_with_the_reason(int index, string address)
    {
        var v = Keys("ss58.json").GetProperty("negative")[index];
        var e = Assert.Throws<Ss58Exception>(() => Ss58Address.Decode(address));
        Assert.False(Ss58Address.IsValid(address));
        string why = v.TryGetProperty("why", out var stated) ? stated.GetString()!.ToLowerInvariant() : "";
        foreach (string defect in new[] { "checksum", "length", "prefix" })
        {
            if (why.Contains(defect, StringComparison.Ordinal))
                Assert.True(e.Message.Contains(defect, StringComparison.Ordinal), $"negative[{index}] {address}: why '{why}', our message '{e.Message}'");
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ0", "not a base58 character")]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQYY", "length")]
    [InlineData("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "too long")]
    public void Malformed_addresses_get_a_clear_error(string address, string fragment)
    {
        var e = Assert.Throws<Ss58Exception>(() => Ss58Address.Decode(address));
        Assert.Contains(fragment, e.Message);
        Assert.False(Ss58Address.IsValid(address));
    }

    [Fact]
    public void Round_trips_random_keys_and_prefixes()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.UShort[0, Ss58Address.MaxPrefix]).Sample((key, prefix) =>
        {
            var decoded = Ss58Address.Decode(Ss58Address.Encode(key, prefix));
            Assert.Equal(prefix, decoded.Prefix);
            Assert.Equal(key, decoded.PublicKey);
        }, iter: 500);
    }

    [Fact]
    public void Random_strings_never_throw_anything_but_Ss58Exception()
    {
        Gen.String[Gen.Char["123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl!"], 0, 70].Sample(s =>
        {
            try { Ss58Address.Decode(s); }
            catch (Ss58Exception) { }
        }, iter: 2000);
    }
}
