using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage.Tree;

/// <summary>
/// Binary radix (crit-bit) Merkle tree over path = blake2b-256(key). A branch exists exactly where
/// the paths below it first differ, so the shape — and hence the root — is a function of the entry
/// set alone, whatever the order of writes. Nodes are content-addressed in the store's
/// <see cref="KvColumn.StateTree"/> column and loaded lazily; see docs/storage.md and docs/adr/0002-state-root.md.
/// Single-threaded: one writer owns the tree.
/// </summary>
public sealed class StateTree : IStateTree
{
    /// <summary>Root of the empty state.</summary>
    public static readonly Hash256 EmptyRoot = Hash256.Zero;

    private readonly TreeNodeStore _nodes;
    private readonly StateTreeOptions _options;
    private TreeNode? _root;
    // Estimated nodes reachable in memory from _root: + loaded + created − superseded (old versions
    // become garbage once the root moves past them). Drives cache trimming.
    private long _residentEstimate;
    private long _loadedSeen;
    // Nodes replaced or removed by the Prepare in progress (Prepare is not reentrant: one writer).
    private int _superseded;

    private StateTree(TreeNodeStore nodes, TreeNode? root, StateTreeOptions options)
    {
        _nodes = nodes;
        _root = root;
        _options = options;
    }

    /// <summary>Opens the tree whose root is <paramref name="root"/>, reading nodes from <paramref name="reader"/>.</summary>
    public static StateTree Open(IKeyValueReader reader, Hash256 root, StateTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var nodes = new TreeNodeStore(reader);
        var rootNode = root == EmptyRoot ? null : nodes.Load(root.ToArray());
        return new StateTree(nodes, rootNode, options ?? StateTreeOptions.Default);
    }

    /// <summary>The root of <paramref name="entries"/> built from scratch in memory (nothing is stored).</summary>
    public static Hash256 ComputeRoot(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        var changes = ToChanges(entries.Select(e => new KeyValuePair<byte[], byte[]?>(e.Key, e.Value)));
        var leaves = new List<TreeNode>(changes.Length);
        foreach (var change in changes)
            if (change.ValueHash is not null) leaves.Add(new LeafNode(change.Path, change.ValueHash));
        var root = Build(leaves, 0, leaves.Count);
        return root is null ? EmptyRoot : Hash256.FromBytes(root.Hash);
    }

    public Hash256 Root => _root is null ? EmptyRoot : Hash256.FromBytes(_root.Hash);

    public StateTreeUpdate Prepare(IEnumerable<KeyValuePair<byte[], byte[]?>> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var sorted = ToChanges(changes);
        _superseded = 0;
        var newRoot = Update(_root, sorted);
        var created = new List<TreeNode>();
        CollectUnpersisted(newRoot, created);
        return new StateTreeUpdate(Root, newRoot, created, _superseded);
    }

    public void Write(StateTreeUpdate update, IWriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var node in update.NewNodes) TreeNodeStore.Write(batch, node);
    }

    public void Advance(StateTreeUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        // Nodes are content-addressed, so an update prepared on an equal root applies to this one.
        if (update.BaseRootHash != Root)
            throw new InvalidOperationException("the state tree update was prepared against a different root");
        foreach (var node in update.NewNodes) node.Persisted = true;
        _root = update.NewRoot;
        _residentEstimate += _nodes.LoadedCount - _loadedSeen + update.NewNodeCount - update.SupersededCount;
        _loadedSeen = _nodes.LoadedCount;
        if (_residentEstimate > _options.ResidentNodeBudget) Trim();
    }

    /// <summary>Prepare, write into <paramref name="batch"/> and advance in one step.</summary>
    public Hash256 Apply(IEnumerable<KeyValuePair<byte[], byte[]?>> changes, IWriteBatch batch)
    {
        var update = Prepare(changes);
        Write(update, batch);
        Advance(update);
        return update.Root;
    }

    /// <summary>A change of one entry: its path and the new value's hash (null = delete).</summary>
    private readonly record struct Change(byte[] Path, byte[]? ValueHash);

    private static Change[] ToChanges(IEnumerable<KeyValuePair<byte[], byte[]?>> changes)
    {
        // Last write of a key wins, as it would in the store.
        var byPath = new Dictionary<byte[], byte[]?>(ByteKeyComparer.Instance);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(key);
            byPath[Hash(key)] = value is null ? null : Hash(value);
        }
        var sorted = new Change[byPath.Count];
        int i = 0;
        foreach (var (path, valueHash) in byPath) sorted[i++] = new Change(path, valueHash);
        Array.Sort(sorted, static (a, b) => a.Path.AsSpan().SequenceCompareTo(b.Path));
        return sorted;
    }

    private static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[TreeNode.HashLength];
        Blake2b.Hash(data, hash);
        return hash;
    }

    private TreeNode? Update(TreeNode? node, ReadOnlySpan<Change> changes)
    {
        if (changes.IsEmpty) return node;
        var updated = node switch
        {
            null => BuildInserts(changes, []),
            LeafNode leaf => UpdateLeaf(leaf, changes),
            BranchNode branch => UpdateBranch(branch, changes),
            _ => throw new InvalidOperationException("unknown tree node type"),
        };
        if (node is not null && !ReferenceEquals(updated, node)) _superseded++;
        return updated;
    }

    private static TreeNode? UpdateLeaf(LeafNode leaf, ReadOnlySpan<Change> changes)
    {
        var items = new List<TreeNode>(changes.Length + 1);
        bool placed = false;
        foreach (var change in changes)
        {
            int order = change.Path.AsSpan().SequenceCompareTo(leaf.Path);
            if (!placed && order > 0)
            {
                items.Add(leaf);
                placed = true;
            }
            if (order == 0)
            {
                placed = true;
                if (change.ValueHash is null) continue;
                // Re-writing the same value keeps the existing (persisted) node.
                items.Add(change.ValueHash.AsSpan().SequenceEqual(leaf.ValueHash) ? leaf : new LeafNode(change.Path, change.ValueHash));
            }
            else if (change.ValueHash is not null)
            {
                items.Add(new LeafNode(change.Path, change.ValueHash));
            }
        }
        if (!placed) items.Add(leaf);
        return Build(items, 0, items.Count);
    }

    private TreeNode? UpdateBranch(BranchNode branch, ReadOnlySpan<Change> changes)
    {
        int bit = branch.Bit;
        var representative = branch.Representative;
        // Sorted changes fall into three runs: paths before the branch's prefix, inside it, after it.
        int start = 0;
        while (start < changes.Length && Outside(changes[start].Path, representative, bit, out bool before) && before) start++;
        int end = start;
        while (end < changes.Length && !Outside(changes[end].Path, representative, bit, out _)) end++;

        var merged = end > start ? UpdateInside(branch, changes[start..end]) : branch;

        // Outside the prefix no entry exists (this subtree holds all of the parent's paths on this
        // side), so deletions there are no-ops and insertions become new siblings of the subtree.
        var preceding = changes[..start];
        var following = changes[end..];
        if (!HasInsert(preceding) && !HasInsert(following)) return merged;
        return BuildInserts(preceding, merged is null ? [] : [merged], following);
    }

    private TreeNode? UpdateInside(BranchNode branch, ReadOnlySpan<Change> inside)
    {
        int bit = branch.Bit;
        int split = 0;
        while (split < inside.Length && KeyBits.Get(inside[split].Path, bit) == 0) split++;
        var leftChanges = inside[..split];
        var rightChanges = inside[split..];

        var newLeft = leftChanges.IsEmpty ? null : Update(_nodes.LeftOf(branch), leftChanges);
        var newRight = rightChanges.IsEmpty ? null : Update(_nodes.RightOf(branch), rightChanges);
        bool leftKept = leftChanges.IsEmpty || newLeft is not null;
        bool rightKept = rightChanges.IsEmpty || newRight is not null;

        if (leftKept && rightKept)
        {
            bool leftSame = leftChanges.IsEmpty || ReferenceEquals(newLeft, branch.Left);
            bool rightSame = rightChanges.IsEmpty || ReferenceEquals(newRight, branch.Right);
            if (leftSame && rightSame) return branch;
            return new BranchNode(
                bit,
                leftChanges.IsEmpty ? branch.Representative : newLeft!.Representative,
                leftChanges.IsEmpty ? branch.LeftHash : newLeft!.Hash,
                rightChanges.IsEmpty ? branch.RightHash : newRight!.Hash,
                leftChanges.IsEmpty ? branch.Left : newLeft,
                rightChanges.IsEmpty ? branch.Right : newRight);
        }
        // One side emptied: the branch disappears and the surviving side moves up.
        if (leftKept) return leftChanges.IsEmpty ? _nodes.LeftOf(branch) : newLeft;
        if (rightKept) return rightChanges.IsEmpty ? _nodes.RightOf(branch) : newRight;
        return null;
    }

    private static bool Outside(byte[] path, byte[] representative, int bit, out bool before)
    {
        int difference = KeyBits.FirstDifference(path, representative);
        before = difference < bit && KeyBits.Get(path, difference) == 0;
        return difference < bit;
    }

    private static bool HasInsert(ReadOnlySpan<Change> changes)
    {
        foreach (var change in changes)
            if (change.ValueHash is not null) return true;
        return false;
    }

    /// <summary>Builds the subtree of the inserted leaves of <paramref name="before"/>, the existing subtrees, and those of <paramref name="after"/>.</summary>
    private static TreeNode? BuildInserts(ReadOnlySpan<Change> before, ReadOnlySpan<TreeNode> middle, ReadOnlySpan<Change> after = default)
    {
        var items = new List<TreeNode>(before.Length + middle.Length + after.Length);
        foreach (var change in before)
            if (change.ValueHash is not null) items.Add(new LeafNode(change.Path, change.ValueHash));
        foreach (var node in middle) items.Add(node);
        foreach (var change in after)
            if (change.ValueHash is not null) items.Add(new LeafNode(change.Path, change.ValueHash));
        return Build(items, 0, items.Count);
    }

    /// <summary>
    /// Crit-bit build over items sorted by path whose regions are disjoint (leaves, or subtrees whose
    /// own prefix is longer than any difference between items): split at the first bit where the
    /// first and last item differ, which in a sorted run is the first bit where any two differ.
    /// </summary>
    private static TreeNode? Build(List<TreeNode> items, int lo, int hi)
    {
        if (hi == lo) return null;
        if (hi - lo == 1) return items[lo];
        int bit = KeyBits.FirstDifference(items[lo].Representative, items[hi - 1].Representative);
        int a = lo, b = hi;
        while (a < b)
        {
            int mid = (a + b) >>> 1;
            if (KeyBits.Get(items[mid].Representative, bit) == 0) a = mid + 1;
            else b = mid;
        }
        var left = Build(items, lo, a)!;
        var right = Build(items, a, hi)!;
        return new BranchNode(bit, left.Representative, left, right);
    }

    private static void CollectUnpersisted(TreeNode? node, List<TreeNode> created)
    {
        if (node is null || node.Persisted) return;
        created.Add(node);
        if (node is BranchNode branch)
        {
            CollectUnpersisted(branch.Left, created);
            CollectUnpersisted(branch.Right, created);
        }
    }

    /// <summary>Drops cached children below <see cref="StateTreeOptions.PinnedDepth"/>; they reload from the store on demand.</summary>
    private void Trim() => _residentEstimate = TrimBelow(_root, 0);

    /// <summary>Unlinks cached children below the pinned depth; returns how many nodes stay linked.</summary>
    private long TrimBelow(TreeNode? node, int depth)
    {
        if (node is null) return 0;
        if (node is not BranchNode branch) return 1;
        if (depth >= _options.PinnedDepth)
        {
            branch.Left = null;
            branch.Right = null;
            return 1;
        }
        return 1 + TrimBelow(branch.Left, depth + 1) + TrimBelow(branch.Right, depth + 1);
    }
}
