using System.Security.Cryptography;
using NSec.Cryptography;

namespace TaoSharp.Crypto;

/// <summary>
/// An RFC 8032 Ed25519 key pair held as its 32-byte seed (NSec/libsodium does the curve work).
/// Supports Substrate's hard derivation only: ed25519 has no soft (public) derivation.
/// </summary>
public sealed class Ed25519KeyPair : IKeyPair
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;
    public const int ChainCodeLength = 32;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly byte[] _seed;
    private readonly byte[] _publicKey;
    private readonly Key _key;
    private bool _disposed;

    private Ed25519KeyPair(ReadOnlySpan<byte> seed)
    {
        _seed = seed.ToArray();
        _key = Key.Import(Algorithm, _seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        _publicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public KeyScheme Scheme => KeyScheme.Ed25519;

    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The 32-byte secret seed (a copy).</summary>
    public byte[] Seed
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return (byte[])_seed.Clone();
        }
    }

    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"An ed25519 seed is {SeedLength} bytes, got {seed.Length}.", nameof(seed));
        }

        return new Ed25519KeyPair(seed);
    }

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Algorithm.Sign(_key, message);
    }

    /// <summary>
    /// Substrate's ed25519 hard junction: new seed = blake2b-256(SCALE(("Ed25519HDKD", seed, chain code))),
    /// i.e. the compact-length-prefixed label followed by the two raw 32-byte arrays.
    /// </summary>
    public Ed25519KeyPair DeriveHard(ReadOnlySpan<byte> chainCode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (chainCode.Length != ChainCodeLength)
        {
            throw new ArgumentException($"Expected a chain code of {ChainCodeLength} bytes, got {chainCode.Length}.", nameof(chainCode));
        }

        ReadOnlySpan<byte> label = "Ed25519HDKD"u8;
        Span<byte> encoded = stackalloc byte[1 + 11 + SeedLength + ChainCodeLength];
        encoded[0] = (byte)(label.Length << 2); // SCALE compact, single-byte mode
        label.CopyTo(encoded[1..]);
        _seed.CopyTo(encoded[(1 + label.Length)..]);
        chainCode.CopyTo(encoded[(1 + label.Length + SeedLength)..]);

        Span<byte> derivedSeed = stackalloc byte[SeedLength];
        try
        {
            NSec.Cryptography.HashAlgorithm.Blake2b_256.Hash(encoded, derivedSeed);
            return new Ed25519KeyPair(derivedSeed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
            CryptographicOperations.ZeroMemory(derivedSeed);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_seed);
        _key.Dispose();
    }
}
