using System.Security.Cryptography;
using TaoSharp.Crypto.Merlin;
using TaoSharp.Crypto.Native;

namespace TaoSharp.Crypto;

/// <summary>
/// A schnorrkel key pair: a canonical ristretto255 key scalar, a 32-byte nonce seed for signing, and the public key.
/// Signs under Substrate's signing context "substrate". Dispose zeroes the secret material.
/// </summary>
public sealed class Sr25519KeyPair : IKeyPair
{
    public const int PublicKeyLength = 32;
    public const int SecretKeyLength = 64;
    public const int SignatureLength = 64;
    public const int ChainCodeLength = 32;

    private readonly byte[] _key = new byte[Ristretto255.ScalarLength];
    private readonly byte[] _nonce = new byte[32];
    private readonly byte[] _publicKey = new byte[PublicKeyLength];
    private readonly IRandomSource _randomness;
    private bool _disposed;

    private Sr25519KeyPair(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, IRandomSource randomness)
    {
        key.CopyTo(_key);
        nonce.CopyTo(_nonce);
        _randomness = randomness;
        Ristretto255.MultiplyBase(_key, _publicKey);
    }

    public KeyScheme Scheme => KeyScheme.Sr25519;

    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>Expands a 32-byte mini secret (what substrate-bip39 and btwallet's <c>secretSeed</c> hold) in ExpandEd25519 mode.</summary>
    public static Sr25519KeyPair FromMiniSecret(ReadOnlySpan<byte> miniSecret) => FromMiniSecret(miniSecret, OsRandomSource.Instance);

    /// <summary>Loads schnorrkel's canonical 64-byte secret (key scalar LE ‖ nonce), e.g. a btwallet keyfile <c>privateKey</c>.</summary>
    public static Sr25519KeyPair FromSecretKey(ReadOnlySpan<byte> secretKey)
    {
        CheckLength(secretKey, SecretKeyLength, "an sr25519 secret key", nameof(secretKey));
        ReadOnlySpan<byte> key = secretKey[..32];
        if (!Ristretto255.IsCanonicalScalar(key))
        {
            throw new ArgumentException("The sr25519 secret key scalar is not canonical (it is not below the group order).", nameof(secretKey));
        }

        if (!key.ContainsAnyExcept((byte)0))
        {
            throw new ArgumentException("The sr25519 secret key scalar is zero.", nameof(secretKey));
        }

        return new Sr25519KeyPair(key, secretKey[32..], OsRandomSource.Instance);
    }

    /// <summary>Loads the 64-byte "ed25519 form" (key·8 LE ‖ nonce) that polkadot-js and @scure call <c>secretKey</c>.</summary>
    public static Sr25519KeyPair FromEd25519SecretBytes(ReadOnlySpan<byte> ed25519SecretBytes)
    {
        CheckLength(ed25519SecretBytes, SecretKeyLength, "an sr25519 secret key in ed25519 form", nameof(ed25519SecretBytes));
        Span<byte> shifted = stackalloc byte[32];
        Span<byte> key = stackalloc byte[32];
        ScalarBytes.DivideByCofactor(ed25519SecretBytes[..32], shifted);
        // A well-formed key·8 always shifts back to a canonical scalar; reduce so a malformed one still yields a usable key.
        Ristretto255.Reduce(shifted, key);
        CryptographicOperations.ZeroMemory(shifted);
        try
        {
            if (!key.ContainsAnyExcept((byte)0))
            {
                throw new ArgumentException("The sr25519 secret key scalar is zero.", nameof(ed25519SecretBytes));
            }

            return new Sr25519KeyPair(key, ed25519SecretBytes[32..], OsRandomSource.Instance);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    internal static Sr25519KeyPair FromMiniSecret(ReadOnlySpan<byte> miniSecret, IRandomSource randomness)
    {
        CheckLength(miniSecret, MiniSecretExpansion.MiniSecretLength, "an sr25519 mini secret", nameof(miniSecret));
        Span<byte> key = stackalloc byte[32];
        Span<byte> nonce = stackalloc byte[32];
        try
        {
            MiniSecretExpansion.Expand(miniSecret, key, nonce);
            return new Sr25519KeyPair(key, nonce, randomness);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(nonce);
        }
    }

    /// <summary>Canonical schnorrkel encoding: key scalar LE (32) ‖ nonce (32).</summary>
    public byte[] ToSecretKeyBytes()
    {
        ThrowIfDisposed();
        var bytes = new byte[SecretKeyLength];
        _key.CopyTo(bytes, 0);
        _nonce.CopyTo(bytes, 32);
        return bytes;
    }

    /// <summary>polkadot-js / @scure encoding: (key scalar · 8) LE (32) ‖ nonce (32).</summary>
    public byte[] ToEd25519SecretBytes()
    {
        ThrowIfDisposed();
        var bytes = new byte[SecretKeyLength];
        ScalarBytes.MultiplyByCofactor(_key, bytes.AsSpan(0, 32));
        _nonce.CopyTo(bytes, 32);
        return bytes;
    }

    /// <summary>Schnorrkel signature R ‖ s with the schnorrkel marker bit (s[31] |= 0x80); randomized, so not reproducible.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ThrowIfDisposed();
        Span<byte> r = stackalloc byte[32];
        Span<byte> k = stackalloc byte[32];
        Span<byte> kx = stackalloc byte[32];
        var signature = new byte[SignatureLength];
        Span<byte> bigR = signature.AsSpan(0, 32);
        Span<byte> s = signature.AsSpan(32, 32);

        using var t = SchnorrkelTranscripts.Signing(message, _publicKey);
        SchnorrkelTranscripts.WitnessScalar(t, "signing"u8, _nonce, _randomness, r);
        Ristretto255.MultiplyBase(r, bigR);
        t.AppendMessage("sign:R"u8, bigR);
        SchnorrkelTranscripts.ChallengeScalar(t, "sign:c"u8, k);
        Ristretto255.ScalarMultiply(k, _key, kx);
        Ristretto255.ScalarAdd(kx, r, s);
        s[31] |= 0x80;

        CryptographicOperations.ZeroMemory(r);
        CryptographicOperations.ZeroMemory(kx);
        return signature;
    }

    /// <summary>Hard junction (//x): a new mini secret from the transcript, expanded again; unlinkable to the parent's public key.</summary>
    public Sr25519KeyPair DeriveHard(ReadOnlySpan<byte> chainCode)
    {
        ThrowIfDisposed();
        CheckLength(chainCode, ChainCodeLength, "a chain code", nameof(chainCode));
        Span<byte> miniSecret = stackalloc byte[32];
        try
        {
            using var t = SchnorrkelTranscripts.Derivation(chainCode);
            t.AppendMessage("secret-key"u8, _key);
            t.ChallengeBytes("HDKD-hard"u8, miniSecret);
            return FromMiniSecret(miniSecret, _randomness);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(miniSecret);
        }
    }

    /// <summary>
    /// Soft junction (/x): key + t where t comes from the public transcript, so the public side can be derived
    /// without the secret (<see cref="Sr25519.DeriveSoftPublic"/>). The nonce is re-drawn from a witness RNG,
    /// as schnorrkel does, so the derived secret bytes differ between runs while the key scalar does not.
    /// </summary>
    public Sr25519KeyPair DeriveSoft(ReadOnlySpan<byte> chainCode)
    {
        ThrowIfDisposed();
        CheckLength(chainCode, ChainCodeLength, "a chain code", nameof(chainCode));
        Span<byte> tweak = stackalloc byte[32];
        Span<byte> derivedKey = stackalloc byte[32];
        Span<byte> derivedNonce = stackalloc byte[32];
        Span<byte> unusedChainCode = stackalloc byte[32];
        Span<byte> secretBytes = stackalloc byte[SecretKeyLength];
        try
        {
            using var t = SchnorrkelTranscripts.Derivation(chainCode);
            t.AppendMessage("public-key"u8, _publicKey);
            SchnorrkelTranscripts.ChallengeScalar(t, "HDKD-scalar"u8, tweak);
            // Schnorrkel squeezes the child chain code next; Substrate discards it, but the squeeze changes the
            // transcript state the nonce witness is drawn from, so keep the same sequence.
            t.ChallengeBytes("HDKD-chaincode"u8, unusedChainCode);
            _key.CopyTo(secretBytes);
            _nonce.CopyTo(secretBytes[32..]);
            SchnorrkelTranscripts.WitnessBytes(t, "HDKD-nonce"u8, _nonce, secretBytes, _randomness, derivedNonce);
            Ristretto255.ScalarAdd(_key, tweak, derivedKey);
            return new Sr25519KeyPair(derivedKey, derivedNonce, _randomness);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
            CryptographicOperations.ZeroMemory(derivedNonce);
            CryptographicOperations.ZeroMemory(secretBytes);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_nonce);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static void CheckLength(ReadOnlySpan<byte> value, int expected, string what, string parameter)
    {
        if (value.Length != expected)
        {
            throw new ArgumentException($"Expected {what} of {expected} bytes, got {value.Length}.", parameter);
        }
    }
}
