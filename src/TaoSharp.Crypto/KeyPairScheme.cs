namespace TaoSharp.Crypto;

/// <summary>The signature schemes a Substrate MultiSignature can carry that TaoSharp implements.</summary>
public enum KeyScheme
{
    /// <summary>Schnorrkel Schnorr signatures over ristretto255 (the Bittensor default for every wallet key).</summary>
    Sr25519,

    /// <summary>RFC 8032 Ed25519.</summary>
    Ed25519,
}
