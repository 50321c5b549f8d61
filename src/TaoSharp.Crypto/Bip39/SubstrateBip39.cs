using System.Security.Cryptography;
using System.Text;

namespace TaoSharp.Crypto.Bip39;

/// <summary>
/// Substrate's mnemonic-to-seed rule (substrate-bip39, spec-client §1.4). Unlike standard BIP39 the PBKDF2
/// password is the decoded ENTROPY, not the phrase text, so the same words give different keys than in Bitcoin wallets.
/// </summary>
public static class SubstrateBip39
{
    private const int Rounds = 2048;

    /// <summary>PBKDF2-HMAC-SHA512(entropy, "mnemonic" + password, 2048) → 64 bytes.</summary>
    public static byte[] Seed64FromEntropy(ReadOnlySpan<byte> entropy, string password = "")
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
            throw new MnemonicException($"entropy must be 16, 20, 24, 28 or 32 bytes, got {entropy.Length}");
        var salt = Encoding.UTF8.GetBytes("mnemonic" + password);
        return Rfc2898DeriveBytes.Pbkdf2(entropy, salt, Rounds, HashAlgorithmName.SHA512, 64);
    }

    /// <summary>The 32-byte mini secret (first half of the 64-byte seed) that sr25519 and ed25519 keys are made from.</summary>
    public static byte[] MiniSecretFromEntropy(ReadOnlySpan<byte> entropy, string password = "") =>
        Seed64FromEntropy(entropy, password)[..32];

    public static byte[] MiniSecret(Mnemonic mnemonic, string password = "") =>
        MiniSecretFromEntropy(mnemonic.Entropy, password);
}
