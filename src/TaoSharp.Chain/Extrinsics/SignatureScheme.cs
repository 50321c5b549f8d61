namespace TaoSharp.Chain.Extrinsics;

/// <summary>MultiSignature variants we accept, with their SCALE tags (ECDSA, tag 2, is refused).</summary>
public enum SignatureScheme : byte
{
    Ed25519 = 0,
    Sr25519 = 1,
}
