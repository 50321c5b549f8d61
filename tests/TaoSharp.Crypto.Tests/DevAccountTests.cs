using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class DevAccountTests
{
    public static TheoryData<int, string> DevUris() => KeyVectors.Entries("dev_accounts.json", "uris", "uri");

    [Theory]
    [MemberData(nameof(DevUris))]
    public void Dev_uris_match_vectors(int index, string uri)
    {
        var file = Keys("dev_accounts.json");
        var v = file.GetProperty("uris")[index];
        var scheme = KeyVectors.SchemeOf(v, file);
        using var key = SecretUriResolver.Resolve(uri, scheme);
        Assert.True(v.Str("public_key") == "0x" + Convert.ToHexStringLower(key.PublicKey), $"dev_accounts uris[{index}] {scheme} {uri}: public key");
        KeyVectors.AssertAddresses(v, file, key.PublicKey, $"dev_accounts uris[{index}] {uri}");
    }

    [Fact]
    public void Dev_phrase_root_matches_vector()
    {
        var v = Keys("dev_accounts.json").GetProperty("dev_phrase");
        Assert.Equal(DevAccounts.DevPhrase, v.Str("mnemonic"));
        var m = Mnemonic.Parse(DevAccounts.DevPhrase);
        Assert.Equal(v.Hex("entropy"), m.EntropyBytes());
        Assert.Equal(v.Hex("mini_secret"), SubstrateBip39.MiniSecret(m));
        using var key = SecretUriResolver.Resolve(DevAccounts.DevPhrase);
        Assert.Equal(v.Hex("public_key"), key.PublicKey);
        KeyVectors.AssertAddresses(v, Keys("dev_accounts.json"), key.PublicKey, "dev_phrase");
        Assert.Equal(v.Hex("private_key_btwallet_schnorrkel_form"), ((Sr25519KeyPair)key.Pair).ToSecretKeyBytes());
    }

    [Theory]
    [InlineData("alice", "//Alice")]
    [InlineData("/BOB", "//Bob")]
    [InlineData("ferdie", "//Ferdie")]
    [InlineData("node1", "//Node1")]
    public void Btcli_uri_names_are_capitalized(string name, string uri) => Assert.Equal(uri, DevAccounts.BtcliUri(name));

    [Theory]
    [InlineData("")]
    [InlineData("al ice")]
    [InlineData("alice//stash")]
    public void Btcli_uri_rejects_non_alphanumeric_names(string name) =>
        Assert.Throws<SecretUriException>(() => DevAccounts.BtcliUri(name));
}
