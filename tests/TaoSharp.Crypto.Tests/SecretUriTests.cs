using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class SecretUriTests
{
    public static TheoryData<int, string> DerivationUris() => KeyVectors.Entries("derivation_paths.json", "vectors", "uri");

    /// <summary>Each entry, of whatever key scheme, resolves to its public key and every SS58 address it states; an entry with an error expects a refusal.</summary>
    [Theory]
    [MemberData(nameof(DerivationUris))]
    public void Derivation_path_vectors(int index, string uri)
    {
        var file = KeyVectors.File("derivation_paths.json");
        var v = file.GetProperty("vectors")[index];
        var scheme = KeyVectors.SchemeOf(v, file);
        string context = $"derivation_paths[{index}] {scheme} {uri}";
        if (!v.TryGetProperty("public_key", out _) && (v.TryGetProperty("error", out _) || v.TryGetProperty("expected_error", out _)))
        {
            Assert.ThrowsAny<FormatException>(() => SecretUriResolver.Resolve(uri, scheme).Dispose());
            return;
        }

        using var key = SecretUriResolver.Resolve(uri, scheme);
        Assert.True(v.Str("public_key") == "0x" + Convert.ToHexStringLower(key.PublicKey), $"{context}: public key");
        KeyVectors.AssertAddresses(v, file, key.PublicKey, context);
        if (scheme == KeyScheme.Ed25519 && v.TryGetProperty("seed", out var seed) && key.Seed is not null)
            Assert.True(seed.GetString() == "0x" + Convert.ToHexStringLower(key.Seed), $"{context}: derived seed");
    }

    [Fact]
    public void Mnemonic_vectors_resolve_to_their_public_keys_and_secrets()
    {
        var file = Keys("mnemonic_to_keypair.json");
        foreach (var v in file.GetProperty("btwallet_vectors").EnumerateArray())
        {
            using var key = SecretUriResolver.Resolve(v.Str("mnemonic"));
            Assert.Equal(v.Hex("public_key"), key.PublicKey);
            KeyVectors.AssertAddresses(v, file, key.PublicKey, v.Str("mnemonic"));
            Assert.Equal(v.Hex("mini_secret"), key.Seed);
            Assert.Equal(v.Str("mnemonic"), key.Phrase);
            Assert.Equal(v.Hex("private_key_btwallet_schnorrkel_form"), ((Sr25519KeyPair)key.Pair).ToSecretKeyBytes());
        }
        foreach (var v in file.GetProperty("substrate_bip39_vectors").EnumerateArray())
        {
            using var withPassword = SecretUriResolver.Resolve(v.Str("mnemonic") + "///" + v.Str("password"));
            Assert.Equal(v.Hex("public_key"), withPassword.PublicKey);
            KeyVectors.AssertAddresses(v, file, withPassword.PublicKey, v.Str("mnemonic"));
            Assert.Null(withPassword.Phrase); // the phrase alone no longer gives this key
            using var plain = SecretUriResolver.Resolve(v.Str("mnemonic"));
            Assert.Equal(v.GetProperty("no_password").Hex("public_key"), plain.PublicKey);
        }
    }

    [Fact]
    public void Hex_seed_vectors_resolve_to_their_public_keys()
    {
        foreach (var v in Keys("seed_to_public.json").GetProperty("vectors").EnumerateArray())
        {
            using var key = SecretUriResolver.Resolve(v.Str("mini_secret"));
            Assert.Equal(v.Hex("public_key"), key.PublicKey);
            Assert.Equal(v.Hex("mini_secret"), key.Seed);
            Assert.Null(key.Phrase);
        }
    }

    [Fact]
    public void Parses_phrase_path_and_password()
    {
        var uri = SecretKeyUri.Parse("bottom drive obey lake curtain smoke basket hold race lonely fit walk//Alice/0/x///my/pass");
        Assert.Equal("bottom drive obey lake curtain smoke basket hold race lonely fit walk", uri.Phrase);
        Assert.Equal(["//Alice", "/0", "/x"], uri.Junctions.Select(j => j.ToString()));
        Assert.Equal("my/pass", uri.Password);
        Assert.True(SecretKeyUri.Parse("//Alice").UsesDevPhrase);
        Assert.True(SecretKeyUri.Parse("0xabc").IsHexSeed);
    }

    [Fact]
    public void Junction_chain_codes_follow_the_substrate_rules()
    {
        // Numeric: u64 little-endian, zero padded.
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, .. new byte[24]], DeriveJunction.Soft("1").ChainCodeBytes());
        // Text: SCALE compact length (5 << 2 = 0x14) then UTF-8, zero padded.
        Assert.Equal([0x14, .. "Alice"u8.ToArray(), .. new byte[26]], DeriveJunction.Hard("Alice").ChainCodeBytes());
        // Longer than 32 bytes once encoded: blake2b-256 of the encoding.
        var longText = "PathNameLongerThan32BytesWhichShouldBeHashed";
        byte[] encoded = [(byte)(longText.Length << 2), .. System.Text.Encoding.UTF8.GetBytes(longText)];
        Assert.Equal(TaoSharp.Primitives.Hashing.Blake2b.Hash256(encoded).ToArray(), DeriveJunction.Hard(longText).ChainCodeBytes());
    }

    [Theory]
    [InlineData("bottom drive obey//", "empty derivation junction")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit fit//Alice", "not a valid mnemonic")]
    [InlineData("0x1234", "64 hex digits")]
    [InlineData("0xzz3593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "not a hex digit")]
    public void Bad_uris_get_a_clear_error(string uri, string fragment)
    {
        var e = Assert.Throws<SecretUriException>(() => SecretUriResolver.Resolve(uri));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Overlong_uri_is_refused_before_any_work()
    {
        var e = Assert.Throws<SecretUriException>(() => SecretKeyUri.Parse(new string('/', SecretKeyUri.MaxLength + 1)));
        Assert.Contains("too long", e.Message);
    }

    [Fact]
    public void Ed25519_uses_the_same_seed_and_rejects_soft_junctions()
    {
        using var root = SecretUriResolver.Resolve("//Alice", KeyScheme.Ed25519);
        Assert.Equal(KeyScheme.Ed25519, root.Scheme);
        // subkey: ed25519 //Alice = 0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee
        Assert.Equal("88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee", Convert.ToHexStringLower(root.PublicKey));
        var e = Assert.Throws<SecretUriException>(() => SecretUriResolver.Resolve("//Alice/soft", KeyScheme.Ed25519));
        Assert.Contains("hard derivation", e.Message);
    }
}
