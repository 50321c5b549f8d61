using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Chain.Blocks;

/// <summary>
/// A block header. SCALE layout: parent_hash ++ Compact(number) ++ state_root ++ extrinsics_root ++ u64 timestamp
/// (ms since the Unix epoch, set by the author) ++ author (32 bytes). The block hash is blake2b-256 of these bytes.
/// </summary>
public sealed record BlockHeader(Hash256 ParentHash, ulong Number, Hash256 StateRoot, Hash256 ExtrinsicsRoot, ulong Timestamp, AccountId Author)
{
    private byte[]? _encoded;
    private Hash256? _hash;

    public byte[] Encode()
    {
        if (_encoded is not null) return _encoded;
        var w = new ScaleWriter();
        w.WriteFixed(ParentHash.AsSpan());
        w.WriteCompact(Number);
        w.WriteFixed(StateRoot.AsSpan());
        w.WriteFixed(ExtrinsicsRoot.AsSpan());
        w.WriteU64(Timestamp);
        w.WriteFixed(Author.AsSpan());
        return _encoded = w.ToArray();
    }

    public Hash256 Hash => _hash ??= Blake2b.Hash256(Encode());

    // Equality is over the encoded fields (the hash), not the cached encoding.
    public bool Equals(BlockHeader? other) => other is not null && Hash == other.Hash;

    public override int GetHashCode() => Hash.GetHashCode();

    public static BlockHeader Decode(ref ScaleReader r) => new(
        Hash256.FromBytes(r.ReadFixed(32)), r.ReadCompactU64(), Hash256.FromBytes(r.ReadFixed(32)),
        Hash256.FromBytes(r.ReadFixed(32)), r.ReadU64(), AccountId.FromBytes(r.ReadFixed(32)));

    public static BlockHeader Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new ScaleReader(bytes);
        var h = Decode(ref r);
        r.EnsureEnd();
        return h;
    }
}
