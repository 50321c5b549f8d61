using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Sdk;

/// <summary>Who the axon is, shared by its endpoints: hotkey, instance uuid, settings and the caller nonce table.</summary>
internal sealed class AxonIdentity
{
    public AxonIdentity(Sr25519KeyPair hotkey, AxonOptions options)
    {
        Hotkey = hotkey;
        HotkeySs58 = Ss58Address.Encode(hotkey.PublicKey);
        Options = options;
        long retentionNs = (long)((4 + options.MaxTimeoutSeconds) * 1_000_000_000d);
        Nonces = new NonceTracker(retentionNs, options.MaxTrackedCallers);
    }

    public Sr25519KeyPair Hotkey { get; }

    public string HotkeySs58 { get; }

    /// <summary>Python uses uuid1(); any stable string per instance does.</summary>
    public string Uuid { get; } = Guid.NewGuid().ToString();

    public AxonOptions Options { get; }

    public NonceTracker Nonces { get; }

    /// <summary>Callers' public keys by SS58 address, so a Base58 + blake2b checksum decode is paid once per caller.</summary>
    public CallerKeys CallerKeys { get; } = new(4096);
}
