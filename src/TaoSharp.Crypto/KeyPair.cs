namespace TaoSharp.Crypto;

/// <summary>
/// A signing key pair of either scheme. Implementations hold secret bytes that <see cref="IDisposable.Dispose"/> zeroes.
/// </summary>
public interface IKeyPair : IDisposable
{
    KeyScheme Scheme { get; }

    /// <summary>The 32-byte public key (a copy; mutating it does not affect the key pair).</summary>
    byte[] PublicKey { get; }

    /// <summary>Signs <paramref name="message"/>; 64-byte signature in the scheme's wire format.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
