using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>
/// A signed transaction in Substrate's extrinsic format v4:
/// Compact(len) ++ 0x84 ++ MultiAddress::Id(signer) ++ MultiSignature ++ extra ++ call,
/// where extra = Era ++ Compact(nonce) ++ Compact(tip) and call = pallet index ++ call index ++ args.
/// Immutable; <see cref="Encoded"/> keeps the exact bytes so the hash is over what was submitted.
/// </summary>
public sealed class Extrinsic
{
    /// <summary>0x80 (signed bit) | 4 (format version).</summary>
    public const byte SignedV4 = 0x84;

    /// <summary>Hard bound on one encoded extrinsic (also bounds every allocation while decoding).</summary>
    public const int MaxEncodedLength = 512 * 1024;

    private Extrinsic(byte[] encoded, AccountId signer, SignatureScheme scheme, byte[] signature, Era era, uint nonce, ulong tip, byte[] call)
    {
        Encoded = encoded;
        Signer = signer;
        Scheme = scheme;
        Signature = signature;
        Era = era;
        Nonce = nonce;
        Tip = tip;
        Call = call;
        Hash = Blake2b.Hash256(encoded);
    }

    public byte[] Encoded { get; }
    public Hash256 Hash { get; }
    public AccountId Signer { get; }
    public SignatureScheme Scheme { get; }
    public byte[] Signature { get; }
    public Era Era { get; }
    public uint Nonce { get; }
    public ulong Tip { get; }
    public byte[] Call { get; }

    /// <summary>Decodes one extrinsic (with its compact length prefix) that must span all of <paramref name="bytes"/>.</summary>
    public static Extrinsic Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxEncodedLength + 5)
            throw new InvalidExtrinsicException(InvalidReason.TooLarge, $"extrinsic of {bytes.Length} bytes exceeds the limit of {MaxEncodedLength}");
        try
        {
            var r = new ScaleReader(bytes);
            var length = r.ReadCompactU64();
            if (length != (ulong)r.Remaining)
                throw new ScaleDecodeException($"length prefix says {length} bytes but {r.Remaining} follow");
            var version = r.ReadU8();
            if (version != SignedV4)
                throw new ScaleDecodeException(version == 0x04
                    ? "unsigned extrinsics are not accepted"
                    : $"unsupported extrinsic version byte 0x{version:x2} (expected 0x84, signed v4)");
            var signer = MultiAddress.ReadId(ref r);
            var tag = r.ReadU8();
            if (tag > (byte)SignatureScheme.Sr25519)
                throw new ScaleDecodeException($"unsupported MultiSignature variant {tag} (0 = Ed25519, 1 = Sr25519)");
            var signature = r.ReadFixed(64).ToArray();
            var era = Era.Decode(ref r);
            var nonce = r.ReadCompactU64();
            if (nonce > uint.MaxValue) throw new ScaleDecodeException($"nonce {nonce} does not fit u32");
            var tip = r.ReadCompactU64();
            if (r.Remaining < 2) throw new ScaleDecodeException("missing call (pallet and call index)");
            var call = r.ReadFixed(r.Remaining).ToArray();
            return new Extrinsic(bytes.ToArray(), signer, (SignatureScheme)tag, signature, era, (uint)nonce, tip, call);
        }
        catch (ScaleDecodeException e)
        {
            throw new InvalidExtrinsicException(InvalidReason.Malformed, "malformed extrinsic: " + e.Message);
        }
    }

    /// <summary>
    /// The bytes the signer signs: call ++ extra ++ spec_version ++ tx_version ++ genesis hash ++ era birth block
    /// hash (the genesis hash for immortal), blake2b-256 hashed when longer than 256 bytes.
    /// </summary>
    public static byte[] SigningPayload(ReadOnlySpan<byte> call, Era era, uint nonce, ulong tip, ChainIdentity chain, Hash256 eraBlockHash)
    {
        var w = new ScaleWriter();
        w.WriteFixed(call);
        WriteExtra(w, era, nonce, tip);
        w.WriteU32(chain.SpecVersion);
        w.WriteU32(chain.TransactionVersion);
        w.WriteFixed(chain.GenesisHash.AsSpan());
        w.WriteFixed(eraBlockHash.AsSpan());
        var payload = w.WrittenSpan;
        return payload.Length > 256 ? Blake2b.Hash256(payload).ToArray() : payload.ToArray();
    }

    public byte[] SigningPayload(ChainIdentity chain, Hash256 eraBlockHash) =>
        SigningPayload(Call, Era, Nonce, Tip, chain, eraBlockHash);

    /// <summary>Assembles the encoded extrinsic from its parts and a signature over <see cref="SigningPayload(ReadOnlySpan{byte}, Era, uint, ulong, ChainIdentity, Hash256)"/>.</summary>
    public static Extrinsic Create(AccountId signer, SignatureScheme scheme, ReadOnlySpan<byte> signature, Era era, uint nonce, ulong tip, ReadOnlySpan<byte> call)
    {
        if (signature.Length != 64) throw new ArgumentException("signatures are 64 bytes", nameof(signature));
        var body = new ScaleWriter();
        body.WriteU8(SignedV4);
        MultiAddress.WriteId(body, signer);
        body.WriteU8((byte)scheme);
        body.WriteFixed(signature);
        WriteExtra(body, era, nonce, tip);
        body.WriteFixed(call);
        var w = new ScaleWriter();
        w.WriteBytes(body.WrittenSpan);
        return Decode(w.WrittenSpan);
    }

    private static void WriteExtra(ScaleWriter w, Era era, uint nonce, ulong tip)
    {
        era.Encode(w);
        w.WriteCompact(nonce);
        w.WriteCompact(tip);
    }
}
