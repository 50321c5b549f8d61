namespace TaoSharp.Crypto;

/// <summary>Scheme-dispatching signature verification.</summary>
public static class Signatures
{
    /// <summary>Verifies a raw signature; never throws (malformed input of any length gives false).</summary>
    public static bool Verify(KeyScheme scheme, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        scheme switch
        {
            KeyScheme.Sr25519 => Sr25519.Verify(publicKey, message, signature),
            KeyScheme.Ed25519 => Ed25519.Verify(publicKey, message, signature),
            _ => false,
        };
}
