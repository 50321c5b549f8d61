using TaoSharp.Primitives;

namespace TaoSharp.Storage.Tree;

/// <summary>The outcome of <see cref="IStateTree.Prepare"/>: the new root and the nodes still to persist.</summary>
public sealed class StateTreeUpdate
{
    internal StateTreeUpdate(Hash256 baseRoot, TreeNode? newRoot, IReadOnlyList<TreeNode> newNodes, int supersededCount)
    {
        SupersededCount = supersededCount;
        NewRoot = newRoot;
        NewNodes = newNodes;
        Root = newRoot is null ? StateTree.EmptyRoot : Hash256.FromBytes(newRoot.Hash);
        BaseRootHash = baseRoot;
    }

    /// <summary>The root this update was prepared against.</summary>
    public Hash256 BaseRootHash { get; }

    public Hash256 Root { get; }

    /// <summary>How many tree nodes this update writes (a measure of its incremental cost).</summary>
    public int NewNodeCount => NewNodes.Count;

    /// <summary>Existing nodes this update replaces or removes (they stay in the store: no pruning).</summary>
    public int SupersededCount { get; }

    internal TreeNode? NewRoot { get; }

    internal IReadOnlyList<TreeNode> NewNodes { get; }
}
