using TaoSharp.Crypto;
using TaoSharp.Primitives;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>Builds signed extrinsics for a chain (used by tests, benchmarks, the CLI and dev tooling).</summary>
public sealed class ExtrinsicSigner(ChainIdentity chain)
{
    /// <summary>Signs <paramref name="call"/> as an immortal transaction (era hash = genesis hash).</summary>
    public Extrinsic Sign(IKeyPair key, ReadOnlySpan<byte> call, uint nonce, ulong tip = 0) =>
        Sign(key, call, nonce, tip, Era.Immortal, chain.GenesisHash);

    /// <summary>Signs with an explicit era; <paramref name="eraBlockHash"/> is the hash of the era's birth block.</summary>
    public Extrinsic Sign(IKeyPair key, ReadOnlySpan<byte> call, uint nonce, ulong tip, Era era, Hash256 eraBlockHash)
    {
        var payload = Extrinsic.SigningPayload(call, era, nonce, tip, chain, eraBlockHash);
        var signature = key.Sign(payload);
        var scheme = key.Scheme == KeyScheme.Sr25519 ? SignatureScheme.Sr25519 : SignatureScheme.Ed25519;
        return Extrinsic.Create(AccountId.FromBytes(key.PublicKey), scheme, signature, era, nonce, tip, call);
    }
}
