using System.Security.Cryptography;
using System.Text;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// Reads keyfiles encrypted by bittensor ≤ 3.x: a Fernet token whose key is base64url(PBKDF2-HMAC-SHA256(password,
/// fixed salt, 10 000 000 iterations, 32 bytes)) (spec-client §2.3). btwallet 4's own reader for this is broken (it makes a
/// random key); this is the algorithm old Python used. Read only. Expect several seconds per unlock.
/// </summary>
public static class LegacyFernet
{
    private const int Iterations = 10_000_000;
    private static ReadOnlySpan<byte> Salt => "Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins"u8;

    /// <summary>The 32-byte Fernet key (signing key ‖ encryption key) for a password.</summary>
    public static byte[] DeriveKey(string password) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Salt, Iterations, HashAlgorithmName.SHA256, 32);

    public static byte[] Decrypt(ReadOnlySpan<byte> file, string password) => Decrypt(file, DeriveKey(password), true);

    /// <summary>Decrypts a token with a raw 32-byte Fernet key (tests use this to skip the slow derivation).</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, ReadOnlySpan<byte> key, bool keyFromPassword = false)
    {
        var token = DecodeBase64Url(Encoding.ASCII.GetString(file).Trim());
        // version(1) ‖ timestamp(8) ‖ iv(16) ‖ ciphertext(16k) ‖ hmac(32)
        if (token.Length < 1 + 8 + 16 + 16 + 32 || (token.Length - 57) % 16 != 0 || token[0] != 0x80)
            throw new KeyfileFormatException("Fernet keyfile is truncated or not a Fernet token");
        var signed = token.AsSpan(0, token.Length - 32);
        var mac = token.AsSpan(token.Length - 32);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key[..16], signed), mac))
            throw keyFromPassword
                ? new KeyfilePasswordException("the password is wrong for this Fernet (legacy) keyfile")
                : new KeyfileFormatException("Fernet token signature does not verify");

        using var aes = Aes.Create();
        aes.Key = key[16..32].ToArray();
        try
        {
            return aes.DecryptCbc(token.AsSpan(25, token.Length - 57), token.AsSpan(9, 16), PaddingMode.PKCS7);
        }
        catch (CryptographicException e)
        {
            throw new KeyfileFormatException("Fernet plaintext has invalid padding", e);
        }
    }

    private static byte[] DecodeBase64Url(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            throw new KeyfileFormatException("Fernet keyfile is not valid base64url");
        }
    }
}
