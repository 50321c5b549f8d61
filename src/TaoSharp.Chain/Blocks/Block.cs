using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Chain.Blocks;

/// <summary>A header and its body: the extrinsics in execution order. Body SCALE = Compact(count) ++ each encoded extrinsic.</summary>
public sealed record Block(BlockHeader Header, IReadOnlyList<Extrinsic> Extrinsics)
{
    /// <summary>Bounds the body's declared extrinsic count when decoding stored or received bytes.</summary>
    public const int MaxExtrinsics = 100_000;

    public Hash256 Hash => Header.Hash;

    public byte[] EncodeBody() => EncodeBody(Extrinsics);

    public static byte[] EncodeBody(IReadOnlyList<Extrinsic> extrinsics)
    {
        var w = new ScaleWriter();
        w.WriteCompact((ulong)extrinsics.Count);
        foreach (var x in extrinsics) w.WriteFixed(x.Encoded);
        return w.ToArray();
    }

    public static IReadOnlyList<Extrinsic> DecodeBody(ReadOnlySpan<byte> bytes)
    {
        var r = new ScaleReader(bytes);
        var count = r.ReadCompactU64();
        if (count > MaxExtrinsics) throw new ScaleDecodeException($"block body declares {count} extrinsics, at most {MaxExtrinsics} allowed");
        var list = new List<Extrinsic>((int)count);
        for (var i = 0UL; i < count; i++)
        {
            // Each extrinsic starts with its own compact length; peek it to slice the exact bytes.
            var start = bytes.Length - r.Remaining;
            var len = r.ReadCompactU64();
            var prefix = bytes.Length - r.Remaining - start;
            if (len > (ulong)r.Remaining) throw new ScaleDecodeException("extrinsic runs past the end of the block body");
            r.ReadFixed((int)len);
            list.Add(Extrinsic.Decode(bytes.Slice(start, prefix + (int)len)));
        }
        r.EnsureEnd();
        return list;
    }

    /// <summary>
    /// Commitment to the body: blake2b-256 of the SCALE vector of extrinsic hashes. (Substrate uses a trie root here;
    /// a flat hash commits equally well to an ordered list and needs no trie — see docs/adr.)
    /// </summary>
    public static Hash256 ExtrinsicsRoot(IReadOnlyList<Extrinsic> extrinsics)
    {
        var w = new ScaleWriter();
        w.WriteCompact((ulong)extrinsics.Count);
        foreach (var x in extrinsics) w.WriteFixed(x.Hash.AsSpan());
        return Blake2b.Hash256(w.WrittenSpan);
    }
}
