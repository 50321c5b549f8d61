using TaoSharp.Primitives;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.Tree;

namespace TaoSharp.Storage;

/// <summary>
/// The state as a block executor sees it: read the head state, execute a block into a
/// <see cref="StateOverlay"/>, then <see cref="Commit"/> its changes, the new state-tree nodes, the
/// head-root record and the caller's block data in ONE atomic write batch. The state column holds the
/// head state only; tree nodes are content-addressed and never deleted (no pruning yet).
/// One writer at a time; readers use <see cref="State"/> or a snapshot.
/// </summary>
public sealed class StateDb
{
    private readonly IKeyValueStore _store;
    private readonly StateTree _tree;
    private readonly Lock _commitLock = new();
    // The last preview, reused by Commit when neither the overlay nor the tree moved since (block
    // production previews the root for the header, then commits the same overlay).
    private (StateOverlay Overlay, long Version, IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes, StateTreeUpdate Update)? _preview;

    private StateDb(IKeyValueStore store, StateTree tree)
    {
        _store = store;
        _tree = tree;
        State = new ColumnStateReader(store);
    }

    /// <summary>Key of the head-root record in <see cref="KvColumn.StateTree"/>; never 32 bytes long, so it cannot clash with a node hash.</summary>
    public static ReadOnlySpan<byte> HeadRootKey => "head-root"u8;

    /// <summary>Opens the state at the head root recorded in <paramref name="store"/> (empty state for a new store).</summary>
    public static StateDb Open(IKeyValueStore store, StateTreeOptions? treeOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = store.Get(KvColumn.StateTree, HeadRootKey);
        Hash256 root;
        if (record is null) root = StateTree.EmptyRoot;
        else if (record.Length == Hash256.Length) root = Hash256.FromBytes(record);
        else throw new StateTreeCorruptException($"head-root record has {record.Length} bytes, expected {Hash256.Length}");
        return new StateDb(store, StateTree.Open(store, root, treeOptions));
    }

    public IKeyValueStore Store => _store;

    /// <summary>Root of the committed head state.</summary>
    public Hash256 StateRoot => _tree.Root;

    /// <summary>Live view of the committed head state.</summary>
    public IStateReader State { get; }

    /// <summary>A fresh changeset over the head state, for executing one block.</summary>
    public StateOverlay CreateOverlay() => new(State);

    /// <summary>A consistent read-only view of the head state as of now; dispose it when done.</summary>
    public StateSnapshot OpenSnapshot() => new(_store.GetSnapshot());

    /// <summary>The root the state would have after committing <paramref name="overlay"/>, without writing anything.</summary>
    public Hash256 PreviewRoot(StateOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        lock (_commitLock) return PrepareCached(overlay).Update.Root;
    }

    /// <summary>
    /// Writes the overlay's changes, the tree nodes they create, the new head root and whatever
    /// <paramref name="extraWrites"/> adds (it receives the new root, e.g. to store a header that
    /// contains it) in a single atomic batch; returns the new state root.
    /// </summary>
    public Hash256 Commit(StateOverlay overlay, Action<Hash256, IWriteBatch>? extraWrites = null)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        lock (_commitLock)
        {
            var (changes, update) = PrepareCached(overlay);
            _preview = null;
            using var batch = _store.CreateBatch();
            foreach (var (key, value) in changes)
            {
                if (value is null) batch.Delete(KvColumn.State, key);
                else batch.Put(KvColumn.State, key, value);
            }
            _tree.Write(update, batch);
            batch.Put(KvColumn.StateTree, HeadRootKey, update.Root.AsSpan());
            extraWrites?.Invoke(update.Root, batch);
            _store.Write(batch);
            // Only now does the in-memory tree move: a failed write leaves it at the committed root.
            _tree.Advance(update);
            return update.Root;
        }
    }

    private (IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes, StateTreeUpdate Update) PrepareCached(StateOverlay overlay)
    {
        // An update is only valid against the root it was prepared on; Advance also checks this.
        if (_preview is { } cached && ReferenceEquals(cached.Overlay, overlay) && cached.Version == overlay.Version
            && cached.Update.BaseRootHash == _tree.Root)
            return (cached.Changes, cached.Update);
        var changes = overlay.Changes;
        var update = _tree.Prepare(changes);
        _preview = (overlay, overlay.Version, changes, update);
        return (changes, update);
    }
}

/// <summary>A frozen view of the state; reads stay consistent while blocks keep committing.</summary>
public sealed class StateSnapshot(IKeyValueSnapshot snapshot) : IStateReader, IVersionedReader, IDisposable
{
    /// <summary>A snapshot never changes.</summary>
    public long? ReadVersion => 0;

    public byte[]? Get(ReadOnlySpan<byte> key) => snapshot.Get(KvColumn.State, key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(byte[] prefix) => snapshot.IteratePrefix(KvColumn.State, prefix);

    /// <summary>The head root as of this snapshot.</summary>
    public Hash256 StateRoot => snapshot.Get(KvColumn.StateTree, StateDb.HeadRootKey) is { Length: Hash256.Length } record
        ? Hash256.FromBytes(record)
        : StateTree.EmptyRoot;

    public void Dispose() => snapshot.Dispose();
}
