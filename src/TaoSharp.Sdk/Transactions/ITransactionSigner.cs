using TaoSharp.Crypto;
using TaoSharp.Primitives;

namespace TaoSharp.Sdk.Transactions;

/// <summary>The key that signs a transaction (a wallet's coldkey or hotkey, or a dev key).</summary>
public interface ITransactionSigner
{
    AccountId Account { get; }

    /// <summary>MultiSignature tag: 0 = Ed25519, 1 = Sr25519.</summary>
    byte SignatureTag { get; }

    byte[] Sign(ReadOnlySpan<byte> payload);
}

/// <summary>Signs with any <see cref="IKeyPair"/> (the caller keeps ownership and disposes it).</summary>
public sealed class KeyPairSigner(IKeyPair key) : ITransactionSigner
{
    public AccountId Account { get; } = AccountId.FromBytes(key.PublicKey);

    public byte SignatureTag => key.Scheme == KeyScheme.Sr25519 ? (byte)1 : (byte)0;

    public byte[] Sign(ReadOnlySpan<byte> payload) => key.Sign(payload);
}

/// <summary>Signs with a bittensor wallet keypair (always sr25519).</summary>
public sealed class WalletSigner(TaoSharp.Crypto.Wallet.WalletKeypair key) : ITransactionSigner
{
    public AccountId Account { get; } = AccountId.FromBytes(key.PublicKey);

    public byte SignatureTag => 1;

    public byte[] Sign(ReadOnlySpan<byte> payload) => key.Sign(payload);
}
