using CsCheck;
using System.Security.Cryptography;
using System.Text;
using TaoSharp.Crypto.Bip39;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class Bip39Tests
{
    [Fact]
    public void Embedded_word_list_is_the_standard_english_list()
    {
        var text = string.Join('\n', Bip39Wordlist.English.Words) + "\n";
        Assert.Equal("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.Equal("abandon", Bip39Wordlist.English[0]);
        Assert.Equal("zoo", Bip39Wordlist.English[2047]);
        Assert.Equal(-1, Bip39Wordlist.English.IndexOf("bitcoin"));
    }

    private static readonly string[] MnemonicArrays = ["btwallet_vectors", "substrate_bip39_vectors"];

    /// <summary>(array, index, phrase) of every mnemonic vector: by position, since one phrase may appear with several passwords.</summary>
    public static TheoryData<string, int, string> VectorMnemonics()
    {
        var data = new TheoryData<string, int, string>();
        var file = Keys("mnemonic_to_keypair.json");
        foreach (string array in MnemonicArrays)
        {
            if (!file.TryGetProperty(array, out var entries)) continue;
            int i = 0;
            foreach (var v in entries.EnumerateArray()) data.Add(array, i++, v.Str("mnemonic"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorMnemonics))]
    public void Phrase_decodes_to_vector_entropy_and_back(string array, int index, string phrase)
    {
        var v = Keys("mnemonic_to_keypair.json").GetProperty(array)[index];
        var mnemonic = Mnemonic.Parse(phrase);
        Assert.Equal(v.Hex("entropy"), mnemonic.EntropyBytes());
        Assert.Equal(phrase, Mnemonic.FromEntropy(mnemonic.Entropy).Phrase);
    }

    [Theory]
    [MemberData(nameof(VectorMnemonics))]
    public void Mini_secret_matches_vectors_with_and_without_password(string array, int index, string phrase)
    {
        var v = Keys("mnemonic_to_keypair.json").GetProperty(array)[index];
        var mnemonic = Mnemonic.Parse(phrase);
        var password = v.TryGetProperty("password", out var stated) ? stated.GetString() ?? "" : "";
        Assert.Equal(v.Hex("mini_secret"), SubstrateBip39.MiniSecret(mnemonic, password));
        if (v.TryGetProperty("pbkdf2_seed_64", out _))
            Assert.Equal(v.Hex("pbkdf2_seed_64"), SubstrateBip39.Seed64FromEntropy(mnemonic.Entropy, password));
        if (v.TryGetProperty("no_password", out var plain))
            Assert.Equal(plain.Hex("mini_secret"), SubstrateBip39.MiniSecret(mnemonic));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(24)]
    public void Generated_mnemonics_have_the_requested_length_and_validate(int words)
    {
        var m = Mnemonic.Generate(words);
        Assert.Equal(words, m.Phrase.Split(' ').Length);
        Assert.Equal(words, m.WordCount);
        Assert.Equal(m.EntropyBytes(), Mnemonic.Parse(m.Phrase).EntropyBytes());
    }

    [Fact]
    public void Generation_rejects_unsupported_lengths() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Mnemonic.Generate(13));

    [Theory]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit fit", "checksum")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit bitcoin", "word 12 ('bitcoin')")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit", "12, 15, 18, 21 or 24 words, got 11")]
    [InlineData("", "got 0")]
    public void Invalid_phrases_get_a_clear_error(string phrase, string expectedFragment)
    {
        var e = Assert.Throws<MnemonicException>(() => Mnemonic.Parse(phrase));
        Assert.Contains(expectedFragment, e.Message);
        Assert.False(Mnemonic.TryParse(phrase, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Case_and_extra_spaces_are_normalized()
    {
        var m = Mnemonic.Parse("  Bottom DRIVE obey lake curtain smoke basket hold race lonely fit   walk ");
        Assert.Equal("bottom drive obey lake curtain smoke basket hold race lonely fit walk", m.Phrase);
    }

    [Fact]
    public void Numbered_mnemonics_are_sorted_by_number()
    {
        var numbered = "2-drive 1-bottom 3-obey 4-lake 5-curtain 6-smoke 7-basket 8-hold 9-race 10-lonely 12-walk 11-fit";
        Assert.True(NumberedMnemonic.IsNumbered(numbered));
        Assert.Equal("bottom drive obey lake curtain smoke basket hold race lonely fit walk", NumberedMnemonic.Normalize(numbered));
        Assert.Equal("plain words", NumberedMnemonic.Normalize("plain words"));
        Assert.Throws<MnemonicException>(() => NumberedMnemonic.Normalize("1-bottom 3-drive"));
        Assert.Throws<MnemonicException>(() => NumberedMnemonic.Normalize("1-bottom 1-drive"));
    }

    [Fact]
    public void Entropy_round_trips_for_random_inputs()
    {
        Gen.Int[4, 8].SelectMany(n => Gen.Byte.Array[n * 4]).Sample(entropy =>
        {
            var m = Mnemonic.FromEntropy(entropy);
            Assert.Equal(entropy, Mnemonic.Parse(m.Phrase).EntropyBytes());
        }, iter: 200);
    }
}
