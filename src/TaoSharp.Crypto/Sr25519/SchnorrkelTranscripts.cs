using System.Security.Cryptography;
using TaoSharp.Crypto.Merlin;
using TaoSharp.Crypto.Native;

namespace TaoSharp.Crypto;

/// <summary>
/// The Merlin transcripts schnorrkel builds for signatures and hierarchical derivation, plus the two ways
/// it turns a transcript into a scalar (challenge: public; witness: bound to secret material and randomness).
/// </summary>
internal static class SchnorrkelTranscripts
{
    /// <summary>Substrate signs every payload under this signing context.</summary>
    internal static ReadOnlySpan<byte> SubstrateContext => "substrate"u8;

    /// <summary>Transcript up to and including the public key, shared by signing and verification.</summary>
    internal static Transcript Signing(ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        var t = new Transcript("SigningContext"u8);
        t.AppendMessage(""u8, SubstrateContext);
        t.AppendMessage("sign-bytes"u8, message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, publicKey);
        return t;
    }

    /// <summary>Transcript for both hard and soft derivation, up to the chain code (schnorrkel's *_simple variants sign empty bytes).</summary>
    internal static Transcript Derivation(ReadOnlySpan<byte> chainCode)
    {
        var t = new Transcript("SchnorrRistrettoHDKD"u8);
        t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        t.AppendMessage("chain-code"u8, chainCode);
        return t;
    }

    /// <summary>64 challenge bytes reduced mod ℓ.</summary>
    internal static void ChallengeScalar(Transcript t, ReadOnlySpan<byte> label, Span<byte> scalar)
    {
        Span<byte> wide = stackalloc byte[Ristretto255.WideScalarLength];
        t.ChallengeBytes(label, wide);
        Ristretto255.ReduceWide(wide, scalar);
    }

    /// <summary>Witness bytes from a transcript fork rekeyed with each secret in turn and then with fresh randomness.</summary>
    internal static void WitnessBytes(
        Transcript t,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> secret1,
        ReadOnlySpan<byte> secret2,
        IRandomSource randomness,
        Span<byte> output)
    {
        using var builder = t.BuildRng();
        builder.RekeyWithWitnessBytes(label, secret1);
        if (!secret2.IsEmpty)
        {
            builder.RekeyWithWitnessBytes(label, secret2);
        }

        using var rng = builder.Finalize(randomness);
        rng.Fill(output);
    }

    /// <summary>64 witness bytes reduced mod ℓ.</summary>
    internal static void WitnessScalar(Transcript t, ReadOnlySpan<byte> label, ReadOnlySpan<byte> secret, IRandomSource randomness, Span<byte> scalar)
    {
        Span<byte> wide = stackalloc byte[Ristretto255.WideScalarLength];
        WitnessBytes(t, label, secret, ReadOnlySpan<byte>.Empty, randomness, wide);
        Ristretto255.ReduceWide(wide, scalar);
        CryptographicOperations.ZeroMemory(wide);
    }
}
