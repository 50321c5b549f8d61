using System.Text;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.Keyfiles;
using TaoSharp.Crypto.Wallet;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class WalletTests
{
    private const string OldLeopard = "old leopard transfer rib spatial phone calm indicate online fire caution review";

    [Fact]
    public void Mnemonic_keypair_serializes_to_the_btwallet_keyfile_vector()
    {
        using var keypair = WalletKeypair.FromMnemonic(Mnemonic.Parse(OldLeopard));
        var expected = KeyfileContent.Parse(Encoding.UTF8.GetBytes(Keys("keyfile_json.json").GetProperty("coldkey_or_hotkey_plaintext").GetRawText()));
        Assert.Equal(expected, keypair.ToKeyfileContent());
    }

    [Fact]
    public void Keyfile_load_priority_is_phrase_seed_private_key_then_address()
    {
        var full = KeyfileContent.Parse(Encoding.UTF8.GetBytes(Keys("keyfile_json.json").GetProperty("coldkey_or_hotkey_plaintext").GetRawText()));
        const string address = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";

        using var fromPhrase = WalletKeypair.FromKeyfileContent(full with { PrivateKey = null, SecretSeed = null });
        Assert.Equal(address, fromPhrase.Ss58Address);
        using var fromSeed = WalletKeypair.FromKeyfileContent(full with { SecretPhrase = null, PrivateKey = null });
        Assert.Equal(address, fromSeed.Ss58Address);
        Assert.Null(fromSeed.SecretPhrase);
        using var fromPrivate = WalletKeypair.FromKeyfileContent(full with { SecretPhrase = null, SecretSeed = null });
        Assert.Equal(address, fromPrivate.Ss58Address);
        Assert.True(fromPrivate.CanSign);
        using var fromAddress = WalletKeypair.FromKeyfileContent(full.PublicOnly());
        Assert.False(fromAddress.CanSign);
        Assert.Equal(address, fromAddress.Ss58Address);

        var e = Assert.Throws<KeyfileFormatException>(() => WalletKeypair.FromKeyfileContent(new KeyfileContent { PublicKey = full.PublicKey }));
        Assert.Contains("publicKey alone", e.Message);
    }

    [Fact]
    public void Signatures_verify_plain_and_bytes_wrapped_but_not_altered()
    {
        using var keypair = WalletKeypair.FromUri("//Alice");
        var message = "hello bittensor"u8.ToArray();
        var signature = keypair.Sign(message);
        Assert.True(keypair.Verify(message, signature));
        var wrapped = keypair.Sign([.. "<Bytes>"u8.ToArray(), .. message, .. "</Bytes>"u8.ToArray()]);
        Assert.True(keypair.Verify(message, wrapped));
        Assert.False(keypair.Verify("hello bittensor!"u8, signature));
        using var pub = WalletKeypair.FromSs58(keypair.Ss58Address);
        Assert.True(pub.Verify(message, signature));
        Assert.Throws<WalletException>(() => pub.Sign(message));
    }

    [Fact]
    public void Vector_signatures_verify_with_the_bittensor_rule()
    {
        var file = Keys("sr25519_verify.json");
        foreach (var v in file.GetProperty("positive").EnumerateArray())
        {
            var pub = v.Hex("public_key");
            var message = v.Hex("message_hex");
            foreach (var sig in v.GetProperty("valid_signatures").EnumerateArray())
                Assert.True(MessageVerifier.Verify(KeyScheme.Sr25519, pub, message, Convert.FromHexString(sig.GetString()![2..])), $"{v.GetProperty("name")}: {sig}");
            // Signed over <Bytes>message</Bytes>: only the Bittensor rule accepts it.
            if (!v.TryGetProperty("signature_over_bytes_wrapped_message", out _)) continue;
            var wrapped = v.Hex("signature_over_bytes_wrapped_message");
            Assert.False(Signatures.Verify(KeyScheme.Sr25519, pub, message, wrapped));
            Assert.True(MessageVerifier.Verify(KeyScheme.Sr25519, pub, message, wrapped));
            Assert.False(MessageVerifier.Verify(KeyScheme.Sr25519, pub, [.. message, 0x00], wrapped));
        }
        foreach (var v in file.GetProperty("negative").EnumerateArray())
            Assert.False(MessageVerifier.Verify(KeyScheme.Sr25519, v.Hex("public_key"),
                v.TryGetProperty("message_hex", out _) ? v.Hex("message_hex") : Encoding.UTF8.GetBytes(v.Str("message_utf8")), v.Hex("signature")), v.Str("name"));
    }

    [Fact]
    public void Creates_a_plaintext_wallet_in_btwallet_layout_and_refuses_to_overwrite()
    {
        using var dir = new TempDir();
        var wallet = new TaoWallet("w1", dir.Path, "hk");
        using var cold = WalletKeypair.FromMnemonic(Mnemonic.Parse(OldLeopard));
        using var hot = WalletKeypair.FromUri("//Bob");
        wallet.WriteColdkey(cold, password: null, overwrite: false);
        wallet.WriteHotkey(hot, password: null, overwrite: false);

        Assert.True(File.Exists(Path.Combine(dir.Path, "w1", "coldkey")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "w1", "coldkeypub.txt")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "w1", "hotkeys", "hk")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "w1", "hotkeys", "hkpub.txt")));
        using (var loaded = wallet.LoadColdkeyPub()) Assert.Equal("5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX", loaded.Ss58Address);
        using (var loaded = wallet.LoadHotkey(null)) Assert.Equal("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", loaded.Ss58Address);

        var before = Snapshot(dir.Path);
        using var other = WalletKeypair.FromUri("//Charlie");
        Assert.Throws<KeyfileExistsException>(() => wallet.WriteColdkey(other, null, overwrite: false));
        Assert.Throws<KeyfileExistsException>(() => wallet.WriteHotkey(other, null, overwrite: false));
        Assert.Throws<KeyfileExistsException>(() => wallet.WriteColdkeyPub(other, overwrite: false));
        AssertSameFiles(before, Snapshot(dir.Path));

        var listing = WalletListing.List(dir.Path);
        var entry = Assert.Single(listing);
        Assert.Equal("w1", entry.Name);
        Assert.Equal("5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX", entry.ColdkeySs58Address);
        Assert.Equal([new HotkeyEntry("hk", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty")], entry.Hotkeys);
    }

    [Fact]
    [Trait("Category", "Slow")] // Argon2i at btwallet's limits: ~6 s of CPU and 512 MiB per run
    public void Encrypted_coldkey_round_trips()
    {
        using var dir = new TempDir();
        var wallet = new TaoWallet("enc", dir.Path, "default");
        using var cold = WalletKeypair.FromMnemonic(Mnemonic.Parse(OldLeopard));
        wallet.WriteColdkey(cold, password: "correct horse battery", overwrite: false);
        Assert.Equal(KeyfileEncoding.Nacl, wallet.Coldkey.Encoding());
        Assert.Equal(KeyfileEncoding.Plaintext, wallet.ColdkeyPub.Encoding());

        // (A wrong password is covered by KeyfileTests and the CLI tests; each Argon2i run costs seconds.)
        using var loaded = wallet.LoadColdkey(new FixedPasswordProvider("correct horse battery"));
        Assert.Equal(OldLeopard, loaded.SecretPhrase);
    }

    [Fact]
    public void Listing_shows_pub_only_hotkeys_and_skips_unreadable_files()
    {
        using var dir = new TempDir();
        var hotkeys = Directory.CreateDirectory(Path.Combine(dir.Path, "w", "hotkeys")).FullName;
        File.WriteAllText(Path.Combine(hotkeys, "watchpub.txt"), "{\"ss58Address\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\"}");
        File.WriteAllText(Path.Combine(hotkeys, "broken"), "garbage");
        File.WriteAllText(Path.Combine(dir.Path, "w", "coldkeypub.txt"), "{\"ss58Address\":\"not an address\"}");
        var entry = Assert.Single(WalletListing.List(dir.Path));
        Assert.Null(entry.ColdkeySs58Address);
        Assert.Equal([new HotkeyEntry("broken", null), new HotkeyEntry("watch", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty")], entry.Hotkeys);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Wallet_and_hotkey_names_cannot_escape_the_folder(string name)
    {
        Assert.Throws<WalletException>(() => new TaoWallet(name, "/tmp", "default"));
        Assert.Throws<WalletException>(() => new TaoWallet("default", "/tmp", name));
    }
}
