using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Chain.Genesis;
using TaoSharp.Chain.Persistence;
using TaoSharp.Chain.Pool;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Chain;

/// <summary>Everything the chain needs besides its store: Runtime call table, block hooks, fees, signature checks and pool limits.</summary>
public sealed record ChainOptions(CallTable Calls, IBlockHooks Hooks, FeeSchedule Fees, ISignatureVerifier Verifier, PoolOptions Pool)
{
    public uint SpecVersion { get; init; } = ChainIdentity.ReferenceSpecVersion;
    public uint TransactionVersion { get; init; } = ChainIdentity.ReferenceTransactionVersion;

    /// <summary>Weight and length budget of one block's extrinsics.</summary>
    public BlockLimits Limits { get; init; } = BlockLimits.Default;
}

/// <summary>A committed block with its events, as announced to subscribers.</summary>
public sealed record ImportedBlock(Block Block, BlockEvents Events);

/// <summary>
/// The chain facade used by block production and RPC: opens or creates the chain in a store, accepts
/// transactions into the pool, authors blocks from the pool and commits them atomically, and answers reads.
/// Authoring is serialised; reads and submissions may come from any thread.
/// </summary>
public sealed class Blockchain : IDisposable
{
    private readonly Lock _authorLock = new();

    private Blockchain(ChainDatabase db, GenesisSpec genesis, ChainIdentity identity, BlockExecutor executor, TransactionPool pool)
    {
        Db = db;
        Genesis = genesis;
        Identity = identity;
        Executor = executor;
        Pool = pool;
    }

    public ChainDatabase Db { get; }
    public GenesisSpec Genesis { get; }
    public ChainIdentity Identity { get; }
    public BlockExecutor Executor { get; }
    public TransactionPool Pool { get; }
    public CallTable Calls => Executor.Validator.Calls;

    public BlockHeader Head => Db.Head!;

    public IStateReader HeadState => Db.HeadState;

    /// <summary>Raised after each block is committed (from the authoring thread).</summary>
    public event Action<ImportedBlock>? BlockImported;

    /// <summary>
    /// Opens the chain stored in <paramref name="store"/>, writing the genesis block first when the store is empty.
    /// A store created from another genesis is refused.
    /// </summary>
    public static Blockchain Open(IKeyValueStore store, GenesisSpec genesis, ChainOptions options)
    {
        var db = ChainDatabase.Open(store);
        var genesisHeader = BuildGenesisHeader(genesis, out var genesisState);
        if (db.Head is null)
        {
            var prepared = db.Prepare(genesisState);
            db.Commit(new Block(genesisHeader, []), BlockEvents.Empty, prepared);
        }
        else if (db.HashAt(0) is var stored && stored != genesisHeader.Hash)
        {
            db.Dispose();
            throw new InvalidOperationException(
                $"the data directory holds another chain (genesis {stored}), not this genesis config ({genesisHeader.Hash})");
        }
        if (db.TreeRoot != db.Head!.StateRoot)
            throw new InvalidDataException($"state tree root {db.TreeRoot} does not match the head's state root {db.Head.StateRoot}");
        var identity = new ChainIdentity(genesisHeader.Hash, options.SpecVersion, options.TransactionVersion);
        var validator = new TransactionValidator(options.Calls, identity, options.Fees, options.Verifier);
        var executor = new BlockExecutor(validator, options.Hooks, options.Limits);
        return new Blockchain(db, genesis, identity, executor, new TransactionPool(validator, options.Pool));
    }

    /// <summary>The genesis header of a spec (its state built over an empty state).</summary>
    public static BlockHeader BuildGenesisHeader(GenesisSpec genesis, out StateOverlay state)
    {
        state = new StateOverlay(new EmptyState());
        genesis.Apply(state);
        var root = Storage.Tree.StateTree.ComputeRoot(state.Changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<byte[], byte[]>(c.Key, c.Value!)));
        return genesis.Header(root);
    }

    public Hash256? HashAt(ulong number) => Db.HashAt(number);

    /// <summary>Decodes and validates a submitted transaction and admits it to the pool.</summary>
    public ValidTransaction Submit(ReadOnlySpan<byte> encoded)
    {
        var x = Extrinsic.Decode(encoded);
        if (Db.FindExtrinsic(x.Hash) is not null)
            throw new InvalidExtrinsicException(InvalidReason.AlreadyImported, "transaction is already in a block");
        return Pool.Submit(x, HeadState, Head.Number + 1, HashAt);
    }

    /// <summary>
    /// Authors one block on the head with up to <paramref name="maxExtrinsics"/> ready transactions, commits it
    /// atomically and updates the pool. Signatures were checked on submission, so they are not checked again here.
    /// </summary>
    public ImportedBlock AuthorBlock(ulong timestampMs, AccountId author, int maxExtrinsics)
    {
        ImportedBlock imported;
        lock (_authorLock)
        {
            var parent = Head;
            var number = parent.Number + 1;
            var candidates = Pool.SelectReady(HeadState, maxExtrinsics);
            var result = Executor.Execute(HeadState, number, HashAt, candidates, dropInvalid: true, checkSignatures: false, author);
            var prepared = Db.Prepare(result.State);
            // Timestamps never go backwards, whatever the wall clock does.
            var header = new BlockHeader(parent.Hash, number, prepared.StateRoot, Block.ExtrinsicsRoot(result.Included),
                System.Math.Max(timestampMs, parent.Timestamp + 1), author);
            var block = new Block(header, result.Included);
            Db.Commit(block, result.Events, prepared);
            imported = new ImportedBlock(block, result.Events);
            Pool.OnBlockImported(block.Hash, result.Included, result.Refused, HeadState, number + 1, HashAt);
            Pool.OnBlockFinalized(block.Hash, result.Included);
        }
        BlockImported?.Invoke(imported);
        return imported;
    }

    /// <summary>
    /// Re-executes a block authored elsewhere (or read back from a store) on the head, checking every signature,
    /// the extrinsics root and the state root, then commits it. Any mismatch throws <see cref="InvalidBlockException"/>.
    /// </summary>
    public ImportedBlock ImportBlock(Block block)
    {
        ImportedBlock imported;
        lock (_authorLock)
        {
            var parent = Head;
            if (block.Header.ParentHash != parent.Hash || block.Header.Number != parent.Number + 1)
                throw new InvalidBlockException($"block #{block.Header.Number} does not extend the head #{parent.Number}");
            if (Block.ExtrinsicsRoot(block.Extrinsics) != block.Header.ExtrinsicsRoot)
                throw new InvalidBlockException("extrinsics root mismatch");
            var result = Executor.Execute(HeadState, block.Header.Number, HashAt, block.Extrinsics, dropInvalid: false, checkSignatures: true, block.Header.Author);
            var prepared = Db.Prepare(result.State);
            if (prepared.StateRoot != block.Header.StateRoot)
                throw new InvalidBlockException($"state root mismatch at #{block.Header.Number}: header {block.Header.StateRoot}, re-execution {prepared.StateRoot}");
            Db.Commit(block, result.Events, prepared);
            imported = new ImportedBlock(block, result.Events);
            Pool.OnBlockImported(block.Hash, block.Extrinsics, [], HeadState, block.Header.Number + 1, HashAt);
        }
        BlockImported?.Invoke(imported);
        return imported;
    }

    public void Dispose() => Db.Dispose();

    private sealed class EmptyState : IStateReader
    {
        public byte[]? Get(ReadOnlySpan<byte> key) => null;

        public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(byte[] prefix) => [];
    }
}
