using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Chain.Tests;

public class ExtrinsicTests
{
    [Fact]
    public void Signed_transfer_has_substrate_v4_layout_and_round_trips()
    {
        using var t = new TestChain();
        var dest = TestChain.Stranger(7);
        var x = t.Transfer(0, dest, 1_000_000, nonce: 5, tip: 3);
        var bytes = x.Encoded;
        // Compact length prefix (2-byte mode for 64..16383), then 0x84, MultiAddress::Id (0x00) + signer.
        var len = (bytes[0] | bytes[1] << 8) >> 2;
        Assert.Equal(bytes.Length - 2, len);
        Assert.Equal(0x84, bytes[2]);
        Assert.Equal(0x00, bytes[3]);
        Assert.Equal(t.Account(0).ToArray(), bytes[4..36]);
        Assert.Equal(0x01, bytes[36]); // MultiSignature::Sr25519
        // extra: immortal era (0x00), Compact(5) = 0x14, Compact(3) = 0x0c; then call 05 03 (Balances.transfer_keep_alive)
        Assert.Equal([0x00, 0x14, 0x0c, 0x05, 0x03, 0x00], bytes[101..107]);
        Assert.Equal(dest.ToArray(), bytes[107..139]);

        var back = Extrinsic.Decode(bytes);
        Assert.Equal(x.Hash, back.Hash);
        Assert.Equal(Blake2b.Hash256(bytes), back.Hash);
        Assert.Equal(5u, back.Nonce);
        Assert.Equal(3UL, back.Tip);
        Assert.Equal(SignatureScheme.Sr25519, back.Scheme);
        Assert.True(CryptoSignatureVerifier.Instance.Verify(back.Scheme, back.Signer, back.SigningPayload(t.Chain.Identity, t.Chain.Identity.GenesisHash), back.Signature));
    }

    [Fact]
    public void Signing_payload_is_call_extra_versions_genesis_and_era_hash()
    {
        var genesis = Hash256.FromBytes(Enumerable.Repeat((byte)0xAB, 32).ToArray());
        var chain = new ChainIdentity(genesis, 425, 1);
        var call = new byte[] { 0x00, 0x00, 0x04, 0xDE, 0xAD };
        var payload = Extrinsic.SigningPayload(call, Era.Immortal, 1, 0, chain, genesis);
        byte[] expected = [.. call, 0x00, 0x04, 0x00, 0xA9, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, .. genesis.ToArray(), .. genesis.ToArray()];
        Assert.Equal(expected, payload);
    }

    [Fact]
    public void Payloads_longer_than_256_bytes_are_hashed()
    {
        var chain = new ChainIdentity(Hash256.Zero, 425, 1);
        var call = new byte[300];
        var payload = Extrinsic.SigningPayload(call, Era.Immortal, 0, 0, chain, Hash256.Zero);
        Assert.Equal(32, payload.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("0404")]            // unsigned
    [InlineData("ff")]              // bad compact
    [InlineData("1084000102")]      // truncated
    public void Garbage_is_refused_as_malformed(string hex)
    {
        var e = Assert.Throws<InvalidExtrinsicException>(() => Extrinsic.Decode(Convert.FromHexString(hex)));
        Assert.Equal(InvalidReason.Malformed, e.Reason);
    }

    [Fact]
    public void Oversize_is_refused()
    {
        var e = Assert.Throws<InvalidExtrinsicException>(() => Extrinsic.Decode(new byte[Extrinsic.MaxEncodedLength + 100]));
        Assert.Equal(InvalidReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Ed25519_signed_extrinsics_verify()
    {
        using var t = new TestChain();
        var x = t.Signer.Sign(t.Ed, CallBuilder.Remark([1, 2, 3]), 0);
        Assert.Equal(SignatureScheme.Ed25519, x.Scheme);
        var v = t.Chain.Submit(x.Encoded);
        Assert.False(v.IsFuture);
    }
}
