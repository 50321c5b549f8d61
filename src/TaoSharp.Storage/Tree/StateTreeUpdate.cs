using TaoSharp.Primitives;

namespace TaoSharp.Storage.Tree;

/// <summary>The outcome of <see cref="IStateTree.Prepare"/>: the new root and the nodes still to persist.</summary>
public sealed class StateTreeUpdate
{
    internal StateTreeUpdate(TreeNode? baseRoot, TreeNode? newRoot, IReadOnlyList<TreeNode> newNodes)
    {
        BaseRoot = baseRoot;
        NewRoot = newRoot;
        NewNodes = newNodes;
        Root = newRoot is null ? StateTree.EmptyRoot : Hash256.FromBytes(newRoot.Hash);
    }

    public Hash256 Root { get; }

    /// <summary>How many tree nodes this update writes (a measure of its incremental cost).</summary>
    public int NewNodeCount => NewNodes.Count;

    internal TreeNode? BaseRoot { get; }

    internal TreeNode? NewRoot { get; }

    internal IReadOnlyList<TreeNode> NewNodes { get; }
}
