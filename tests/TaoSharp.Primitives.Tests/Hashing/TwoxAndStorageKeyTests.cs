using System.Text;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Primitives.Tests.Hashing;

public class TwoxAndStorageKeyTests
{
    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static readonly byte[] AlicePublicKey =
        Convert.FromHexString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

    [Theory]
    [InlineData("System", "26aa394eea5630e07c48ae0c9558cef7")]
    [InlineData("Account", "b99d880ec681799c0cf30e8886371da9")]
    [InlineData("Balances", "c2261276cc9d1f8598ea4b6a74b15c2f")]
    [InlineData("TotalIssuance", "57c875e4cff74148e4628f264b974c80")]
    public void Twox128_matches_well_known_substrate_prefixes(string name, string expected)
    {
        Assert.Equal(expected, Hex(Twox.Hash128(Encoding.UTF8.GetBytes(name))));
    }

    [Fact]
    public void Twox64_of_empty_is_xxhash64_seed0_little_endian()
    {
        // XXH64("", seed 0) = 0xEF46DB3751D8E999
        Assert.Equal("99e9d85137db46ef", Hex(Twox.Hash64([])));
    }

    [Fact]
    public void Twox_lanes_are_prefix_consistent()
    {
        var data = "TaoSharp"u8;
        var t256 = Twox.Hash256(data);
        Assert.Equal(Hex(Twox.Hash64(data)), Hex(t256.AsSpan(0, 8)));
        Assert.Equal(Hex(Twox.Hash128(data)), Hex(t256.AsSpan(0, 16)));
    }

    [Fact]
    public void System_account_key_of_alice_matches_substrate()
    {
        var key = StorageKeys.Prefix("System", "Account")
            .Concat(StorageKeys.HashKey(StorageHasher.Blake2_128Concat, AlicePublicKey))
            .ToArray();
        Assert.Equal(
            "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9" +
            "de1e86a9a8c739864cf3cc5ec2bea59f" +
            "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
            Hex(key));
    }

    [Fact]
    public void Every_hasher_produces_its_documented_shape()
    {
        byte[] k = [0x01, 0x00];
        Assert.Equal("0100", Hex(StorageKeys.HashKey(StorageHasher.Identity, k)));
        Assert.Equal(Hex(Blake2b.Hash128(k)), Hex(StorageKeys.HashKey(StorageHasher.Blake2_128, k)));
        Assert.Equal(Blake2b.Hash256(k).ToHex(), "0x" + Hex(StorageKeys.HashKey(StorageHasher.Blake2_256, k)));
        Assert.Equal(Hex(Blake2b.Hash128(k)) + "0100", Hex(StorageKeys.HashKey(StorageHasher.Blake2_128Concat, k)));
        Assert.Equal(Hex(Twox.Hash128(k)), Hex(StorageKeys.HashKey(StorageHasher.Twox128, k)));
        Assert.Equal(Hex(Twox.Hash256(k)), Hex(StorageKeys.HashKey(StorageHasher.Twox256, k)));
        Assert.Equal(Hex(Twox.Hash64(k)) + "0100", Hex(StorageKeys.HashKey(StorageHasher.Twox64Concat, k)));
    }

    [Theory]
    [InlineData(StorageHasher.Identity, 0)]
    [InlineData(StorageHasher.Blake2_128Concat, 16)]
    [InlineData(StorageHasher.Twox64Concat, 8)]
    public void Concat_prefix_length_recovers_the_key(StorageHasher hasher, int prefix)
    {
        Assert.Equal(prefix, StorageKeys.ConcatPrefixLength(hasher));
        var hashed = StorageKeys.HashKey(hasher, AlicePublicKey);
        Assert.Equal(Hex(AlicePublicKey), Hex(hashed.AsSpan(prefix)));
    }

    [Theory]
    [InlineData(StorageHasher.Blake2_128)]
    [InlineData(StorageHasher.Blake2_256)]
    [InlineData(StorageHasher.Twox128)]
    [InlineData(StorageHasher.Twox256)]
    public void Opaque_hashers_cannot_be_iterated(StorageHasher hasher)
    {
        Assert.Throws<InvalidOperationException>(() => StorageKeys.ConcatPrefixLength(hasher));
    }
}
