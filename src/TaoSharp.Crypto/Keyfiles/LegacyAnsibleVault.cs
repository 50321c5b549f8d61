using System.Security.Cryptography;
using System.Text;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// Reads keyfiles encrypted by bittensor ≤ 5.x ("legacy_encrypt"): Ansible Vault 1.1 AES256. The body is hex of
/// "hex(salt)\nhex(hmac)\nhex(ciphertext)"; PBKDF2-HMAC-SHA256(password, salt, 10000, 80 bytes) gives the AES-256 key,
/// the HMAC-SHA256 key and the CTR counter; the plaintext is PKCS#7 padded. Read only: we never write this format.
/// </summary>
public static class LegacyAnsibleVault
{
    private const int Iterations = 10_000;

    public static byte[] Decrypt(ReadOnlySpan<byte> file, string password)
    {
        string text = Encoding.ASCII.GetString(file);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[0].StartsWith("$ANSIBLE_VAULT;", StringComparison.Ordinal))
            throw new KeyfileFormatException("Ansible Vault keyfile has no body");
        var header = lines[0].Split(';');
        if (header.Length < 3 || header[1] != "1.1" || header[2] != "AES256")
            throw new KeyfileFormatException($"unsupported Ansible Vault header '{lines[0]}' (only 1.1;AES256 is read)");

        var inner = Encoding.ASCII.GetString(FromHex(string.Concat(lines.Skip(1)), "body")).Split('\n');
        if (inner.Length != 3)
            throw new KeyfileFormatException("Ansible Vault body must hold salt, HMAC and ciphertext");
        var salt = FromHex(inner[0], "salt");
        var mac = FromHex(inner[1], "HMAC");
        var cipher = FromHex(inner[2], "ciphertext");
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            throw new KeyfileFormatException("Ansible Vault ciphertext length is not a positive multiple of 16");

        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 80);
        var aesKey = derived.AsSpan(0, 32);
        var hmacKey = derived.AsSpan(32, 32);
        var counter = derived.AsSpan(64, 16).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(hmacKey, cipher), mac))
            throw new KeyfilePasswordException("the password is wrong for this Ansible Vault (legacy) keyfile");

        var padded = AesCtr(aesKey, counter, cipher);
        int pad = padded[^1];
        if (pad is < 1 or > 16 || padded.AsSpan(padded.Length - pad).ContainsAnyExcept((byte)pad))
            throw new KeyfileFormatException("Ansible Vault plaintext has invalid padding");
        return padded[..^pad];
    }

    /// <summary>AES-CTR with a 128-bit big-endian counter (what Python's Crypto.Util.Counter gives Ansible).</summary>
    private static byte[] AesCtr(ReadOnlySpan<byte> key, byte[] counter, ReadOnlySpan<byte> input)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var output = new byte[input.Length];
        var keystream = new byte[16];
        for (int offset = 0; offset < input.Length; offset += 16)
        {
            aes.EncryptEcb(counter, keystream, PaddingMode.None);
            int n = System.Math.Min(16, input.Length - offset);
            for (int i = 0; i < n; i++) output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            for (int i = 15; i >= 0 && ++counter[i] == 0; i--) { }
        }
        return output;
    }

    private static byte[] FromHex(string hex, string what)
    {
        try
        {
            return Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            throw new KeyfileFormatException($"Ansible Vault {what} is not valid hex");
        }
    }
}
