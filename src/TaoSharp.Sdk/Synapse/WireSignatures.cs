using System.Globalization;
using System.Text;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Sdk;

/// <summary>The two signed messages of the wire protocol (spec-client §3.4) and their sr25519 signatures.</summary>
public static class WireSignatures
{
    /// <summary><c>{dendrite.nonce}.{dendrite.hotkey}.{axon.hotkey}.{dendrite.uuid}.{computed_body_hash}</c>; Python renders a missing value as "None".</summary>
    public static string DendriteMessage(long nonce, string? dendriteHotkey, string? axonHotkey, string? dendriteUuid, string bodyHash) =>
        string.Create(CultureInfo.InvariantCulture, $"{nonce}.{dendriteHotkey ?? "None"}.{axonHotkey ?? "None"}.{dendriteUuid ?? "None"}.{bodyHash}");

    /// <summary><c>{axon.nonce}.{dendrite.hotkey}.{axon.hotkey}.{axon.uuid}</c>.</summary>
    public static string AxonMessage(long axonNonce, string? dendriteHotkey, string axonHotkey, string axonUuid) =>
        string.Create(CultureInfo.InvariantCulture, $"{axonNonce}.{dendriteHotkey ?? "None"}.{axonHotkey}.{axonUuid}");

    /// <summary>"0x" + 128 lowercase hex digits.</summary>
    public static string Sign(Sr25519KeyPair key, string message) =>
        "0x" + Convert.ToHexStringLower(key.Sign(Encoding.UTF8.GetBytes(message)));

    /// <summary>
    /// Verifies a "0x…" hex signature by an SS58 hotkey over the UTF-8 message, also accepting a signature over
    /// <c>&lt;Bytes&gt;message&lt;/Bytes&gt;</c> (polkadot.js extension wrapping; spec-client quirk 3). Malformed input is false.
    /// </summary>
    public static bool Verify(string hotkeySs58, string message, string signatureHex)
    {
        if (!Ss58Address.TryDecode(hotkeySs58, out Ss58Decoded decoded, out _)) return false;
        return Verify(decoded.PublicKey, message, signatureHex);
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, string message, string signatureHex)
    {
        ReadOnlySpan<char> hex = signatureHex.AsSpan();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        if (hex.Length != Sr25519KeyPair.SignatureLength * 2) return false;
        Span<byte> signature = stackalloc byte[Sr25519KeyPair.SignatureLength];
        if (Convert.FromHexString(hex, signature, out _, out int written) != System.Buffers.OperationStatus.Done || written != signature.Length)
            return false;

        byte[] plain = Encoding.UTF8.GetBytes(message);
        if (Sr25519.Verify(publicKey, plain, signature)) return true;
        byte[] wrapped = Encoding.UTF8.GetBytes("<Bytes>" + message + "</Bytes>");
        return Sr25519.Verify(publicKey, wrapped, signature);
    }
}
