using System.Security.Cryptography;

namespace TaoSharp.Crypto;

/// <summary>
/// Schnorrkel's "ExpandEd25519" mode (spec-client §1.5): SHA-512 the mini secret, clamp the first half as
/// Ed25519 does, then divide by the cofactor so the key scalar is canonical; the second half is the nonce seed.
/// Using this mode (rather than schnorrkel's Uniform mode) is what makes Substrate keys match polkadot-js.
/// </summary>
internal static class MiniSecretExpansion
{
    internal const int MiniSecretLength = 32;

    internal static void Expand(ReadOnlySpan<byte> miniSecret, Span<byte> keyScalar, Span<byte> nonce)
    {
        if (miniSecret.Length != MiniSecretLength)
        {
            throw new ArgumentException($"An sr25519 mini secret is {MiniSecretLength} bytes, got {miniSecret.Length}.", nameof(miniSecret));
        }

        Span<byte> hash = stackalloc byte[64];
        SHA512.HashData(miniSecret, hash);
        Span<byte> clamped = hash[..32];
        clamped[0] &= 248;
        clamped[31] &= 63;
        clamped[31] |= 64;
        ScalarBytes.DivideByCofactor(clamped, keyScalar);
        hash[32..].CopyTo(nonce);
        CryptographicOperations.ZeroMemory(hash);
    }
}
