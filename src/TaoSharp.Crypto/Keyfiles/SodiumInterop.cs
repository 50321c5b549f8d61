using System.Runtime.InteropServices;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// The few libsodium calls the $NACL keyfile format needs (Argon2i key derivation and XSalsa20-Poly1305 secretbox).
/// The native library ships with the libsodium package that NSec.Cryptography depends on.
/// </summary>
internal static unsafe partial class SodiumInterop
{
    private const string Library = "libsodium";

    /// <summary>crypto_pwhash_ALG_ARGON2I13: Argon2i v1.3 (NSec only exposes Argon2id, so we call libsodium directly).</summary>
    public const int AlgArgon2I13 = 1;
    public const int SecretboxKeyBytes = 32;
    public const int SecretboxNonceBytes = 24;
    public const int SecretboxMacBytes = 16;
    public const int PwhashSaltBytes = 16;

    // sodium_init is idempotent and thread-safe; it returns 0 on first success and 1 when already initialized.
    private static readonly int InitResult = sodium_init();

    public static void EnsureInitialized()
    {
        if (InitResult < 0) throw new InvalidOperationException("libsodium failed to initialize");
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    private static partial int crypto_pwhash(byte* output, ulong outputLength, byte* password, ulong passwordLength,
        byte* salt, ulong opsLimit, nuint memLimit, int algorithm);

    [LibraryImport(Library)]
    private static partial int crypto_secretbox_easy(byte* cipher, byte* message, ulong messageLength, byte* nonce, byte* key);

    [LibraryImport(Library)]
    private static partial int crypto_secretbox_open_easy(byte* message, byte* cipher, ulong cipherLength, byte* nonce, byte* key);

    /// <summary>Argon2i13 key derivation; returns false when libsodium refuses (e.g. out of memory).</summary>
    public static bool PwhashArgon2I(Span<byte> output, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ulong opsLimit, nuint memLimit)
    {
        EnsureInitialized();
        if (salt.Length != PwhashSaltBytes) throw new ArgumentException($"salt must be {PwhashSaltBytes} bytes", nameof(salt));
        fixed (byte* o = output)
        fixed (byte* p = password)
        fixed (byte* s = salt)
            return crypto_pwhash(o, (ulong)output.Length, p, (ulong)password.Length, s, opsLimit, memLimit, AlgArgon2I13) == 0;
    }

    /// <summary>MAC(16) ‖ ciphertext, as crypto_secretbox_easy lays it out.</summary>
    public static byte[] SecretboxSeal(ReadOnlySpan<byte> message, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        EnsureInitialized();
        CheckSizes(nonce, key);
        var cipher = new byte[message.Length + SecretboxMacBytes];
        fixed (byte* c = cipher)
        fixed (byte* m = message)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
        {
            if (crypto_secretbox_easy(c, m, (ulong)message.Length, n, k) != 0)
                throw new InvalidOperationException("crypto_secretbox_easy failed");
        }
        return cipher;
    }

    /// <summary>Opens a secretbox; null when the MAC does not verify (wrong key or altered data).</summary>
    public static byte[]? SecretboxOpen(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        EnsureInitialized();
        CheckSizes(nonce, key);
        if (cipher.Length < SecretboxMacBytes) return null;
        var message = new byte[cipher.Length - SecretboxMacBytes];
        fixed (byte* m = message)
        fixed (byte* c = cipher)
        fixed (byte* n = nonce)
        fixed (byte* k = key)
            return crypto_secretbox_open_easy(m, c, (ulong)cipher.Length, n, k) == 0 ? message : null;
    }

    private static void CheckSizes(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        if (nonce.Length != SecretboxNonceBytes) throw new ArgumentException($"nonce must be {SecretboxNonceBytes} bytes", nameof(nonce));
        if (key.Length != SecretboxKeyBytes) throw new ArgumentException($"key must be {SecretboxKeyBytes} bytes", nameof(key));
    }
}
