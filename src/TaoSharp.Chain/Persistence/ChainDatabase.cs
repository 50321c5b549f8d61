using System.Buffers.Binary;
using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.Tree;

namespace TaoSharp.Chain.Persistence;

/// <summary>A block's state changes with the state root they produce, ready to be committed with the block.</summary>
public sealed class PreparedState
{
    internal PreparedState(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateTreeUpdate update)
    {
        Changes = changes;
        Update = update;
    }

    public Hash256 StateRoot => Update.Root;

    internal IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes { get; }

    internal StateTreeUpdate Update { get; }
}

/// <summary>
/// Blocks and head state in one key-value store. The State column holds the head's state, the StateTree column the
/// Merkle nodes of its root, the Chain column headers, bodies, events and indexes. A block is committed with
/// its state changes, tree nodes and the new head pointer in ONE write batch, so after a crash the store holds
/// either the whole block or none of it. Single writer (the block author); readers may run concurrently.
/// </summary>
public sealed class ChainDatabase : IDisposable
{
    private readonly IKeyValueStore _store;
    private readonly Lock _writeLock = new();
    private StateTree _tree;
    private volatile BlockHeader? _head;

    private ChainDatabase(IKeyValueStore store, StateTree tree, BlockHeader? head)
    {
        _store = store;
        _tree = tree;
        _head = head;
    }

    /// <summary>Opens a store, resuming from its committed head (empty store → no head until genesis is committed).</summary>
    public static ChainDatabase Open(IKeyValueStore store)
    {
        var headHash = store.Get(KvColumn.Chain, ChainKeys.Head);
        if (headHash is null) return new ChainDatabase(store, StateTree.Open(store, StateTree.EmptyRoot), null);
        var header = ReadHeader(store, Hash256.FromBytes(headHash))
            ?? throw new InvalidDataException("the store's head pointer names a block whose header is missing");
        var tree = StateTree.Open(store, header.StateRoot);
        return new ChainDatabase(store, tree, header);
    }

    public BlockHeader? Head => _head;

    /// <summary>The committed head state (live view; RPC reads and block authoring read through this).</summary>
    public IStateReader HeadState => new ColumnStateReader(_store);

    /// <summary>The root the state tree currently commits to (must equal the head header's state root).</summary>
    public Hash256 TreeRoot => _tree.Root;

    public PreparedState Prepare(StateOverlay overlay)
    {
        var changes = overlay.Changes;
        lock (_writeLock) return new PreparedState(changes, _tree.Prepare(changes));
    }

    /// <summary>Writes the block, its events, its state changes and the head pointer atomically, then makes it the head.</summary>
    public void Commit(Block block, BlockEvents events, PreparedState state)
    {
        if (block.Header.StateRoot != state.StateRoot)
            throw new InvalidOperationException("the header's state root does not match the prepared state");
        lock (_writeLock)
        {
            var head = _head;
            if (head is null ? block.Header.Number != 0 : block.Header.ParentHash != head.Hash)
                throw new InvalidOperationException($"block #{block.Header.Number} does not extend the head");
            using var batch = _store.CreateBatch();
            foreach (var (key, value) in state.Changes)
            {
                if (value is null) batch.Delete(KvColumn.State, key);
                else batch.Put(KvColumn.State, key, value);
            }
            _tree.Write(state.Update, batch);
            var hash = block.Hash;
            batch.Put(KvColumn.Chain, ChainKeys.Header(hash), block.Header.Encode());
            batch.Put(KvColumn.Chain, ChainKeys.Body(hash), block.EncodeBody());
            batch.Put(KvColumn.Chain, ChainKeys.Events(hash), events.Encode());
            batch.Put(KvColumn.Chain, ChainKeys.HashByNumber(block.Header.Number), hash.AsSpan());
            var location = new byte[36];
            hash.AsSpan().CopyTo(location);
            for (var i = 0; i < block.Extrinsics.Count; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(location.AsSpan(32), (uint)i);
                batch.Put(KvColumn.Chain, ChainKeys.ExtrinsicLocation(block.Extrinsics[i].Hash), location);
            }
            batch.Put(KvColumn.Chain, ChainKeys.Head, hash.AsSpan());
            _store.Write(batch);
            _tree.Advance(state.Update);
            _head = block.Header;
        }
    }

    public Hash256? HashAt(ulong number)
    {
        var head = _head;
        if (head is null || number > head.Number) return null;
        var v = _store.Get(KvColumn.Chain, ChainKeys.HashByNumber(number));
        return v is null ? null : Hash256.FromBytes(v);
    }

    public BlockHeader? GetHeader(Hash256 hash) => ReadHeader(_store, hash);

    public Block? GetBlock(Hash256 hash)
    {
        var header = GetHeader(hash);
        var body = _store.Get(KvColumn.Chain, ChainKeys.Body(hash));
        return header is null || body is null ? null : new Block(header, Block.DecodeBody(body));
    }

    public BlockEvents? GetEvents(Hash256 hash)
    {
        var v = _store.Get(KvColumn.Chain, ChainKeys.Events(hash));
        return v is null ? null : BlockEvents.Decode(v);
    }

    /// <summary>Where a transaction was included, if it is in a committed block.</summary>
    public (Hash256 Block, uint Index)? FindExtrinsic(Hash256 extrinsicHash)
    {
        var v = _store.Get(KvColumn.Chain, ChainKeys.ExtrinsicLocation(extrinsicHash));
        if (v is null || v.Length != 36) return null;
        return (Hash256.FromBytes(v.AsSpan(0, 32)), BinaryPrimitives.ReadUInt32LittleEndian(v.AsSpan(32)));
    }

    public void Dispose() => _store.Dispose();

    private static BlockHeader? ReadHeader(IKeyValueReader store, Hash256 hash)
    {
        var v = store.Get(KvColumn.Chain, ChainKeys.Header(hash));
        return v is null ? null : BlockHeader.Decode(v);
    }
}
