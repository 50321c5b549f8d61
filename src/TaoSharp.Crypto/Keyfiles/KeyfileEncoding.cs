namespace TaoSharp.Crypto.Keyfiles;

/// <summary>How a keyfile's bytes are stored, told apart by their first bytes (spec-client §2.3).</summary>
public enum KeyfileEncoding
{
    /// <summary>Plain JSON (hotkeys and public files by default).</summary>
    Plaintext,
    /// <summary><c>$NACL</c>: btwallet's Argon2i + secretbox (coldkeys by default).</summary>
    Nacl,
    /// <summary><c>$ANSIBLE_VAULT</c>: bittensor ≤ 5.x legacy encryption (read only).</summary>
    AnsibleVault,
    /// <summary><c>gAAAAA</c>: Fernet token from bittensor ≤ 3.x (read only).</summary>
    Fernet,
    /// <summary>Not JSON and no known prefix.</summary>
    Unknown,
}

public static class KeyfileEncodingDetector
{
    public static KeyfileEncoding Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("$NACL"u8)) return KeyfileEncoding.Nacl;
        if (data.StartsWith("$ANSIBLE_VAULT"u8)) return KeyfileEncoding.AnsibleVault;
        if (data.StartsWith("gAAAAA"u8)) return KeyfileEncoding.Fernet;
        var trimmed = data.TrimStart(" \t\r\n"u8);
        if (!trimmed.IsEmpty && trimmed[0] == (byte)'{') return KeyfileEncoding.Plaintext;
        return KeyfileEncoding.Unknown;
    }

    public static bool IsEncrypted(KeyfileEncoding encoding) =>
        encoding is KeyfileEncoding.Nacl or KeyfileEncoding.AnsibleVault or KeyfileEncoding.Fernet;
}
