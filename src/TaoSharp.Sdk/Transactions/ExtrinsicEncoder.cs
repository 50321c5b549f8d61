using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Sdk.Queries;

namespace TaoSharp.Sdk.Transactions;

/// <summary>
/// Encodes a signed extrinsic in Substrate's v4 format, the bytes the node's author_submitExtrinsic accepts:
/// Compact(len) ++ 0x84 ++ MultiAddress::Id(signer) ++ MultiSignature ++ Era ++ Compact(nonce) ++ Compact(tip) ++ call.
/// The client always signs immortal transactions (era byte 0, era block = genesis): the node's pool drops
/// a transaction whose nonce is used, so replay is already prevented.
/// </summary>
public static class ExtrinsicEncoder
{
    private const byte SignedV4 = 0x84;
    private const byte ImmortalEra = 0;

    public static byte[] SigningPayload(ReadOnlySpan<byte> call, uint nonce, ulong tip, RuntimeIdentity runtime)
    {
        var w = new ScaleWriter();
        w.WriteFixed(call);
        WriteExtra(w, nonce, tip);
        w.WriteU32(runtime.SpecVersion);
        w.WriteU32(runtime.TransactionVersion);
        w.WriteFixed(runtime.GenesisHash.AsSpan());
        w.WriteFixed(runtime.GenesisHash.AsSpan()); // era birth block of an immortal transaction
        var payload = w.WrittenSpan;
        // Substrate signs the hash instead of payloads over 256 bytes.
        return payload.Length > 256 ? Blake2b.Hash256(payload).ToArray() : payload.ToArray();
    }

    public static SignedExtrinsic Sign(ITransactionSigner signer, ReadOnlySpan<byte> call, uint nonce, ulong tip, RuntimeIdentity runtime)
    {
        var signature = signer.Sign(SigningPayload(call, nonce, tip, runtime));
        if (signature.Length != 64) throw new InvalidOperationException($"signer returned {signature.Length} bytes, a signature is 64");
        var body = new ScaleWriter();
        body.WriteU8(SignedV4);
        body.WriteU8(0); // MultiAddress::Id
        body.WriteFixed(signer.Account.AsSpan());
        body.WriteU8(signer.SignatureTag);
        body.WriteFixed(signature);
        WriteExtra(body, nonce, tip);
        body.WriteFixed(call);
        var w = new ScaleWriter();
        w.WriteBytes(body.WrittenSpan);
        var encoded = w.ToArray();
        return new SignedExtrinsic(encoded, Blake2b.Hash256(encoded), signer.Account, nonce);
    }

    private static void WriteExtra(ScaleWriter w, uint nonce, ulong tip)
    {
        w.WriteU8(ImmortalEra);
        w.WriteCompact(nonce);
        w.WriteCompact(tip);
    }
}

/// <summary>An encoded, signed extrinsic and its hash (blake2b-256 of the encoded bytes, as the node computes it).</summary>
public sealed record SignedExtrinsic(byte[] Encoded, Hash256 Hash, AccountId Signer, uint Nonce)
{
    public string Hex => "0x" + Convert.ToHexStringLower(Encoded);
}
