using System.Text.Json;

namespace TaoSharp.Cli.Tests;

public class KeysCommandTests
{
    private const string AliceAddress = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private const string AlicePublic = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    private const string OldLeopard = "old leopard transfer rib spatial phone calm indicate online fire caution review";

    private static JsonElement KeysFile(string file) =>
        JsonDocument.Parse(File.ReadAllText(TaoSharp.TestKit.SharedFiles.Vectors("keys", file))).RootElement;

    /// <summary>A positive verify vector with a non-empty text message signed by //Alice (the file's first such entry, wherever it sits).</summary>
    private static JsonElement VerifyVector() =>
        KeysFile("sr25519_verify.json").GetProperty("positive").EnumerateArray()
            .First(v => v.TryGetProperty("signer_uri", out var uri) && uri.GetString() == "//Alice" && v.GetProperty("message_utf8").GetString()!.Length > 0);

    public static TheoryData<int, string> PositiveVectors() => Entries("sr25519_verify.json", "positive", "name");

    /// <summary>Every positive vector through `tao keys verify` (message as hex, signer by public key): each valid signature and the wrapped one.</summary>
    [Theory]
    [MemberData(nameof(PositiveVectors))]
    public void Verify_accepts_every_vector_signature(int index, string name)
    {
        var v = KeysFile("sr25519_verify.json").GetProperty("positive")[index];
        string messageHex = v.GetProperty("message_hex").GetString()!;
        var signatures = v.GetProperty("valid_signatures").EnumerateArray().Select(s => s.GetString()!).ToList();
        if (v.TryGetProperty("signature_over_bytes_wrapped_message", out var wrapped)) signatures.Add(wrapped.GetString()!);
        foreach (string signature in signatures)
        {
            // An empty message cannot be passed as an option value, so it is checked through the library tests only.
            if (messageHex is "0x" or "") break;
            var r = KeysCliRunner.Run("keys", "verify", "--hex", "--message", messageHex, "--signature", signature,
                "--public-key", v.GetProperty("public_key").GetString()!);
            Assert.True((0, "valid") == (r.ExitCode, r.Stdout.Trim()), $"{name}: {signature} -> {r.ExitCode} {r.Stdout}{r.Stderr}");
        }
    }

    public static TheoryData<int, string> DerivationVectors() => Entries("derivation_paths.json", "vectors", "uri");

    /// <summary>Every derivation-path vector through `tao keys inspect`, with the entry's key scheme (default sr25519) and each SS58 prefix it states.</summary>
    [Theory]
    [MemberData(nameof(DerivationVectors))]
    public void Inspect_matches_every_derivation_vector(int index, string uri)
    {
        var file = KeysFile("derivation_paths.json");
        var v = file.GetProperty("vectors")[index];
        if (!v.TryGetProperty("public_key", out var expected)) return; // an expected-refusal entry: the Crypto tests cover it
        string scheme = "sr25519";
        foreach (var holder in new[] { v, file })
            foreach (var field in new[] { "scheme", "crypto", "key_type" })
                if (scheme == "sr25519" && holder.TryGetProperty(field, out var stated) && stated.ValueKind == JsonValueKind.String)
                    scheme = stated.GetString()!.ToLowerInvariant();

        var prefixes = v.EnumerateObject()
            .Where(p => p.Name.StartsWith("ss58_", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String
                        && ushort.TryParse(p.Name["ss58_".Length..], out _))
            .Select(p => (Prefix: p.Name["ss58_".Length..], Address: p.Value.GetString()!))
            .DefaultIfEmpty((Prefix: "42", Address: ""))
            .ToList();
        foreach (var (prefix, address) in prefixes)
        {
            var r = KeysCliRunner.Run("keys", "inspect", uri, "--scheme", scheme, "--network", prefix, "--output-type", "json");
            string context = $"derivation_paths[{index}] {scheme} {uri} prefix {prefix}";
            Assert.True(r.ExitCode == 0, $"{context}: exit {r.ExitCode} {r.Stderr}");
            var json = JsonDocument.Parse(r.Stdout).RootElement;
            Assert.True(expected.GetString() == json.GetProperty("publicKey").GetString(), $"{context}: publicKey");
            if (address.Length > 0) Assert.True(address == json.GetProperty("ss58Address").GetString(), $"{context}: ss58Address");
        }
    }

    private static TheoryData<int, string> Entries(string file, string array, string labelField)
    {
        var data = new TheoryData<int, string>();
        int i = 0;
        foreach (var v in KeysFile(file).GetProperty(array).EnumerateArray())
        {
            data.Add(i, v.TryGetProperty(labelField, out var label) ? label.GetString()! : $"{array}[{i}]");
            i++;
        }

        return data;
    }

    [Fact]
    public void Inspect_alice_json_has_subkey_fields()
    {
        var r = KeysCliRunner.Run("keys", "inspect", "//Alice", "--output-type", "json");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(AlicePublic, json.GetProperty("publicKey").GetString());
        Assert.Equal(AlicePublic, json.GetProperty("accountId").GetString());
        Assert.Equal(AliceAddress, json.GetProperty("ss58Address").GetString());
        Assert.Equal("//Alice", json.GetProperty("secretPhrase").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("secretSeed").ValueKind); // derived: the seed is not the root's
    }

    [Fact]
    public void Inspect_mnemonic_shows_seed_and_btwallet_address()
    {
        var r = KeysCliRunner.Run("keys", "inspect", OldLeopard, "--output-type", "json");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("0xda3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143", json.GetProperty("secretSeed").GetString());
        Assert.Equal("5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX", json.GetProperty("ss58Address").GetString());
    }

    [Fact]
    public void Inspect_text_output_and_public_address()
    {
        var text = KeysCliRunner.Run("keys", "inspect", "//Bob");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("SS58 Address:        5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", text.Stdout);

        var pub = KeysCliRunner.Run("keys", "inspect", AliceAddress, "--output-type", "json");
        Assert.Equal(0, pub.ExitCode);
        var json = JsonDocument.Parse(pub.Stdout).RootElement;
        Assert.Equal(AlicePublic, json.GetProperty("publicKey").GetString());
        Assert.False(json.TryGetProperty("secretPhrase", out _));
    }

    [Fact]
    public void Inspect_ed25519_scheme()
    {
        var r = KeysCliRunner.Run("keys", "inspect", "//Alice", "--scheme", "ed25519", "--output-type", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
            JsonDocument.Parse(r.Stdout).RootElement.GetProperty("publicKey").GetString());
    }

    [Theory]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit fit", "checksum")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit bitcoin", "bitcoin")]
    [InlineData("0x1234", "64 hex digits")]
    public void Inspect_bad_secret_exits_2_with_a_clear_message(string uri, string fragment)
    {
        var r = KeysCliRunner.Run("keys", "inspect", uri, "--output-type", "json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(fragment, r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Verify_valid_wrapped_and_invalid_signatures()
    {
        var v = VerifyVector();
        var message = v.GetProperty("message_utf8").GetString()!;
        var signature = v.GetProperty("valid_signatures")[0].GetString()!;

        var valid = KeysCliRunner.Run("keys", "verify", "--scheme", "sr25519", "--message", message, "--signature", signature, "--address", AliceAddress);
        Assert.Equal((0, "valid"), (valid.ExitCode, valid.Stdout.Trim()));

        var wrapped = KeysCliRunner.Run("keys", "verify", "--message", message,
            "--signature", v.GetProperty("signature_over_bytes_wrapped_message").GetString()!, "--address", AliceAddress);
        Assert.Equal((0, "valid"), (wrapped.ExitCode, wrapped.Stdout.Trim()));

        var wrongMessage = KeysCliRunner.Run("keys", "verify", "--message", message + "!", "--signature", signature, "--address", AliceAddress);
        Assert.Equal((1, "invalid"), (wrongMessage.ExitCode, wrongMessage.Stdout.Trim()));

        var wrongSigner = KeysCliRunner.Run("keys", "verify", "--message", message, "--signature", signature,
            "--address", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
        Assert.Equal((1, "invalid"), (wrongSigner.ExitCode, wrongSigner.Stdout.Trim()));
    }

    [Theory]
    [InlineData("--signature", "0xnothex", "--address", AliceAddress, "--signature")]
    [InlineData("--signature", "0x1234", "--address", AliceAddress, "--signature")]
    [InlineData("--signature", "0x00", "--address", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQR", "--signature")]
    [InlineData("--signature", "0xd40db1fde1d9155fc29066251524f9a118b561e91ec1b14d4b43d8dab9d6157cd539defb14dd5438aafc0e50c7a64f10b9b676bd12bf3b08da7442923f2d5c8e",
        "--address", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQR", "checksum")]
    [InlineData("--signature", "0xd40db1fde1d9155fc29066251524f9a118b561e91ec1b14d4b43d8dab9d6157cd539defb14dd5438aafc0e50c7a64f10b9b676bd12bf3b08da7442923f2d5c8e",
        "--address", "not-an-address", "SS58")]
    public void Verify_malformed_input_exits_2(string o1, string v1, string o2, string v2, string fragment)
    {
        var r = KeysCliRunner.Run("keys", "verify", "--message", "hello bittensor", o1, v1, o2, v2);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(fragment, r.Stderr);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, KeysCliRunner.Run("keys", "verify", "--message", "x", "--bogus-option").ExitCode);
        Assert.Equal(2, KeysCliRunner.Run("keys", "verify", "--message", "x", "--address", AliceAddress).ExitCode); // no signature
        Assert.Equal(2, KeysCliRunner.Run("keys", "inspect", "//Alice", "--scheme", "ecdsa").ExitCode);
    }

    [Fact]
    public void Sign_then_verify_round_trip_for_both_schemes()
    {
        foreach (var scheme in new[] { "sr25519", "ed25519" })
        {
            var sign = KeysCliRunner.Run("keys", "sign", "--suri", "//Charlie", "--message", "round trip", "--scheme", scheme);
            Assert.Equal(0, sign.ExitCode);
            var address = JsonDocument.Parse(KeysCliRunner.Run("keys", "inspect", "//Charlie", "--scheme", scheme, "--output-type", "json").Stdout)
                .RootElement.GetProperty("ss58Address").GetString()!;
            var verify = KeysCliRunner.Run("keys", "verify", "--scheme", scheme, "--message", "round trip", "--signature", sign.Stdout.Trim(), "--address", address);
            Assert.Equal((0, "valid"), (verify.ExitCode, verify.Stdout.Trim()));
        }
    }

    [Fact]
    public void Generate_json_gives_a_mnemonic_that_inspects_to_the_same_account()
    {
        var r = KeysCliRunner.Run("keys", "generate", "--words", "24", "--output-type", "json");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        var phrase = json.GetProperty("secretPhrase").GetString()!;
        Assert.Equal(24, phrase.Split(' ').Length);
        var again = JsonDocument.Parse(KeysCliRunner.Run("keys", "inspect", phrase, "--output-type", "json").Stdout).RootElement;
        Assert.Equal(json.GetProperty("ss58Address").GetString(), again.GetProperty("ss58Address").GetString());
        Assert.Equal(2, KeysCliRunner.Run("keys", "generate", "--words", "13").ExitCode);
    }
}
