namespace TaoSharp.Crypto.SecretUri;

/// <summary>
/// A key pair made from a secret URI, with the secrets that produced it where they are still meaningful:
/// the mnemonic (only when it is the whole story, i.e. no path) and the 32-byte seed (only while it still generates the key).
/// </summary>
public sealed class ResolvedKey(IKeyPair pair, string? phrase, byte[]? seed) : IDisposable
{
    public IKeyPair Pair { get; } = pair;

    public KeyScheme Scheme => Pair.Scheme;

    public byte[] PublicKey => Pair.PublicKey;

    /// <summary>The BIP39 mnemonic, when the URI was a bare mnemonic (no derivation path, no password).</summary>
    public string? Phrase { get; } = phrase;

    /// <summary>The 32-byte seed (mini secret) the key expands from, or null when a derivation step makes it unknown.</summary>
    public byte[]? Seed { get; } = seed;

    public void Dispose() => Pair.Dispose();
}
