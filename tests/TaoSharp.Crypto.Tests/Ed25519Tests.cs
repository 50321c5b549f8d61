using CsCheck;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

public class Ed25519Tests
{
    [Fact]
    public void Rfc8032_test_1_empty_message()
    {
        using var pair = Ed25519KeyPair.FromSeed(Hex("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Assert.Equal(KeyScheme.Ed25519, pair.Scheme);
        Assert.Equal("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", ToHex(pair.PublicKey));
        byte[] signature = pair.Sign([]);
        Assert.Equal(
            "0xe5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            ToHex(signature));
        Assert.True(Ed25519.Verify(pair.PublicKey, [], signature));
        Assert.True(Signatures.Verify(KeyScheme.Ed25519, pair.PublicKey, [], signature));
        Assert.False(Signatures.Verify(KeyScheme.Sr25519, pair.PublicKey, [], signature));
    }

    [Fact]
    public void Substrate_dev_accounts_use_the_ed25519HDKD_hard_derivation()
    {
        // sp-core ed25519: the dev phrase's mini secret is the seed; //Alice and //Bob are the well-known ed25519 dev keys.
        using var root = Ed25519KeyPair.FromSeed(Hex(DevMiniSecret));
        using var alice = root.DeriveHard(ChainCode("Alice"));
        using var bob = root.DeriveHard(ChainCode("Bob"));
        Assert.Equal("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee", ToHex(alice.PublicKey));
        Assert.Equal("0xd17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69", ToHex(bob.PublicKey));
    }

    [Fact]
    public void Sign_then_verify_and_tampering()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[0, 200], Gen.Int[0, 511]).Sample((seed, message, bit) =>
        {
            using var pair = Ed25519KeyPair.FromSeed(seed);
            byte[] signature = pair.Sign(message);
            if (!Ed25519.Verify(pair.PublicKey, message, signature))
            {
                return false;
            }

            signature[bit / 8] ^= (byte)(1 << (bit % 8));
            return !Ed25519.Verify(pair.PublicKey, message, signature);
        }, iter: 200);
    }

    [Fact]
    public void Signatures_dispatch_by_scheme_and_reject_unknown_schemes()
    {
        using var ed = Ed25519KeyPair.FromSeed(new byte[32]);
        using var sr = Sr25519KeyPair.FromMiniSecret(new byte[32]);
        byte[] edSignature = ed.Sign("m"u8);
        byte[] srSignature = sr.Sign("m"u8);
        Assert.True(Signatures.Verify(ed.Scheme, ed.PublicKey, "m"u8, edSignature));
        Assert.True(Signatures.Verify(sr.Scheme, sr.PublicKey, "m"u8, srSignature));
        Assert.False(Signatures.Verify(KeyScheme.Ed25519, sr.PublicKey, "m"u8, srSignature));
        Assert.False(Signatures.Verify((KeyScheme)7, ed.PublicKey, "m"u8, edSignature));
    }

    [Fact]
    public void Malformed_inputs_return_false_and_bad_seeds_throw()
    {
        using var pair = Ed25519KeyPair.FromSeed(new byte[32]);
        byte[] signature = pair.Sign("x"u8);
        Assert.False(Ed25519.Verify([], "x"u8, signature));
        Assert.False(Ed25519.Verify(pair.PublicKey, "x"u8, signature.AsSpan(0, 10)));
        Assert.False(Ed25519.Verify(Enumerable.Repeat((byte)0xff, 32).ToArray(), "x"u8, signature));
        Assert.Throws<ArgumentException>(() => Ed25519KeyPair.FromSeed(new byte[33]));
        Assert.Throws<ArgumentException>(() => pair.DeriveHard(new byte[8]));
        Assert.Equal(new byte[32], pair.Seed);
    }
}
