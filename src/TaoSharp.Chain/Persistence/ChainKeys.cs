using System.Buffers.Binary;
using TaoSharp.Primitives;

namespace TaoSharp.Chain.Persistence;

/// <summary>Key layout of block data in the store's Chain column (one-byte tag + id).</summary>
internal static class ChainKeys
{
    /// <summary>The committed head: block hash (32 bytes) — written in the same batch as the block, so it is never ahead of it.</summary>
    public static readonly byte[] Head = "H"u8.ToArray();

    public static byte[] HashByNumber(ulong number)
    {
        var k = new byte[9];
        k[0] = (byte)'n';
        // Big-endian so keys sort by number.
        BinaryPrimitives.WriteUInt64BigEndian(k.AsSpan(1), number);
        return k;
    }

    public static byte[] Header(Hash256 block) => Tagged('h', block);
    public static byte[] Body(Hash256 block) => Tagged('b', block);
    public static byte[] Events(Hash256 block) => Tagged('e', block);

    /// <summary>Extrinsic hash → (block hash, index): where a transaction was included.</summary>
    public static byte[] ExtrinsicLocation(Hash256 extrinsic) => Tagged('x', extrinsic);

    private static byte[] Tagged(char tag, Hash256 id)
    {
        var k = new byte[33];
        k[0] = (byte)tag;
        id.AsSpan().CopyTo(k.AsSpan(1));
        return k;
    }
}
