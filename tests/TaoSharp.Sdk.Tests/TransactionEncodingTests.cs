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
        // Compact length (two-byte mode here), 0x84, MultiAddress::Id, signer, scheme tag, signature, era, nonce, tip, call.
        Assert.Equal(1, bytes[0] & 3);
        Assert.Equal(bytes.Length - 2, (bytes[0] | bytes[1] << 8) >> 2);
        Assert.Equal(0x84, bytes[2]);
        Assert.Equal(0, bytes[3]);
        Assert.Equal(alice.PublicKey, bytes[4..36]);
        Assert.Equal(1, bytes[36]);
        var signature = bytes[37..101];
        Assert.Equal([0, 7 << 2, 0], bytes[101..104]);
        Assert.Equal(call, bytes[104..]);
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
