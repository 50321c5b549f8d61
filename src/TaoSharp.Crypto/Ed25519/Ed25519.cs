using NSec.Cryptography;

namespace TaoSharp.Crypto;

/// <summary>Ed25519 signature verification (RFC 8032 via NSec/libsodium).</summary>
public static class Ed25519
{
    /// <summary>Never throws: wrong lengths, undecodable public keys and bad signatures all give false.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519KeyPair.PublicKeyLength || signature.Length != Ed25519KeyPair.SignatureLength)
        {
            return false;
        }

        var algorithm = SignatureAlgorithm.Ed25519;
        return PublicKey.TryImport(algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            && key is not null
            && algorithm.Verify(key, message, signature);
    }
}
