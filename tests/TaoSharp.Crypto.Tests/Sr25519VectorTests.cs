using System.Text;
using System.Text.Json;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

/// <summary>Every sr25519 key vector in shared/vectors/keys: expansion, both secret encodings, derivation paths.</summary>
public class Sr25519VectorTests
{
    public static TheoryData<int, string> SeedVectorNames() => KeyVectors.Entries("seed_to_public.json", "vectors", "mini_secret");

    [Theory]
    [MemberData(nameof(SeedVectorNames))]
    public void Seed_to_public_and_both_secret_encodings(int index, string miniSecret)
    {
        JsonElement v = LoadKeys("seed_to_public.json").GetProperty("vectors")[index];
        Assert.Equal(miniSecret, v.GetProperty("mini_secret").GetString());
        AssertKeyPair(v);
    }

    [Fact]
    public void Mnemonic_vectors_expand_to_the_expected_keys()
    {
        JsonElement root = LoadKeys("mnemonic_to_keypair.json");
        int checkedCount = 0;
        foreach (JsonElement v in root.GetProperty("btwallet_vectors").EnumerateArray())
        {
            AssertKeyPair(v);
            checkedCount++;
        }

        foreach (JsonElement v in root.GetProperty("substrate_bip39_vectors").EnumerateArray())
        {
            byte[] entropy = Hex(v.GetProperty("entropy").GetString()!);
            Assert.Equal(v.GetProperty("mini_secret").GetString(), ToHex(MiniSecretFromEntropy(entropy, v.GetProperty("password").GetString()!)));
            AssertKeyPair(v);
            if (v.TryGetProperty("no_password", out JsonElement noPassword))
            {
                Assert.Equal(noPassword.GetProperty("mini_secret").GetString(), ToHex(MiniSecretFromEntropy(entropy, "")));
                using var pair = Sr25519KeyPair.FromMiniSecret(Hex(noPassword.GetProperty("mini_secret").GetString()!));
                Assert.Equal(noPassword.GetProperty("public_key").GetString(), ToHex(pair.PublicKey));
            }

            checkedCount++;
        }

        Assert.True(checkedCount >= 5, $"only {checkedCount} mnemonic vectors found");
    }

    [Fact]
    public void Dev_phrase_root_key()
    {
        AssertKeyPair(LoadKeys("dev_accounts.json").GetProperty("dev_phrase"));
    }

    public static TheoryData<int, string> DevUris() => KeyVectors.Entries("dev_accounts.json", "uris", "uri");

    /// <summary>Dev URIs through this file's own walker (not SecretUri): root from the file's dev phrase, junctions left to right.</summary>
    [Theory]
    [MemberData(nameof(DevUris))]
    public void Dev_account_derivations(int index, string uri)
    {
        JsonElement file = LoadKeys("dev_accounts.json");
        AssertWalkedKey(file, file.GetProperty("uris")[index], uri, $"dev_accounts uris[{index}] {uri}");
    }

    public static TheoryData<int, string> PathUris() => KeyVectors.Entries("derivation_paths.json", "vectors", "uri");

    [Theory]
    [MemberData(nameof(PathUris))]
    public void Derivation_path_vectors(int index, string uri)
    {
        JsonElement file = LoadKeys("derivation_paths.json");
        JsonElement v = file.GetProperty("vectors")[index];
        if (!v.TryGetProperty("public_key", out _)) return; // an expected-refusal entry: SecretUriTests checks it
        AssertWalkedKey(file, v, uri, $"derivation_paths[{index}] {uri}");
    }

    /// <summary>
    /// Splits "phrase//hard/soft///password" by hand (an empty phrase is the file's dev phrase, or the standard one), makes the
    /// substrate-bip39 mini secret, and walks the junctions with the scheme's own derivation.
    /// </summary>
    private static void AssertWalkedKey(JsonElement file, JsonElement v, string uri, string context)
    {
        string rest = uri;
        string password = "";
        int passwordAt = uri.IndexOf("///", StringComparison.Ordinal);
        if (passwordAt >= 0)
        {
            password = uri[(passwordAt + 3)..];
            rest = uri[..passwordAt];
        }

        int pathAt = rest.IndexOf('/', StringComparison.Ordinal);
        string phrase = (pathAt < 0 ? rest : rest[..pathAt]).Trim();
        string path = pathAt < 0 ? "" : rest[pathAt..];
        byte[] mini;
        if (phrase.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            mini = Hex(phrase);
        }
        else
        {
            if (phrase.Length == 0)
            {
                phrase = file.TryGetProperty("dev_phrase", out JsonElement dev) ? dev.GetProperty("mnemonic").GetString()! : SecretUri.DevAccounts.DevPhrase;
            }

            mini = MiniSecretFromEntropy(Bip39.Mnemonic.Parse(phrase).EntropyBytes(), password);
        }

        string expected = v.GetProperty("public_key").GetString()!;
        byte[] publicKey;
        if (KeyVectors.SchemeOf(v, file) == KeyScheme.Ed25519)
        {
            var current = Ed25519KeyPair.FromSeed(mini);
            foreach (var (hard, name) in Junctions(path))
            {
                Assert.True(hard, $"{context}: ed25519 has no soft derivation");
                var next = current.DeriveHard(ChainCode(name));
                current.Dispose();
                current = next;
            }

            publicKey = current.PublicKey;
            current.Dispose();
        }
        else
        {
            using var root = Sr25519KeyPair.FromMiniSecret(mini);
            using var derived = Derive(root, path);
            publicKey = derived.PublicKey;
        }

        Assert.True(expected == ToHex(publicKey), $"{context}: public key");
        KeyVectors.AssertAddresses(v, file, publicKey, context);
    }

    [Fact]
    public void Soft_public_derivation_matches_secret_derivation()
    {
        // "/Alice" from the dev root, done on the public key alone.
        using var root = Sr25519KeyPair.FromMiniSecret(Hex(DevMiniSecret));
        byte[] derived = Sr25519.DeriveSoftPublic(root.PublicKey, ChainCode("Alice"));
        Assert.Equal("0xd6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e", ToHex(derived));

        // "//Alice/stash": hard first (needs the secret), then soft on the public key.
        using var alice = root.DeriveHard(ChainCode("Alice"));
        Assert.Equal("0x42693199aba1dec4d835602e19d16d173df9b3b7b65359fd7accdf874749bf61", ToHex(Sr25519.DeriveSoftPublic(alice.PublicKey, ChainCode("stash"))));
    }

    [Fact]
    public void Soft_derived_key_signs_verifiably_and_keeps_a_fixed_key_scalar()
    {
        using var root = Sr25519KeyPair.FromMiniSecret(Hex(DevMiniSecret));
        using var a = root.DeriveSoft(ChainCode("Alice"));
        using var b = root.DeriveSoft(ChainCode("Alice"));
        Assert.Equal(a.ToSecretKeyBytes()[..32], b.ToSecretKeyBytes()[..32]);
        byte[] message = Encoding.UTF8.GetBytes("soft");
        Assert.True(Sr25519.Verify(a.PublicKey, message, a.Sign(message)));
    }

    [Fact]
    public void Chain_code_rules_for_numbers_short_and_long_names()
    {
        Assert.Equal("0x2a00000000000000000000000000000000000000000000000000000000000000", ToHex(ChainCode("42")));
        Assert.Equal("0x14416c6963650000000000000000000000000000000000000000000000000000", ToHex(ChainCode("Alice")));
        Assert.Equal(32, ChainCode("PathNameLongerThan32BytesWhichShouldBeHashed").Length);
    }

    private static void AssertKeyPair(JsonElement v)
    {
        if (v.TryGetProperty("public_key", out JsonElement statedPublic))
        {
            KeyVectors.AssertAddresses(v, default, Hex(statedPublic.GetString()!), $"key vector {statedPublic}");
        }

        byte[] mini = Hex(v.GetProperty("mini_secret").GetString()!);
        string expectedPublic = v.GetProperty("public_key").GetString()!;
        string canonical = v.GetProperty("private_key_btwallet_schnorrkel_form").GetString()!;
        string ed25519Form = v.GetProperty("secret_key_polkadotjs_ed25519_form").GetString()!;

        using var pair = Sr25519KeyPair.FromMiniSecret(mini);
        Assert.Equal(KeyScheme.Sr25519, pair.Scheme);
        Assert.Equal(expectedPublic, ToHex(pair.PublicKey));
        Assert.Equal(canonical, ToHex(pair.ToSecretKeyBytes()));
        Assert.Equal(ed25519Form, ToHex(pair.ToEd25519SecretBytes()));

        using var fromCanonical = Sr25519KeyPair.FromSecretKey(Hex(canonical));
        Assert.Equal(expectedPublic, ToHex(fromCanonical.PublicKey));
        Assert.Equal(ed25519Form, ToHex(fromCanonical.ToEd25519SecretBytes()));

        using var fromEd25519Form = Sr25519KeyPair.FromEd25519SecretBytes(Hex(ed25519Form));
        Assert.Equal(expectedPublic, ToHex(fromEd25519Form.PublicKey));
        Assert.Equal(canonical, ToHex(fromEd25519Form.ToSecretKeyBytes()));
    }
}
