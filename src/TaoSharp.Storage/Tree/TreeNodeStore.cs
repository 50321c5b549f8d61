using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage.Tree;

/// <summary>Loads tree nodes by hash from the store's <see cref="KvColumn.StateTree"/> column and writes new ones.</summary>
internal sealed class TreeNodeStore(IKeyValueReader reader)
{
    /// <summary>Nodes read from the store so far (drives cache trimming).</summary>
    public long LoadedCount { get; private set; }

    public TreeNode Load(byte[] hash)
    {
        var encoded = reader.Get(KvColumn.StateTree, hash)
            ?? throw new StateTreeCorruptException($"state tree node 0x{Convert.ToHexStringLower(hash)} is missing from the store");
        LoadedCount++;
        return encoded switch
        {
            [LeafNode.Tag, ..] when encoded.Length == LeafNode.EncodedLength => LeafNode.Decode(hash, encoded),
            [BranchNode.Tag, ..] when encoded.Length == BranchNode.EncodedLength => BranchNode.Decode(hash, encoded),
            _ => throw new StateTreeCorruptException(
                $"state tree node 0x{Convert.ToHexStringLower(hash)} is malformed ({encoded.Length} bytes)"),
        };
    }

    public TreeNode LeftOf(BranchNode branch) => branch.Left ??= Load(branch.LeftHash);

    public TreeNode RightOf(BranchNode branch) => branch.Right ??= Load(branch.RightHash);

    public static void Write(IWriteBatch batch, TreeNode node) => batch.Put(KvColumn.StateTree, node.Hash, node.Encode());
}
