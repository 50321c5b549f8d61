using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.Keyfiles;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Crypto.Wallet;

/// <summary>
/// btwallet's Keypair: an sr25519 public key with, when known, the signing key and the secrets it came from
/// (mnemonic, 32-byte seed). Public-only keypairs (from coldkeypub.txt or an address) can verify but not sign.
/// </summary>
public sealed class WalletKeypair : IDisposable
{
    private readonly byte[] _publicKey;
    private readonly Sr25519KeyPair? _signer;
    private readonly byte[]? _seed;

    private WalletKeypair(byte[] publicKey, Sr25519KeyPair? signer, string? secretPhrase, byte[]? seed)
    {
        _publicKey = publicKey;
        _signer = signer;
        SecretPhrase = secretPhrase;
        _seed = seed;
        Ss58Address = Ss58.Ss58Address.Encode(publicKey);
    }

    public byte[] PublicKey => (byte[])_publicKey.Clone();

    public string PublicKeyHex => HexBytes.Format(_publicKey);

    /// <summary>SS58 with Bittensor's prefix 42.</summary>
    public string Ss58Address { get; }

    public string? SecretPhrase { get; }

    public byte[]? SecretSeed => (byte[]?)_seed?.Clone();

    public bool CanSign => _signer is not null;

    public static WalletKeypair FromMnemonic(Mnemonic mnemonic)
    {
        var seed = SubstrateBip39.MiniSecret(mnemonic);
        var signer = Sr25519KeyPair.FromMiniSecret(seed);
        return new WalletKeypair(signer.PublicKey, signer, mnemonic.Phrase, seed);
    }

    /// <summary>A 32-byte seed (mini secret).</summary>
    public static WalletKeypair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32) throw new WalletException($"a seed is 32 bytes (64 hex digits), got {seed.Length} bytes");
        var signer = Sr25519KeyPair.FromMiniSecret(seed);
        return new WalletKeypair(signer.PublicKey, signer, null, seed.ToArray());
    }

    /// <summary>btwallet accepts 64 bytes (canonical key ‖ nonce) or 32 bytes (treated as a seed).</summary>
    public static WalletKeypair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length == 32) return FromSeed(privateKey);
        if (privateKey.Length != Sr25519KeyPair.SecretKeyLength)
            throw new WalletException($"a private key is 64 bytes (or a 32-byte seed), got {privateKey.Length} bytes");
        Sr25519KeyPair signer;
        try
        {
            signer = Sr25519KeyPair.FromSecretKey(privateKey);
        }
        catch (ArgumentException e)
        {
            throw new WalletException("the private key is not a valid sr25519 secret key: " + e.Message, e);
        }
        return new WalletKeypair(signer.PublicKey, signer, null, null);
    }

    /// <summary>A secret URI such as <c>//Alice</c> (btcli writes these without phrase or seed).</summary>
    public static WalletKeypair FromUri(string uri)
    {
        var resolved = SecretUriResolver.Resolve(uri, KeyScheme.Sr25519);
        var signer = (Sr25519KeyPair)resolved.Pair;
        return new WalletKeypair(signer.PublicKey, signer, resolved.Phrase, resolved.Seed);
    }

    public static WalletKeypair FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32) throw new WalletException($"a public key is 32 bytes (64 hex digits), got {publicKey.Length} bytes");
        return new WalletKeypair(publicKey.ToArray(), null, null, null);
    }

    public static WalletKeypair FromSs58(string address) => FromPublicKey(Ss58.Ss58Address.Decode(address).PublicKey);

    /// <summary>btwallet's load priority: secretPhrase, then secretSeed, then privateKey, then ss58Address (public only).</summary>
    public static WalletKeypair FromKeyfileContent(KeyfileContent content)
    {
        try
        {
            if (content.SecretPhrase is { } phrase) return FromMnemonic(Mnemonic.Parse(phrase));
            if (content.SecretSeed is { } seedHex)
                return FromSeed(HexBytes.TryParse(seedHex, 32) ?? throw new KeyfileFormatException("secretSeed is not 32 bytes of hex"));
            if (content.PrivateKey is { } privateHex)
                return FromPrivateKey(HexBytes.TryParse(privateHex) ?? throw new KeyfileFormatException("privateKey is not hex"));
            if (content.Ss58Address is { } address) return FromSs58(address);
        }
        catch (Exception e) when (e is FormatException or WalletException)
        {
            throw new KeyfileFormatException("keyfile content is invalid: " + e.Message, e);
        }
        throw new KeyfileFormatException("keyfile has none of secretPhrase, secretSeed, privateKey or ss58Address (publicKey alone is not enough)");
    }

    /// <summary>The JSON fields btwallet writes for this keypair (secrets only when known).</summary>
    public KeyfileContent ToKeyfileContent() => new()
    {
        AccountId = PublicKeyHex,
        PublicKey = PublicKeyHex,
        PrivateKey = _signer is null ? null : HexBytes.Format(_signer.ToSecretKeyBytes()),
        SecretPhrase = SecretPhrase,
        SecretSeed = _seed is null ? null : HexBytes.Format(_seed),
        Ss58Address = Ss58Address,
    };

    public byte[] Sign(ReadOnlySpan<byte> message) =>
        (_signer ?? throw new WalletException($"{Ss58Address} is a public-only key and cannot sign")).Sign(message);

    /// <summary>Bittensor's rule: plain data or &lt;Bytes&gt;-wrapped data.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        MessageVerifier.Verify(KeyScheme.Sr25519, _publicKey, message, signature);

    public void Dispose() => _signer?.Dispose();
}
