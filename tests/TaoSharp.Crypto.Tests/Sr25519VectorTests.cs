using System.Text;
using System.Text.Json;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

/// <summary>Every sr25519 key vector in shared/vectors/keys: expansion, both secret encodings, derivation paths.</summary>
public class Sr25519VectorTests
{
    public static TheoryData<string> SeedVectorNames() => VectorNames("seed_to_public.json", "vectors");

    [Theory]
    [MemberData(nameof(SeedVectorNames))]
    public void Seed_to_public_and_both_secret_encodings(string miniSecret)
    {
        JsonElement v = Find("seed_to_public.json", "vectors", miniSecret);
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

    public static TheoryData<string> DevUris() => VectorNames("dev_accounts.json", "uris", "uri");

    [Theory]
    [MemberData(nameof(DevUris))]
    public void Dev_account_derivations(string uri)
    {
        JsonElement v = Find("dev_accounts.json", "uris", uri, "uri");
        string path = uri;
        string password = "";
        int passwordAt = uri.IndexOf("///", StringComparison.Ordinal);
        if (passwordAt >= 0)
        {
            path = uri[..passwordAt];
            password = uri[(passwordAt + 3)..];
        }

        byte[] mini = password.Length == 0
            ? Hex(DevMiniSecret)
            : MiniSecretFromEntropy(Hex("0x1a486a5fbe53639984cb64b070755f7b"), password);
        using var root = Sr25519KeyPair.FromMiniSecret(mini);
        using var derived = Derive(root, path);
        Assert.Equal(v.GetProperty("public_key").GetString(), ToHex(derived.PublicKey));
    }

    public static TheoryData<string> PathUris() => VectorNames("derivation_paths.json", "vectors", "uri");

    [Theory]
    [MemberData(nameof(PathUris))]
    public void Derivation_path_vectors(string uri)
    {
        JsonElement v = Find("derivation_paths.json", "vectors", uri, "uri");
        const string oldLeopard = "old leopard transfer rib spatial phone calm indicate online fire caution review";
        byte[] mini;
        string path;
        if (uri.StartsWith(oldLeopard, StringComparison.Ordinal))
        {
            mini = Hex("0xda3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143");
            path = uri[oldLeopard.Length..];
        }
        else
        {
            Assert.StartsWith("/", uri);
            mini = Hex(DevMiniSecret);
            path = uri;
        }

        using var root = Sr25519KeyPair.FromMiniSecret(mini);
        using var derived = Derive(root, path);
        Assert.Equal(v.GetProperty("public_key").GetString(), ToHex(derived.PublicKey));
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

    private static TheoryData<string> VectorNames(string file, string array, string key = "mini_secret")
    {
        var data = new TheoryData<string>();
        foreach (JsonElement v in LoadKeys(file).GetProperty(array).EnumerateArray())
        {
            data.Add(v.GetProperty(key).GetString()!);
        }

        return data;
    }

    private static JsonElement Find(string file, string array, string value, string key = "mini_secret") =>
        LoadKeys(file).GetProperty(array).EnumerateArray().Single(v => v.GetProperty(key).GetString() == value);
}
