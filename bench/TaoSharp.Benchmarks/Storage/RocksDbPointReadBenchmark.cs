using BenchmarkDotNet.Attributes;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;

namespace TaoSharp.Benchmarks.Storage;

/// <summary>Warm point reads of existing keys from a 1M-entry RocksDB (random order).</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RocksDbPointReadBenchmark
{
    private const int ReadsPerInvoke = 100_000;
    private byte[][] _keys = [];
    private int[] _order = [];
    private string _dir = "";
    private RocksDbKeyValueStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _keys = StorageBenchData.RandomArrays(StorageBenchData.StateSize, seed: 1);
        _dir = StorageBenchData.NewTempDir();
        _store = StorageBenchData.OpenRocks(_dir);
        StorageBenchData.WriteInBatches(_store, KvColumn.State, _keys, StorageBenchData.RandomArrays(StorageBenchData.StateSize, seed: 2));
        _store.CompactAll(); // measure reads, not the compaction the bulk load leaves behind
        var random = new Random(3);
        _order = Enumerable.Range(0, ReadsPerInvoke).Select(_ => random.Next(_keys.Length)).ToArray();
        foreach (var key in _keys) _store.Get(KvColumn.State, key); // warm the block cache
    }

    [Benchmark(OperationsPerInvoke = ReadsPerInvoke, Description = "point read (warm, 1M keys)")]
    public int Read()
    {
        int found = 0;
        foreach (int i in _order)
            if (_store!.Get(KvColumn.State, _keys[i]) is not null) found++;
        return found;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        StorageBenchData.DeleteDir(_dir);
    }
}
