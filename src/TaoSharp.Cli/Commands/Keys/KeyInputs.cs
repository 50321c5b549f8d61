using System.Text;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>Parsing of the user-typed values the key commands share, each failing with a message naming the option.</summary>
public static class KeyInputs
{
    public static KeyScheme ParseScheme(string? text) => (text ?? "sr25519").Trim().ToLowerInvariant() switch
    {
        "sr25519" => KeyScheme.Sr25519,
        "ed25519" => KeyScheme.Ed25519,
        var other => throw new UsageException($"--scheme must be sr25519 or ed25519, got '{other}'"),
    };

    public static string SchemeName(KeyScheme scheme) => scheme == KeyScheme.Sr25519 ? "sr25519" : "ed25519";

    /// <summary>A 64-byte signature as hex, with or without 0x.</summary>
    public static byte[] ParseSignature(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException("--signature is required (64 bytes as hex)");
        return HexBytes.TryParse(text, 64)
            ?? throw new UsageException($"--signature must be 64 bytes as 128 hex digits (0x optional), got '{Shorten(text)}'");
    }

    /// <summary>A public key from an SS58 address (any prefix) or 32-byte hex.</summary>
    public static byte[] ParsePublicKey(string? address, string? publicKeyHex)
    {
        if (!string.IsNullOrWhiteSpace(address))
        {
            if (!Ss58Address.TryDecode(address.Trim(), out var decoded, out var error))
                throw new UsageException($"--address is not a valid SS58 address: {error}");
            return decoded.PublicKey;
        }
        if (!string.IsNullOrWhiteSpace(publicKeyHex))
            return HexBytes.TryParse(publicKeyHex, 32)
                ?? throw new UsageException($"--public-key must be 32 bytes as 64 hex digits (0x optional), got '{Shorten(publicKeyHex)}'");
        throw new UsageException("give the signer with --address <ss58> or --public-key <hex>");
    }

    /// <summary>The message bytes: UTF-8 of the text, or hex-decoded with --hex.</summary>
    public static byte[] ParseMessage(string? message, bool hex)
    {
        if (message is null) throw new UsageException("--message is required");
        if (!hex) return Encoding.UTF8.GetBytes(message);
        return HexBytes.TryParse(message) ?? throw new UsageException("--message is not valid hex (with --hex)");
    }

    public static ushort ParseNetwork(int? prefix)
    {
        if (prefix is null) return Ss58Address.BittensorPrefix;
        if (prefix is < 0 or > Ss58Address.MaxPrefix || prefix is 46 or 47)
            throw new UsageException($"--network must be an SS58 prefix 0..{Ss58Address.MaxPrefix} (not the reserved 46/47), got {prefix}");
        return (ushort)prefix.Value;
    }

    private static string Shorten(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
