using TaoSharp.Crypto;
using TaoSharp.Primitives;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>Verifies sr25519 / ed25519 MultiSignatures with TaoSharp.Crypto.</summary>
public sealed class CryptoSignatureVerifier : ISignatureVerifier
{
    public static readonly CryptoSignatureVerifier Instance = new();

    public bool Verify(SignatureScheme scheme, AccountId signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Signatures.Verify(scheme == SignatureScheme.Sr25519 ? KeyScheme.Sr25519 : KeyScheme.Ed25519, signer.AsSpan(), message, signature);
}
