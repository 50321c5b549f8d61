using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class DevAccountTests
{
    public static TheoryData<string> DevUris()
    {
        var data = new TheoryData<string>();
        foreach (var v in Keys("dev_accounts.json").GetProperty("uris").EnumerateArray()) data.Add(v.Str("uri"));
        return data;
    }

    [Theory]
    [MemberData(nameof(DevUris))]
    public void Dev_uris_match_vectors(string uri)
    {
        var v = Keys("dev_accounts.json").GetProperty("uris").EnumerateArray().Single(x => x.Str("uri") == uri);
        using var key = SecretUriResolver.Resolve(uri);
        Assert.Equal(v.Hex("public_key"), key.PublicKey);
        Assert.Equal(v.Str("ss58_42"), Ss58Address.Encode(key.PublicKey));
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
        Assert.Equal(v.Str("ss58_42"), Ss58Address.Encode(key.PublicKey));
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
