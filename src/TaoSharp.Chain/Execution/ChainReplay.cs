using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Genesis;
using TaoSharp.Chain.Persistence;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Chain.Execution;

/// <summary>
/// Re-executes a stored chain from genesis in a fresh in-memory store, checking every signature, extrinsics root
/// and state root on the way (the crash test and `tao node --verify` use it to prove a store is consistent).
/// </summary>
public static class ChainReplay
{
    /// <summary>Returns the re-executed head; throws <see cref="InvalidBlockException"/> at the first block that does not reproduce.</summary>
    public static BlockHeader Replay(ChainDatabase source, GenesisSpec genesis, ChainOptions options)
    {
        var head = source.Head ?? throw new InvalidOperationException("the store has no blocks");
        using var fresh = Blockchain.Open(new InMemoryKeyValueStore(), genesis, options);
        if (source.HashAt(0) != fresh.Head.Hash)
            throw new InvalidBlockException("the stored genesis differs from the genesis config");
        for (var n = 1UL; n <= head.Number; n++)
        {
            var hash = source.HashAt(n) ?? throw new InvalidBlockException($"block #{n} is missing from the store");
            var block = source.GetBlock(hash) ?? throw new InvalidBlockException($"block #{n} ({hash}) has no body");
            fresh.ImportBlock(block);
        }
        return fresh.Head;
    }
}
