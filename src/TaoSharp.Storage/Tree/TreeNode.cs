using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Storage.Tree;

/// <summary>
/// A node of the state tree. Nodes are immutable apart from the cached child objects of a branch,
/// which are filled in lazily from the store and may be dropped again to bound memory.
/// </summary>
internal abstract class TreeNode
{
    public const int HashLength = 32;

    protected TreeNode(byte[] hash, bool persisted)
    {
        Hash = hash;
        Persisted = persisted;
    }

    /// <summary>blake2b-256 of the node's hash preimage; also its key in the store.</summary>
    public byte[] Hash { get; }

    /// <summary>The smallest leaf path below this node; its first bits are the subtree's common prefix.</summary>
    public abstract byte[] Representative { get; }

    /// <summary>False for nodes created by an update that has not been written to the store yet.</summary>
    public bool Persisted { get; set; }

    public abstract byte[] Encode();

    protected static byte[] HashOf(ReadOnlySpan<byte> preimage)
    {
        var hash = new byte[HashLength];
        Blake2b.Hash(preimage, hash);
        return hash;
    }
}

/// <summary>One state entry: the path is blake2b-256(key), the value is committed by its blake2b-256.</summary>
internal sealed class LeafNode : TreeNode
{
    public const byte Tag = 0x00;
    public const int EncodedLength = 1 + 2 * HashLength;

    public LeafNode(byte[] path, byte[] valueHash, bool persisted = false)
        : base(HashOf(Preimage(path, valueHash)), persisted)
    {
        Path = path;
        ValueHash = valueHash;
    }

    private LeafNode(byte[] hash, byte[] path, byte[] valueHash)
        : base(hash, persisted: true)
    {
        Path = path;
        ValueHash = valueHash;
    }

    public byte[] Path { get; }

    public byte[] ValueHash { get; }

    public override byte[] Representative => Path;

    public override byte[] Encode() => Preimage(Path, ValueHash);

    /// <summary>Leaf encoding and hash preimage are the same: tag ++ path ++ valueHash.</summary>
    private static byte[] Preimage(byte[] path, byte[] valueHash)
    {
        var bytes = new byte[EncodedLength];
        bytes[0] = Tag;
        path.CopyTo(bytes, 1);
        valueHash.CopyTo(bytes, 1 + HashLength);
        return bytes;
    }

    public static LeafNode Decode(byte[] hash, ReadOnlySpan<byte> encoded) =>
        new(hash, encoded.Slice(1, HashLength).ToArray(), encoded.Slice(1 + HashLength, HashLength).ToArray());
}

/// <summary>
/// A split where the paths below first differ, at <see cref="Bit"/>: left holds paths with that bit 0,
/// right with it 1, and both sides are non-empty. Hash = blake2b-256(tag ++ bit ++ leftHash ++ rightHash).
/// </summary>
internal sealed class BranchNode : TreeNode
{
    public const byte Tag = 0x01;
    // Stored form: tag, bit, representative path, left hash, right hash.
    public const int EncodedLength = 2 + 3 * HashLength;

    public BranchNode(int bit, byte[] representative, TreeNode left, TreeNode right)
        : this(bit, representative, left.Hash, right.Hash, left, right)
    {
    }

    public BranchNode(int bit, byte[] representative, byte[] leftHash, byte[] rightHash, TreeNode? left, TreeNode? right)
        : base(HashOf(Preimage(bit, leftHash, rightHash)), persisted: false)
    {
        Bit = bit;
        Representative = representative;
        LeftHash = leftHash;
        RightHash = rightHash;
        Left = left;
        Right = right;
    }

    private BranchNode(byte[] hash, int bit, byte[] representative, byte[] leftHash, byte[] rightHash)
        : base(hash, persisted: true)
    {
        Bit = bit;
        Representative = representative;
        LeftHash = leftHash;
        RightHash = rightHash;
    }

    public int Bit { get; }

    public override byte[] Representative { get; }

    public byte[] LeftHash { get; }

    public byte[] RightHash { get; }

    /// <summary>Cached left child, or null when not loaded.</summary>
    public TreeNode? Left { get; set; }

    /// <summary>Cached right child, or null when not loaded.</summary>
    public TreeNode? Right { get; set; }

    public override byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        bytes[0] = Tag;
        bytes[1] = (byte)Bit;
        Representative.CopyTo(bytes, 2);
        LeftHash.CopyTo(bytes, 2 + HashLength);
        RightHash.CopyTo(bytes, 2 + 2 * HashLength);
        return bytes;
    }

    private static byte[] Preimage(int bit, byte[] leftHash, byte[] rightHash)
    {
        var bytes = new byte[2 + 2 * HashLength];
        bytes[0] = Tag;
        bytes[1] = (byte)bit;
        leftHash.CopyTo(bytes, 2);
        rightHash.CopyTo(bytes, 2 + HashLength);
        return bytes;
    }

    public static BranchNode Decode(byte[] hash, ReadOnlySpan<byte> encoded) => new(
        hash,
        encoded[1],
        encoded.Slice(2, HashLength).ToArray(),
        encoded.Slice(2 + HashLength, HashLength).ToArray(),
        encoded.Slice(2 + 2 * HashLength, HashLength).ToArray());
}
