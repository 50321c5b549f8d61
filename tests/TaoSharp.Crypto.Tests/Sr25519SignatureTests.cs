using System.Text;
using System.Text.Json;
using CsCheck;
using TaoSharp.Crypto.Merlin;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

/// <summary>sr25519 signing and verification: the verify vectors, deterministic signing, and properties.</summary>
public class Sr25519SignatureTests
{
    private static readonly byte[] BytesOpen = "<Bytes>"u8.ToArray();
    private static readonly byte[] BytesClose = "</Bytes>"u8.ToArray();

    public static TheoryData<int, string> PositiveVectors() => VectorNames("positive");

    public static TheoryData<int, string> NegativeVectors() => VectorNames("negative");

    [Theory]
    [MemberData(nameof(PositiveVectors))]
    public void Positive_vector_verifies_and_its_wrapped_signature_verifies_only_over_the_wrapped_message(int index, string name)
    {
        JsonElement v = LoadKeys("sr25519_verify.json").GetProperty("positive")[index];
        byte[] pub = Hex(v.GetProperty("public_key").GetString()!);
        byte[] message = VectorMessage(v);
        if (v.TryGetProperty("message_utf8", out JsonElement utf8) && v.TryGetProperty("message_hex", out _))
        {
            Assert.True(Encoding.UTF8.GetBytes(utf8.GetString()!).AsSpan().SequenceEqual(message), $"{name}: message_utf8 and message_hex disagree");
        }

        if (v.TryGetProperty("signer_uri", out JsonElement signerUri))
        {
            using var signer = ResolveWithRandomness(signerUri.GetString()!, OsRandomSource.Instance);
            Assert.True(ToHex(signer.PublicKey) == ToHex(pub), $"{name}: signer_uri {signerUri} gives another public key");
        }

        if (v.TryGetProperty("ss58", out JsonElement ss58))
        {
            Assert.True(Ss58.Ss58Address.Decode(ss58.GetString()!).PublicKey.AsSpan().SequenceEqual(pub), $"{name}: ss58 is not the public key");
        }

        int count = 0;
        foreach (JsonElement sig in v.GetProperty("valid_signatures").EnumerateArray())
        {
            byte[] signature = Hex(sig.GetString()!);
            Assert.True(Sr25519.Verify(pub, message, signature), $"{name}: {sig}");
            Assert.True(Signatures.Verify(KeyScheme.Sr25519, pub, message, signature), $"{name}: {sig} through Signatures");
            count++;
        }

        Assert.True(count > 0, $"{name}: no valid_signatures");
        if (v.TryGetProperty("signature_over_bytes_wrapped_message", out JsonElement wrapped))
        {
            byte[] wrappedSig = Hex(wrapped.GetString()!);
            Assert.True(Sr25519.Verify(pub, [.. BytesOpen, .. message, .. BytesClose], wrappedSig), $"{name}: wrapped signature");
            Assert.False(Sr25519.Verify(pub, message, wrappedSig), $"{name}: wrapped signature accepted over the bare message");
        }
    }

    [Theory]
    [MemberData(nameof(NegativeVectors))]
    public void Negative_vector_is_rejected(int index, string name)
    {
        JsonElement v = LoadKeys("sr25519_verify.json").GetProperty("negative")[index];
        if (v.TryGetProperty("expected_verify", out JsonElement expected))
        {
            Assert.False(expected.GetBoolean(), $"{name}: a negative vector that expects verification to pass");
        }

        Assert.False(Sr25519.Verify(Hex(v.GetProperty("public_key").GetString()!), VectorMessage(v), Hex(v.GetProperty("signature").GetString()!)), name);
    }

    [Theory]
    [MemberData(nameof(PositiveVectors))]
    public void Tampered_vector_signature_message_or_key_is_rejected(int index, string name)
    {
        JsonElement v = LoadKeys("sr25519_verify.json").GetProperty("positive")[index];
        byte[] pub = Hex(v.GetProperty("public_key").GetString()!);
        byte[] message = VectorMessage(v);
        byte[] signature = Hex(v.GetProperty("valid_signatures")[0].GetString()!);
        Assert.True(Sr25519.Verify(pub, message, signature), name);

        for (int i = 0; i < 64; i++)
        {
            byte[] bad = (byte[])signature.Clone();
            bad[i] ^= 0x01;
            Assert.False(Sr25519.Verify(pub, message, bad), $"{name}: flipped bit 0 of signature byte {i}");
        }

        byte[] longer = [.. message, 0x00];
        Assert.False(Sr25519.Verify(pub, longer, signature), $"{name}: accepted with a byte appended to the message");
        if (message.Length > 0)
        {
            byte[] badMessage = (byte[])message.Clone();
            badMessage[^1] ^= 0x20;
            Assert.False(Sr25519.Verify(pub, badMessage, signature), $"{name}: accepted a changed message");
        }

        // Another real key: the vector's key with one soft step from it.
        byte[] otherKey = Sr25519.DeriveSoftPublic(pub, ChainCode("other"));
        Assert.False(Sr25519.Verify(otherKey, message, signature), $"{name}: accepted under another key");
    }

    [Fact]
    public void Fixed_randomness_reproduces_the_scure_vector_signatures()
    {
        // The file's source says one signature per message comes from @scure/sr25519 with randomness 32×0x42;
        // with the same randomness, our signer (resolved from each vector's signer_uri) must produce exactly those bytes.
        JsonElement root = LoadKeys("sr25519_verify.json");
        Assert.Contains("32x0x42", root.GetProperty("source").GetString()!, StringComparison.Ordinal);
        int matched = 0;
        foreach (JsonElement v in root.GetProperty("positive").EnumerateArray())
        {
            if (!v.TryGetProperty("signer_uri", out JsonElement signerUri)) continue;
            // A soft step draws the derived key's nonce from the signer's randomness in an implementation-specific way
            // (schnorrkel and @scure differ), so only hard-only signers have a byte-reproducible signature.
            if (SecretUri.SecretKeyUri.Parse(signerUri.GetString()!).Junctions.Any(j => !j.IsHard)) continue;
            using var signer = ResolveWithRandomness(signerUri.GetString()!, new FixedRandomSource(0x42));
            byte[] signature = signer.Sign(VectorMessage(v));
            string[] valid = v.GetProperty("valid_signatures").EnumerateArray().Select(s => s.GetString()!).ToArray();
            Assert.True(valid.Contains(ToHex(signature)), $"{v.GetProperty("name")}: our fixed-randomness signature is not among valid_signatures");
            matched++;
        }

        Assert.True(matched > 0, "no positive vector names its signer_uri");
    }

    /// <summary>message_hex when present, else message_utf8.</summary>
    private static byte[] VectorMessage(JsonElement v) =>
        v.TryGetProperty("message_hex", out JsonElement hex) ? Hex(hex.GetString()!) : Encoding.UTF8.GetBytes(v.GetProperty("message_utf8").GetString()!);

    private static TheoryData<int, string> VectorNames(string array)
    {
        var data = new TheoryData<int, string>();
        int i = 0;
        foreach (JsonElement v in LoadKeys("sr25519_verify.json").GetProperty(array).EnumerateArray())
        {
            data.Add(i, v.TryGetProperty("name", out JsonElement name) ? name.GetString()! : $"{array}[{i}]");
            i++;
        }

        return data;
    }

    /// <summary>
    /// Resolves a secret URI like SecretUriResolver does (root from phrase+password, dev phrase, or hex seed; junctions left
    /// to right) but with a chosen signing randomness, which the resolver does not take.
    /// </summary>
    private static Sr25519KeyPair ResolveWithRandomness(string uri, IRandomSource randomness)
    {
        var parsed = SecretUri.SecretKeyUri.Parse(uri);
        byte[] mini = parsed.IsHexSeed
            ? Hex(parsed.Phrase)
            : Bip39.SubstrateBip39.MiniSecret(Bip39.Mnemonic.Parse(parsed.UsesDevPhrase ? SecretUri.DevAccounts.DevPhrase : parsed.Phrase), parsed.Password ?? "");
        var pair = Sr25519KeyPair.FromMiniSecret(mini, randomness);
        foreach (var junction in parsed.Junctions)
        {
            var next = junction.IsHard ? pair.DeriveHard(junction.ChainCode) : pair.DeriveSoft(junction.ChainCode);
            pair.Dispose();
            pair = next;
        }

        return pair;
    }

    [Fact]
    public void Signatures_carry_the_schnorrkel_marker_and_are_randomized()
    {
        using var pair = Sr25519KeyPair.FromMiniSecret(Hex(DevMiniSecret));
        byte[] a = pair.Sign("m"u8);
        byte[] b = pair.Sign("m"u8);
        Assert.Equal(0x80, a[63] & 0x80);
        Assert.NotEqual(a, b);
        Assert.True(Sr25519.Verify(pair.PublicKey, "m"u8, a));
        Assert.True(Sr25519.Verify(pair.PublicKey, "m"u8, b));

        byte[] unmarked = (byte[])a.Clone();
        unmarked[63] &= 0x7f;
        Assert.False(Sr25519.Verify(pair.PublicKey, "m"u8, unmarked));
    }

    [Fact]
    public void Sign_then_verify_holds_for_random_keys_and_messages()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[0, 300]).Sample((seed, message) =>
        {
            using var pair = Sr25519KeyPair.FromMiniSecret(seed);
            byte[] signature = pair.Sign(message);
            return Sr25519.Verify(pair.PublicKey, message, signature);
        }, iter: 200);
    }

    [Fact]
    public void Any_single_bit_change_is_rejected_for_random_keys()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[1, 100], Gen.Int[0, 3], Gen.Int[0, 511]).Sample((seed, message, target, bit) =>
        {
            using var pair = Sr25519KeyPair.FromMiniSecret(seed);
            byte[] signature = pair.Sign(message);
            byte[] pub = pair.PublicKey;
            switch (target)
            {
                case 0:
                    signature[bit / 8 % 64] ^= (byte)(1 << (bit % 8));
                    break;
                case 1:
                    message[bit / 8 % message.Length] ^= (byte)(1 << (bit % 8));
                    break;
                default:
                    pub[bit / 8 % 32] ^= (byte)(1 << (bit % 8));
                    break;
            }

            return !Sr25519.Verify(pub, message, signature);
        }, iter: 200);
    }

    [Fact]
    public void Malformed_inputs_return_false_instead_of_throwing()
    {
        using var pair = Sr25519KeyPair.FromMiniSecret(Hex(DevMiniSecret));
        byte[] pub = pair.PublicKey;
        byte[] signature = pair.Sign("x"u8);

        Assert.False(Sr25519.Verify([], "x"u8, signature));
        Assert.False(Sr25519.Verify(pub.AsSpan(0, 31), "x"u8, signature));
        Assert.False(Sr25519.Verify(pub, "x"u8, signature.AsSpan(0, 63)));
        Assert.False(Sr25519.Verify(pub, "x"u8, [.. signature, 0]));
        Assert.False(Sr25519.Verify(new byte[32], "x"u8, signature)); // identity public key
        Assert.False(Sr25519.Verify(Enumerable.Repeat((byte)0xff, 32).ToArray(), "x"u8, signature)); // not an encoding

        byte[] nonCanonicalS = (byte[])signature.Clone();
        // s = ℓ exactly (marker set) is not canonical.
        Hex("0xedd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010").CopyTo(nonCanonicalS, 32);
        nonCanonicalS[63] |= 0x80;
        Assert.False(Sr25519.Verify(pub, "x"u8, nonCanonicalS));

        byte[] badR = (byte[])signature.Clone();
        Array.Fill(badR, (byte)0xff, 0, 32);
        Assert.False(Sr25519.Verify(pub, "x"u8, badR));

        Gen.Select(Gen.Byte.Array[0, 40], Gen.Byte.Array[0, 70]).Sample((p, s) =>
        {
            if (s.Length == 64)
            {
                s[63] |= 0x80;
            }

            return !Sr25519.Verify(p, "x"u8, s);
        }, iter: 300);
    }

    [Fact]
    public void Identity_public_key_is_treated_as_schnorrkel_treats_it()
    {
        // R = 5·B, s = 5 with the marker: valid for the identity key under schnorrkel (wasm-crypto 7.5.4 says true;
        // @scure/sr25519 rejects the identity key outright). We follow schnorrkel, the chain's verifier.
        byte[] signature = Hex("0xe882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e0500000000000000000000000000000000000000000000000000000000000080");
        Assert.True(Sr25519.Verify(new byte[32], [1, 2, 3], signature));
    }

    [Fact]
    public void Secret_key_loading_rejects_bad_lengths_and_non_canonical_scalars()
    {
        Assert.Throws<ArgumentException>(() => Sr25519KeyPair.FromMiniSecret(new byte[31]));
        Assert.Throws<ArgumentException>(() => Sr25519KeyPair.FromSecretKey(new byte[63]));
        Assert.Throws<ArgumentException>(() => Sr25519KeyPair.FromSecretKey(new byte[64])); // zero scalar
        byte[] nonCanonical = new byte[64];
        Array.Fill(nonCanonical, (byte)0xff, 0, 32);
        Assert.Throws<ArgumentException>(() => Sr25519KeyPair.FromSecretKey(nonCanonical));
        Assert.Throws<ArgumentException>(() => Sr25519KeyPair.FromEd25519SecretBytes(new byte[32]));

        using var pair = Sr25519KeyPair.FromMiniSecret(Hex(DevMiniSecret));
        Assert.Throws<ArgumentException>(() => pair.DeriveHard(new byte[31]));
        Assert.Throws<ArgumentException>(() => pair.DeriveSoft(new byte[33]));
        Assert.Throws<ArgumentException>(() => Sr25519.DeriveSoftPublic(Enumerable.Repeat((byte)0xff, 32).ToArray(), new byte[32]));
        Assert.Throws<ArgumentException>(() => Sr25519.DeriveSoftPublic(new byte[5], new byte[32]));
    }

    [Fact]
    public void Dispose_zeroes_the_secret_and_blocks_further_use()
    {
        var pair = Sr25519KeyPair.FromMiniSecret(Hex(DevMiniSecret));
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.Sign("x"u8));
        Assert.Throws<ObjectDisposedException>(() => pair.ToSecretKeyBytes());
        Assert.Throws<ObjectDisposedException>(() => pair.DeriveHard(new byte[32]));
    }
}
