using TaoSharp.Crypto.SecretUri;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

public sealed class TransactionEncodingTests
{
    private static readonly RuntimeIdentity Runtime = new(Hash256.Zero, 425, 1, "node-subtensor");

    [Fact]
    public void Transfer_keep_alive_call_has_the_reference_indices_and_compact_amount()
    {
        var dest = AccountId.FromBytes(Enumerable.Repeat((byte)0xaa, 32).ToArray());
        var call = Calls.TransferKeepAlive(dest, new TaoBalance(1));
        Assert.Equal([5, 3, 0], call[..3]);
        Assert.Equal(dest.ToArray(), call[3..35]);
        Assert.Equal([0x04], call[35..]); // Compact(1)
    }

    [Fact]
    public void Signed_extrinsic_layout_is_v4_with_immortal_era_and_a_verifiable_signature()
    {
        using var alice = SecretUriResolver.Resolve("//Alice").Pair;
        var call = Calls.Remark([9]);
        var xt = ExtrinsicEncoder.Sign(new KeyPairSigner(alice), call, nonce: 7, tip: 0, Runtime);
        var bytes = xt.Encoded;
        // Compact length (1 byte here), 0x84, MultiAddress::Id, signer, scheme tag, signature, era, nonce, tip, call.
        Assert.Equal(bytes.Length - 1, bytes[0] >> 2);
        Assert.Equal(0x84, bytes[1]);
        Assert.Equal(0, bytes[2]);
        Assert.Equal(alice.PublicKey, bytes[3..35]);
        Assert.Equal(1, bytes[35]);
        var signature = bytes[36..100];
        Assert.Equal([0, 7 << 2, 0], bytes[100..103]);
        Assert.Equal(call, bytes[103..]);
        Assert.True(TaoSharp.Crypto.Wallet.MessageVerifier.Verify(TaoSharp.Crypto.KeyScheme.Sr25519, alice.PublicKey,
            ExtrinsicEncoder.SigningPayload(call, 7, 0, Runtime), signature));
    }

    [Fact]
    public void Long_payloads_are_signed_as_their_blake2b_hash()
    {
        var call = Calls.Remark(new byte[300]);
        var payload = ExtrinsicEncoder.SigningPayload(call, 0, 0, Runtime);
        Assert.Equal(32, payload.Length);
    }
}
