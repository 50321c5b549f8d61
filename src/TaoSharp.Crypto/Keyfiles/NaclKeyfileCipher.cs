using System.Security.Cryptography;
using System.Text;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// btwallet's current keyfile encryption (spec-client §2.3): <c>"$NACL" ‖ nonce(24) ‖ secretbox(plaintext)</c>, with the key
/// derived by Argon2i v1.3 (t = 8, m = 512 MiB, p = 1) from the UTF-8 password and a fixed salt shared by every wallet.
/// </summary>
public static class NaclKeyfileCipher
{
    public static ReadOnlySpan<byte> Prefix => "$NACL"u8;

    /// <summary>btwallet's global salt (NACL_SALT); fixed, so the same password gives the same key for every wallet.</summary>
    public static ReadOnlySpan<byte> Salt => [0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1];

    /// <summary>crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE.</summary>
    public const ulong OpsLimit = 8;

    /// <summary>crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE (512 MiB): each unlock needs this much RAM for a second or more.</summary>
    public const ulong MemLimit = 536_870_912;

    private const int NonceLength = SodiumInterop.SecretboxNonceBytes;
    private const int MinimumLength = 5 + NonceLength + SodiumInterop.SecretboxMacBytes;

    public static bool HasPrefix(ReadOnlySpan<byte> data) => data.StartsWith(Prefix);

    /// <summary>The 32-byte secretbox key for a password (slow by design).</summary>
    public static byte[] DeriveKey(string password)
    {
        var key = new byte[SodiumInterop.SecretboxKeyBytes];
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            if (!SodiumInterop.PwhashArgon2I(key, passwordBytes, Salt, OpsLimit, (nuint)MemLimit))
                throw new KeyfileException("Argon2i key derivation failed (it needs 512 MiB of free memory)");
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>Encrypts with a fresh random nonce.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, string password) =>
        Encrypt(plaintext, DeriveKey(password), RandomNumberGenerator.GetBytes(NonceLength));

    /// <summary>Encrypts with a given key and nonce (tests reproduce the published vector with this).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce)
    {
        var box = SodiumInterop.SecretboxSeal(plaintext, nonce, key);
        var file = new byte[Prefix.Length + NonceLength + box.Length];
        Prefix.CopyTo(file);
        nonce.CopyTo(file.AsSpan(Prefix.Length));
        box.CopyTo(file, Prefix.Length + NonceLength);
        return file;
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> file, string password)
    {
        CheckShape(file);
        return Decrypt(file, DeriveKey(password));
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> file, ReadOnlySpan<byte> key)
    {
        CheckShape(file);
        var nonce = file.Slice(Prefix.Length, NonceLength);
        return SodiumInterop.SecretboxOpen(file[(Prefix.Length + NonceLength)..], nonce, key)
            ?? throw new KeyfilePasswordException("the password is wrong (or the encrypted keyfile was altered): decryption failed");
    }

    private static void CheckShape(ReadOnlySpan<byte> file)
    {
        if (!HasPrefix(file))
            throw new KeyfileFormatException("not a $NACL keyfile");
        if (file.Length < MinimumLength)
            throw new KeyfileFormatException($"$NACL keyfile is truncated ({file.Length} bytes, at least {MinimumLength} needed)");
    }
}
