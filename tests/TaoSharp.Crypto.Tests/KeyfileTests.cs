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
        var full = KeyfileContent.Parse(Encoding.UTF8.GetBytes(Shapes.GetProperty("coldkey_or_hotkey_plaintext").GetRawText()));
        Assert.Equal("old leopard transfer rib spatial phone calm indicate online fire caution review", full.SecretPhrase);
        Assert.Equal("0xda3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143", full.SecretSeed);
        Assert.True(full.HasSecret);

        var pub = KeyfileContent.Parse(Encoding.UTF8.GetBytes(Shapes.GetProperty("coldkeypub_txt").GetRawText()));
        Assert.False(pub.HasSecret);
        Assert.Equal("5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX", pub.Ss58Address);

        var legacy = KeyfileContent.Parse(Encoding.UTF8.GetBytes(Shapes.GetProperty("legacy_python_coldkeypub_txt_also_accepted").GetRawText()));
        Assert.Null(legacy.PrivateKey);
        Assert.Equal(pub, legacy);
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
