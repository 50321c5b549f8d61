using System.Text;
using System.Text.Json;

namespace TaoSharp.Cli.Tests;

public sealed class WalletCommandTests : IDisposable
{
    private const string OldLeopard = "old leopard transfer rib spatial phone calm indicate online fire caution review";
    private const string OldLeopardAddress = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";

    private readonly string _root = Directory.CreateTempSubdirectory("taosharp-wallet-cli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string Wallets => Path.Combine(_root, "wallets");

    /// <summary>HOME points into the temp folder so a default path can never reach a real wallet.</summary>
    private TaoResult Tao(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = _root };
        if (env is not null) foreach (var (k, v) in env) environment[k] = v;
        return KeysCliRunner.Run(environment, args);
    }

    private TaoResult Tao(params string[] args) => Tao(null, args);

    private Dictionary<string, byte[]> Files() =>
        Directory.Exists(_root) ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes) : [];

    private void AssertUnchanged(Dictionary<string, byte[]> before)
    {
        var after = Files();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
    }

    /// <summary>btwallet's BT_PW_ variable for a keyfile, holding <paramref name="password"/>.</summary>
    private static Dictionary<string, string> PasswordEnv(string keyfilePath, string password)
    {
        var name = "BT_PW_" + keyfilePath.Replace('/', '_').Replace('.', '_').ToUpperInvariant();
        var data = Encoding.UTF8.GetBytes(password);
        var key = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i < data.Length; i++) data[i] ^= key[i % key.Length];
        return new() { [name] = Convert.ToBase64String(data) };
    }

    [Fact]
    public void Create_writes_btwallet_layout_with_0600_and_refuses_to_overwrite()
    {
        var r = Tao("wallet", "create", "--wallet-path", Wallets, "--wallet-name", "w", "--hotkey", "h", "--no-use-password", "--json-output");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.True(json.GetProperty("success").GetBoolean());
        var data = json.GetProperty("data");
        Assert.Equal("w", data.GetProperty("name").GetString());
        Assert.Equal("h", data.GetProperty("hotkey").GetString());

        foreach (var file in new[] { "coldkey", "coldkeypub.txt", "hotkeys/h", "hotkeys/hpub.txt" })
        {
            var path = Path.Combine(Wallets, "w", file);
            Assert.True(File.Exists(path), path);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        var pub = JsonDocument.Parse(File.ReadAllText(Path.Combine(Wallets, "w", "coldkeypub.txt"))).RootElement;
        Assert.Equal(data.GetProperty("coldkey_ss58").GetString(), pub.GetProperty("ss58Address").GetString());
        var hot = JsonDocument.Parse(File.ReadAllText(Path.Combine(Wallets, "w", "hotkeys", "h"))).RootElement;
        Assert.Equal(12, hot.GetProperty("secretPhrase").GetString()!.Split(' ').Length);

        var before = Files();
        var again = Tao("wallet", "create", "--wallet-path", Wallets, "--wallet-name", "w", "--hotkey", "h", "--no-use-password", "--no-prompt");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
        AssertUnchanged(before);

        var newHotkey = Tao("wallet", "new-hotkey", "--wallet-path", Wallets, "--wallet-name", "w", "--hotkey", "h", "--json-output");
        Assert.Equal(1, newHotkey.ExitCode);
        Assert.False(JsonDocument.Parse(newHotkey.Stdout).RootElement.GetProperty("success").GetBoolean());
        AssertUnchanged(before);
    }

    [Fact]
    public void Regen_from_mnemonic_gives_the_vector_address_and_overwrite_needs_the_flag()
    {
        var r = Tao("wallet", "regen-coldkey", "-p", Wallets, "--name", "r", "--mnemonic", OldLeopard, "--no-use-password", "--json-output");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(OldLeopardAddress, JsonDocument.Parse(r.Stdout).RootElement.GetProperty("data").GetProperty("coldkey_ss58").GetString());
        var coldkey = JsonDocument.Parse(File.ReadAllText(Path.Combine(Wallets, "r", "coldkey"))).RootElement;
        Assert.Equal("0x1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e",
            coldkey.GetProperty("privateKey").GetString());

        var before = Files();
        var refused = Tao("wallet", "regen-coldkey", "-p", Wallets, "--name", "r", "--seed",
            "0x4d1ab2a57929edfd018aaa974e62ed557e3f54b4104acabedf73c8f5a1dbb029", "--no-use-password", "--no-prompt");
        Assert.Equal(1, refused.ExitCode);
        AssertUnchanged(before);

        var replaced = Tao("wallet", "regen-coldkey", "-p", Wallets, "--name", "r", "--seed",
            "4d1ab2a57929edfd018aaa974e62ed557e3f54b4104acabedf73c8f5a1dbb029", "--no-use-password", "--overwrite", "--json-output");
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal("5FbSap4BsWfjyRhCchoVdZHkDnmDm3NEgLZ25mesq4aw2WvX",
            JsonDocument.Parse(replaced.Stdout).RootElement.GetProperty("data").GetProperty("coldkey_ss58").GetString());

        var hot = Tao("wallet", "regen-hotkey", "-p", Wallets, "--name", "r", "-H", "numbered", "--json-output", "--mnemonic",
            "2-drive 1-bottom 3-obey 4-lake 5-curtain 6-smoke 7-basket 8-hold 9-race 10-lonely 12-walk 11-fit");
        Assert.Equal(0, hot.ExitCode);
        Assert.Equal("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV",
            JsonDocument.Parse(hot.Stdout).RootElement.GetProperty("data").GetProperty("hotkey_ss58").GetString());
    }

    [Fact]
    public void Bad_inputs_exit_2_and_write_nothing()
    {
        var before = Files();
        var badMnemonic = Tao("wallet", "regen-coldkey", "-p", Wallets, "--mnemonic",
            "bottom drive obey lake curtain smoke basket hold race lonely fit fit", "--no-use-password", "--no-prompt");
        Assert.Equal(2, badMnemonic.ExitCode);
        Assert.Contains("checksum", badMnemonic.Stderr);

        var badAddress = Tao("wallet", "regen-coldkeypub", "-p", Wallets, "--ss58", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQR", "--no-prompt");
        Assert.Equal(2, badAddress.ExitCode);
        Assert.Contains("checksum", badAddress.Stderr);

        var noPassword = Tao("wallet", "new-coldkey", "-p", Wallets, "--no-prompt");
        Assert.Equal(2, noPassword.ExitCode);
        Assert.Contains("BT_PW_", noPassword.Stderr);

        var json = Tao("wallet", "regen-coldkey", "-p", Wallets, "--json", "backup.json", "--json-output");
        Assert.Equal(2, json.ExitCode);
        Assert.Contains("not supported", JsonDocument.Parse(json.Stdout).RootElement.GetProperty("error").GetString());
        AssertUnchanged(before);
    }

    [Fact]
    [Trait("Category", "Slow")] // Argon2i at btwallet's limits: ~6 s of CPU and 512 MiB per run
    public void Encrypted_coldkey_signs_with_env_password_and_rejects_wrong_or_tampered()
    {
        // The published $NACL vector (old leopard mnemonic) as the coldkey: saves one 512 MiB Argon2i run over
        // encrypting here (encryption itself is covered by the Crypto tests).
        var vector = JsonDocument.Parse(File.ReadAllText(TaoSharp.TestKit.SharedFiles.Vectors("keys", "keyfile_nacl.json"))).RootElement;
        var coldkeyPath = Path.Combine(Wallets, "enc", "coldkey");
        Directory.CreateDirectory(Path.GetDirectoryName(coldkeyPath)!);
        File.WriteAllBytes(coldkeyPath, Convert.FromHexString(vector.GetProperty("keyfile_bytes_hex").GetString()!));
        var good = PasswordEnv(coldkeyPath, vector.GetProperty("password").GetString()!);
        // The signer is whatever key the vector's plaintext holds (the old leopard key today).
        string vectorAddress = JsonDocument.Parse(vector.GetProperty("plaintext_utf8").GetString()!).RootElement.GetProperty("ss58Address").GetString()!;

        var sign = Tao(good, "wallet", "sign", "-p", Wallets, "--name", "enc", "--message", "hello", "--json-output");
        Assert.Equal(0, sign.ExitCode);
        var signed = JsonDocument.Parse(sign.Stdout).RootElement;
        Assert.Equal(vectorAddress, signed.GetProperty("signer_address").GetString());
        var signature = signed.GetProperty("signed_message").GetString()!;
        Assert.Equal(128, signature.Length);

        var verify = Tao("wallet", "verify", "-m", "hello", "-s", signature, "-a", vectorAddress);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("Signature is valid!", verify.Stdout);
        var invalid = Tao("wallet", "verify", "-m", "hello!", "-s", signature, "-a", vectorAddress, "--json-output");
        Assert.Equal(1, invalid.ExitCode);
        Assert.False(JsonDocument.Parse(invalid.Stdout).RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal(2, Tao("wallet", "verify", "-m", "hello", "-s", "zz", "-a", vectorAddress).ExitCode);

        var before = Files();
        var wrong = Tao(PasswordEnv(coldkeyPath, "wrong password"), "wallet", "sign", "-p", Wallets, "--name", "enc", "--message", "hello", "--no-prompt");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("password is wrong", wrong.Stderr);
        AssertUnchanged(before);

        var bytes = File.ReadAllBytes(coldkeyPath);
        File.WriteAllBytes(coldkeyPath, bytes[..40]);
        var truncated = Tao(good, "wallet", "sign", "-p", Wallets, "--name", "enc", "--message", "hello", "--no-prompt");
        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains("truncated", truncated.Stderr);
    }

    [Fact]
    [Trait("Category", "Slow")] // Argon2i at btwallet's limits: ~6 s of CPU and 512 MiB per run
    public void Regen_with_env_password_writes_an_encrypted_coldkey_and_plain_pub_file()
    {
        var coldkeyPath = Path.Combine(Wallets, "enc2", "coldkey");
        var r = Tao(PasswordEnv(coldkeyPath, "correct horse battery"),
            "wallet", "regen-coldkey", "-p", Wallets, "--name", "enc2", "--mnemonic", OldLeopard, "--no-prompt");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("$NACL", File.ReadAllText(coldkeyPath, Encoding.Latin1));
        Assert.Equal(OldLeopardAddress,
            JsonDocument.Parse(File.ReadAllText(Path.Combine(Wallets, "enc2", "coldkeypub.txt"))).RootElement.GetProperty("ss58Address").GetString());
    }

    [Fact]
    public void Tampered_plaintext_keyfile_gets_a_clear_error()
    {
        Assert.Equal(0, Tao("wallet", "new-hotkey", "-p", Wallets, "--name", "t", "-H", "hk", "--no-prompt").ExitCode);
        var hotkey = Path.Combine(Wallets, "t", "hotkeys", "hk");
        File.WriteAllText(hotkey, File.ReadAllText(hotkey)[..30]);
        var r = Tao("wallet", "sign", "-p", Wallets, "--name", "t", "-H", "hk", "--use-hotkey", "--message", "x", "--no-prompt");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("corrupt", r.Stderr);
    }

    [Fact]
    public void List_json_shows_wallets_and_hotkeys()
    {
        Assert.Equal(0, Tao("wallet", "regen-coldkeypub", "-p", Wallets, "--name", "watch", "--ss58", OldLeopardAddress, "--no-prompt").ExitCode);
        Assert.Equal(0, Tao("wallet", "new-hotkey", "-p", Wallets, "--name", "watch", "-H", "miner", "--uri", "bob", "--no-prompt").ExitCode);
        var r = Tao("wallet", "list", "-p", Wallets, "--json-output");
        Assert.Equal(0, r.ExitCode);
        var wallet = Assert.Single(JsonDocument.Parse(r.Stdout).RootElement.GetProperty("wallets").EnumerateArray());
        Assert.Equal("watch", wallet.GetProperty("name").GetString());
        Assert.Equal(OldLeopardAddress, wallet.GetProperty("ss58_address").GetString());
        var hotkey = Assert.Single(wallet.GetProperty("hotkeys").EnumerateArray());
        Assert.Equal("miner", hotkey.GetProperty("name").GetString());
        Assert.Equal("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", hotkey.GetProperty("ss58_address").GetString());

        var text = Tao("wallet", "list", "-p", Wallets);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains(OldLeopardAddress, text.Stdout);
    }
}
