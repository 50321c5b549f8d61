using System.Text;
using TaoSharp.Crypto.Keyfiles;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class KeyfileTests
{
    private static readonly System.Text.Json.JsonElement Shapes = Keys("keyfile_json.json");

    [Fact]
    public void Parses_every_vector_shape_by_name()
    {
        var plain = Shapes.GetProperty("coldkey_or_hotkey_plaintext");
        var full = KeyfileContent.Parse(Encoding.UTF8.GetBytes(plain.GetRawText()));
        Assert.Equal(plain.Str("secretPhrase"), full.SecretPhrase);
        Assert.Equal(plain.Str("secretSeed"), full.SecretSeed);
        Assert.True(full.HasSecret);

        var pubShape = Shapes.GetProperty("coldkeypub_txt");
        var pub = KeyfileContent.Parse(Encoding.UTF8.GetBytes(pubShape.GetRawText()));
        Assert.False(pub.HasSecret);
        Assert.Equal(pubShape.Str("ss58Address"), pub.Ss58Address);

        var legacy = KeyfileContent.Parse(Encoding.UTF8.GetBytes(Shapes.GetProperty("legacy_python_coldkeypub_txt_also_accepted").GetRawText()));
        Assert.Null(legacy.PrivateKey);
        Assert.Equal(pub, legacy);
    }

    /// <summary>Every keyfile-shaped object in keyfile_json.json (any name, top level or in an array) and the NaCl vector's plaintext.</summary>
    public static TheoryData<string> KeyfileShapes()
    {
        var data = new TheoryData<string>();
        foreach (var (label, _) in KeyfileObjects()) data.Add(label);
        return data;
    }

    /// <summary>
    /// Each shape parses; its secrets, by btwallet's load priority and also each one on its own, give the stated public key,
    /// account id and address; a public-only shape loads as a key that cannot sign.
    /// </summary>
    [Theory]
    [MemberData(nameof(KeyfileShapes))]
    public void Every_keyfile_shape_loads_to_its_stated_key(string label)
    {
        var shape = KeyfileObjects().Single(o => o.Label == label).Shape;
        var content = KeyfileContent.Parse(Encoding.UTF8.GetBytes(shape.GetRawText()));
        using var loaded = TaoSharp.Crypto.Wallet.WalletKeypair.FromKeyfileContent(content);
        if (content.PublicKey is not null) Assert.True(content.PublicKey == loaded.PublicKeyHex, $"{label}: publicKey");
        if (content.AccountId is not null) Assert.True(content.AccountId == loaded.PublicKeyHex, $"{label}: accountId");
        if (content.Ss58Address is not null) Assert.True(content.Ss58Address == loaded.Ss58Address, $"{label}: ss58Address");
        Assert.True(content.HasSecret == loaded.CanSign, $"{label}: can sign");

        var alone = new List<(string Field, Func<TaoSharp.Crypto.Wallet.WalletKeypair> Load)>();
        if (content.SecretPhrase is not null) alone.Add(("secretPhrase", () => TaoSharp.Crypto.Wallet.WalletKeypair.FromMnemonic(Bip39.Mnemonic.Parse(content.SecretPhrase))));
        if (content.SecretSeed is not null) alone.Add(("secretSeed", () => TaoSharp.Crypto.Wallet.WalletKeypair.FromSeed(Sr25519TestSupport.Hex(content.SecretSeed))));
        if (content.PrivateKey is not null) alone.Add(("privateKey", () => TaoSharp.Crypto.Wallet.WalletKeypair.FromPrivateKey(Sr25519TestSupport.Hex(content.PrivateKey))));
        foreach (var (field, load) in alone)
        {
            using var fromField = load();
            Assert.True(fromField.PublicKeyHex == loaded.PublicKeyHex, $"{label}: {field} alone gives another key");
        }
    }

    private static IEnumerable<(string Label, System.Text.Json.JsonElement Shape)> KeyfileObjects()
    {
        static bool IsShape(System.Text.Json.JsonElement e) =>
            e.ValueKind == System.Text.Json.JsonValueKind.Object && (e.TryGetProperty("publicKey", out _) || e.TryGetProperty("ss58Address", out _));

        foreach (var property in Shapes.EnumerateObject())
        {
            if (IsShape(property.Value)) yield return ($"keyfile_json {property.Name}", property.Value);
            else if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (IsShape(item)) yield return ($"keyfile_json {property.Name}[{i}]", item);
                    i++;
                }
            }
        }

        var nacl = Keys("keyfile_nacl.json");
        if (nacl.TryGetProperty("plaintext_utf8", out var plaintext))
            yield return ("keyfile_nacl plaintext_utf8", System.Text.Json.JsonDocument.Parse(plaintext.GetString()!).RootElement);
    }

    [Fact]
    public void Serializes_the_vector_plaintext_exactly()
    {
        var nacl = Keys("keyfile_nacl.json");
        var content = KeyfileContent.Parse(Encoding.UTF8.GetBytes(nacl.Str("plaintext_utf8")));
        Assert.Equal(nacl.Str("plaintext_utf8"), content.ToJson());
        Assert.Equal(Shapes.GetProperty("coldkeypub_txt").GetRawText().Replace("\n", "").Replace(" ", ""), content.PublicOnly().ToJson());
    }

    [Theory]
    [InlineData("[]", "not an object")]
    [InlineData("{\"secretPhrase\": 5}", "must be a string")]
    [InlineData("{\"accountId\": \"0x\"", "not valid JSON")]
    public void Malformed_json_is_a_format_error(string json, string fragment)
    {
        var e = Assert.Throws<KeyfileFormatException>(() => KeyfileContent.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(fragment, e.Message);
    }

    [Theory]
    [InlineData("$NACL...", KeyfileEncoding.Nacl)]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n", KeyfileEncoding.AnsibleVault)]
    [InlineData("gAAAAABk", KeyfileEncoding.Fernet)]
    [InlineData(" {\"a\":1}", KeyfileEncoding.Plaintext)]
    [InlineData("garbage", KeyfileEncoding.Unknown)]
    public void Detects_the_encoding_by_leading_bytes(string data, KeyfileEncoding expected) =>
        Assert.Equal(expected, KeyfileEncodingDetector.Detect(Encoding.ASCII.GetBytes(data)));

    [Fact]
    public void Writes_plaintext_atomically_with_mode_0600_and_never_overwrites_silently()
    {
        using var dir = new TempDir();
        var file = new Keyfile(Path.Combine(dir.Path, "a", "b", "hotkey"));
        var content = new KeyfileContent { Ss58Address = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX" };
        file.Write(content, password: null, overwrite: false);
        Assert.Equal(content, file.Read());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));

        var before = Snapshot(dir.Path);
        Assert.Throws<KeyfileExistsException>(() => file.Write(content with { Ss58Address = null }, null, overwrite: false));
        AssertSameFiles(before, Snapshot(dir.Path));

        file.Write(content with { AccountId = "0x00" }, null, overwrite: true);
        Assert.Equal("0x00", file.Read().AccountId);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file.Path)!)); // no temp file left behind
    }

    [Fact]
    [Trait("Category", "Slow")] // Argon2i at btwallet's limits: ~6 s of CPU and 512 MiB per run
    public void Encrypted_file_needs_a_password_and_reports_a_wrong_one()
    {
        using var dir = new TempDir();
        var nacl = Keys("keyfile_nacl.json");
        var path = Path.Combine(dir.Path, "coldkey");
        File.WriteAllBytes(path, nacl.Hex("keyfile_bytes_hex"));
        var file = new Keyfile(path);
        Assert.True(file.IsEncrypted());
        var missing = Assert.Throws<KeyfilePasswordException>(() => file.Read());
        Assert.Contains("no password", missing.Message);
        var wrong = Assert.Throws<KeyfilePasswordException>(() => file.Read(new FixedPasswordProvider("wrong password")));
        Assert.Contains(path, wrong.Message);
    }

    [Fact]
    public void Unknown_oversized_and_missing_files_get_clear_errors()
    {
        using var dir = new TempDir();
        var garbage = Path.Combine(dir.Path, "garbage");
        File.WriteAllText(garbage, "not a keyfile");
        Assert.Contains("not JSON", Assert.Throws<KeyfileFormatException>(() => new Keyfile(garbage).Read()).Message);

        var huge = Path.Combine(dir.Path, "huge");
        File.WriteAllBytes(huge, new byte[Keyfile.MaxFileSize + 1]);
        Assert.Throws<KeyfileFormatException>(() => new Keyfile(huge).Read());

        Assert.Throws<KeyfileNotFoundException>(() => new Keyfile(Path.Combine(dir.Path, "nope")).Read());
    }

    [Fact]
    public void Reads_legacy_ansible_vault_keyfiles()
    {
        var fixture = LocalFixture("legacy_keyfiles.json");
        var vault = Encoding.ASCII.GetBytes(fixture.Str("ansible_vault_file"));
        Assert.Equal(KeyfileEncoding.AnsibleVault, KeyfileEncodingDetector.Detect(vault));
        Assert.Equal(fixture.Str("plaintext_utf8"), Encoding.UTF8.GetString(LegacyAnsibleVault.Decrypt(vault, fixture.Str("password"))));
        Assert.Throws<KeyfilePasswordException>(() => LegacyAnsibleVault.Decrypt(vault, "wrong"));
        Assert.Throws<KeyfileFormatException>(() => LegacyAnsibleVault.Decrypt("$ANSIBLE_VAULT;1.1;AES256\nzz"u8, "x"));
    }

    [Fact]
    public void Reads_legacy_fernet_keyfiles_with_the_derived_key()
    {
        var fixture = LocalFixture("legacy_keyfiles.json");
        var token = Encoding.ASCII.GetBytes(fixture.Str("fernet_file"));
        Assert.Equal(KeyfileEncoding.Fernet, KeyfileEncodingDetector.Detect(token));
        Assert.Equal(fixture.Str("plaintext_utf8"), Encoding.UTF8.GetString(LegacyFernet.Decrypt(token, fixture.Hex("fernet_key_hex"))));
        var tampered = (byte[])token.Clone();
        tampered[20] = tampered[20] == (byte)'A' ? (byte)'B' : (byte)'A';
        Assert.Throws<KeyfileFormatException>(() => LegacyFernet.Decrypt(tampered, fixture.Hex("fernet_key_hex")));
        Assert.Throws<KeyfileFormatException>(() => LegacyFernet.Decrypt("gAAAAA"u8, fixture.Hex("fernet_key_hex")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Fernet_key_derivation_from_the_password_matches_python()
    {
        // 10 million PBKDF2 rounds: several seconds, like the old Python wallets.
        var fixture = LocalFixture("legacy_keyfiles.json");
        Assert.Equal(fixture.Hex("fernet_key_hex"), LegacyFernet.DeriveKey(fixture.Str("password")));
    }
}
