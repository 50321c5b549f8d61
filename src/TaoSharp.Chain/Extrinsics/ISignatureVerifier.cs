using TaoSharp.Primitives;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>Checks a MultiSignature over a signing payload (the pool and block import share one verifier).</summary>
public interface ISignatureVerifier
{
    bool Verify(SignatureScheme scheme, AccountId signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
