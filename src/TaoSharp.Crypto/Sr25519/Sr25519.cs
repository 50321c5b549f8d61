using TaoSharp.Crypto.Native;

namespace TaoSharp.Crypto;

/// <summary>Public-key-only sr25519 operations: signature verification and soft public derivation.</summary>
public static class Sr25519
{
    /// <summary>
    /// Schnorrkel verification under the "substrate" context: accept iff the marker bit is set, s is canonical,
    /// the public key decodes, and R == s·B − k·A as encodings. Never throws; malformed input gives false.
    /// Does not try the <c>&lt;Bytes&gt;</c>-wrapped form; that Bittensor rule is layered on top by the caller.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Sr25519KeyPair.PublicKeyLength || signature.Length != Sr25519KeyPair.SignatureLength)
        {
            return false;
        }

        // Signatures made before schnorrkel 0.8 lack the marker; Substrate's verify rejects them, so do we.
        if ((signature[63] & 0x80) == 0)
        {
            return false;
        }

        Span<byte> s = stackalloc byte[32];
        signature[32..].CopyTo(s);
        s[31] &= 0x7f;
        if (!Ristretto255.IsCanonicalScalar(s))
        {
            return false;
        }

        ReadOnlySpan<byte> bigR = signature[..32];
        Span<byte> k = stackalloc byte[32];
        using (var t = SchnorrkelTranscripts.Signing(message, publicKey))
        {
            t.AppendMessage("sign:R"u8, bigR);
            SchnorrkelTranscripts.ChallengeScalar(t, "sign:c"u8, k);
        }

        Span<byte> sB = stackalloc byte[32];
        Span<byte> kA = stackalloc byte[32];
        Span<byte> expectedR = stackalloc byte[32];
        if (!Ristretto255.TryMultiply(k, publicKey, kA))
        {
            return false; // the public key is not a ristretto255 encoding
        }

        Ristretto255.MultiplyBase(s, sB);
        return Ristretto255.TrySubtract(sB, kA, expectedR) && expectedR.SequenceEqual(bigR);
    }

    /// <summary>The public half of a soft junction: A + t·B with t from the derivation transcript.</summary>
    /// <exception cref="ArgumentException">The public key is not a valid ristretto255 encoding or the chain code is not 32 bytes.</exception>
    public static byte[] DeriveSoftPublic(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> chainCode)
    {
        if (chainCode.Length != Sr25519KeyPair.ChainCodeLength)
        {
            throw new ArgumentException($"Expected a chain code of {Sr25519KeyPair.ChainCodeLength} bytes, got {chainCode.Length}.", nameof(chainCode));
        }

        if (!Ristretto255.IsValidPoint(publicKey))
        {
            throw new ArgumentException("The sr25519 public key is not a valid 32-byte ristretto255 encoding.", nameof(publicKey));
        }

        Span<byte> tweak = stackalloc byte[32];
        using (var t = SchnorrkelTranscripts.Derivation(chainCode))
        {
            t.AppendMessage("public-key"u8, publicKey);
            SchnorrkelTranscripts.ChallengeScalar(t, "HDKD-scalar"u8, tweak);
        }

        Span<byte> tweakPoint = stackalloc byte[32];
        Ristretto255.MultiplyBase(tweak, tweakPoint);
        var derived = new byte[Sr25519KeyPair.PublicKeyLength];
        if (!Ristretto255.TryAdd(publicKey, tweakPoint, derived))
        {
            throw new ArgumentException("The sr25519 public key is not a valid ristretto255 encoding.", nameof(publicKey));
        }

        return derived;
    }
}
