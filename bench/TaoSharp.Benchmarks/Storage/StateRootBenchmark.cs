using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TaoSharp.Primitives;
using TaoSharp.Storage;
using TaoSharp.Storage.Tree;

namespace TaoSharp.Benchmarks.Storage;

/// <summary>
/// A 1M-entry state in RocksDB, then blocks that each change 10 000 keys (half updates of existing
/// keys, half inserts). "warm" keeps the tree's node cache from the previous blocks; "cold" reopens
/// the tree at the head root first, so every touched node is read from RocksDB.
/// Each benchmark call is one full block commit: state writes + new tree nodes + root, one batch.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class StateRootBenchmark
{
    private const int ChangeSize = 10_000;
    private byte[][] _keys = [];
    private string _dir = "";
    private TaoSharp.Storage.RocksDb.RocksDbKeyValueStore? _store;
    private StateDb? _db;
    private int _block;

    [GlobalSetup]
    public void Setup()
    {
        _keys = StorageBenchData.RandomArrays(StorageBenchData.StateSize, seed: 1);
        var values = StorageBenchData.RandomArrays(StorageBenchData.StateSize, seed: 2);
        _dir = StorageBenchData.NewTempDir();
        _store = StorageBenchData.OpenRocks(_dir);
        _db = StateDb.Open(_store);
        for (int start = 0; start < _keys.Length; start += 100_000)
        {
            var overlay = _db.CreateOverlay();
            for (int i = start; i < start + 100_000; i++) overlay.Set(_keys[i], values[i]);
            _db.Commit(overlay);
        }
    }

    [IterationSetup(Target = nameof(CommitBlockCold))]
    public void Reopen() => _db = StateDb.Open(_store!);

    [Benchmark(Description = "10k-key block on 1M state, warm tree cache")]
    public Hash256 CommitBlockWarm() => CommitBlock();

    [Benchmark(Description = "10k-key block on 1M state, tree reopened (cold)")]
    public Hash256 CommitBlockCold() => CommitBlock();

    private Hash256 CommitBlock()
    {
        var random = new Random(100 + _block++);
        var overlay = _db!.CreateOverlay();
        var value = new byte[32];
        for (int i = 0; i < ChangeSize; i++)
        {
            random.NextBytes(value);
            if (i % 2 == 0)
            {
                overlay.Set(_keys[random.Next(_keys.Length)], value);
            }
            else
            {
                var key = new byte[32];
                random.NextBytes(key);
                overlay.Set(key, value);
            }
        }
        return _db.Commit(overlay);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        StorageBenchData.DeleteDir(_dir);
    }
}
