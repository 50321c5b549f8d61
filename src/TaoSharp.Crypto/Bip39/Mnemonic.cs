using System.Security.Cryptography;

namespace TaoSharp.Crypto.Bip39;

/// <summary>
/// A validated BIP39 English mnemonic and the entropy it encodes (spec-client §1.3).
/// 11 bits per word; the last ENT/32 bits are the first bits of SHA-256(entropy).
/// </summary>
public sealed class Mnemonic
{
    /// <summary>Word counts btcli offers and substrate-bip39 accepts (128..256 bits of entropy).</summary>
    public static IReadOnlyList<int> AllowedWordCounts { get; } = [12, 15, 18, 21, 24];

    private readonly byte[] _entropy;

    private Mnemonic(string phrase, byte[] entropy)
    {
        Phrase = phrase;
        _entropy = entropy;
    }

    /// <summary>The normalized phrase: lower-case words separated by single spaces.</summary>
    public string Phrase { get; }

    public int WordCount => _entropy.Length * 3 / 4;

    public ReadOnlySpan<byte> Entropy => _entropy;

    public byte[] EntropyBytes() => (byte[])_entropy.Clone();

    public override string ToString() => Phrase;

    /// <summary>A fresh mnemonic from the OS CSPRNG.</summary>
    public static Mnemonic Generate(int wordCount = 12)
    {
        if (!AllowedWordCounts.Contains(wordCount))
            throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "a mnemonic has 12, 15, 18, 21 or 24 words");
        return FromEntropy(RandomNumberGenerator.GetBytes(wordCount * 4 / 3));
    }

    /// <summary>Encodes 16/20/24/28/32 bytes of entropy as words.</summary>
    public static Mnemonic FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
            throw new MnemonicException($"entropy must be 16, 20, 24, 28 or 32 bytes, got {entropy.Length}");
        int checksumBits = entropy.Length / 4;
        int wordCount = (entropy.Length * 8 + checksumBits) / 11;
        var bits = new byte[entropy.Length + 1];
        entropy.CopyTo(bits);
        bits[^1] = SHA256.HashData(entropy)[0];
        var words = new string[wordCount];
        for (int w = 0; w < wordCount; w++)
            words[w] = Bip39Wordlist.English[ReadBits(bits, w * 11, 11)];
        return new Mnemonic(string.Join(' ', words), entropy.ToArray());
    }

    /// <summary>Parses and validates a phrase (word list membership, length, checksum). Case and extra whitespace are ignored.</summary>
    public static Mnemonic Parse(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!AllowedWordCounts.Contains(words.Length))
            throw new MnemonicException($"a mnemonic has 12, 15, 18, 21 or 24 words, got {words.Length}");

        var indices = new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = words[i].ToLowerInvariant();
            indices[i] = Bip39Wordlist.English.IndexOf(words[i]);
            if (indices[i] < 0)
                throw new MnemonicException($"word {i + 1} ('{Truncate(words[i])}') is not in the BIP39 English word list");
        }

        int totalBits = words.Length * 11;
        int checksumBits = totalBits / 33;
        int entropyBytes = (totalBits - checksumBits) / 8;
        var bits = new byte[(totalBits + 7) / 8];
        for (int i = 0; i < indices.Length; i++)
            WriteBits(bits, i * 11, 11, indices[i]);

        var entropy = bits.AsSpan(0, entropyBytes).ToArray();
        int expected = SHA256.HashData(entropy)[0] >> (8 - checksumBits);
        int actual = ReadBits(bits, entropyBytes * 8, checksumBits);
        if (expected != actual)
            throw new MnemonicException("mnemonic checksum is invalid (a word is wrong or the words are out of order)");
        return new Mnemonic(string.Join(' ', words), entropy);
    }

    public static bool TryParse(string phrase, out Mnemonic? mnemonic, out string? error)
    {
        try
        {
            mnemonic = Parse(phrase);
            error = null;
            return true;
        }
        catch (MnemonicException e)
        {
            mnemonic = null;
            error = e.Message;
            return false;
        }
    }

    private static string Truncate(string word) => word.Length <= 20 ? word : word[..20] + "…";

    private static int ReadBits(byte[] data, int bitOffset, int count)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            int bit = bitOffset + i;
            value = (value << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void WriteBits(byte[] data, int bitOffset, int count, int value)
    {
        for (int i = 0; i < count; i++)
        {
            int bit = bitOffset + i;
            if (((value >> (count - 1 - i)) & 1) != 0)
                data[bit >> 3] |= (byte)(0x80 >> (bit & 7));
        }
    }
}
