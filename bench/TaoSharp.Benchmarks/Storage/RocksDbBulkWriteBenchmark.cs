using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;

namespace TaoSharp.Benchmarks.Storage;

/// <summary>1 million random 32-byte keys (32-byte values) written into a fresh RocksDB in batches of 10 000.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class RocksDbBulkWriteBenchmark
{
    private byte[][] _keys = [];
    private byte[][] _values = [];
    private string _dir = "";
    private RocksDbKeyValueStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _keys = StorageBenchData.RandomArrays(StorageBenchData.StateSize, seed: 1);
        _values = StorageBenchData.RandomArrays(StorageBenchData.StateSize, seed: 2);
    }

    [IterationSetup]
    public void OpenFresh()
    {
        _dir = StorageBenchData.NewTempDir();
        _store = StorageBenchData.OpenRocks(_dir);
    }

    [Benchmark(Description = "1M random 32-byte puts, batches of 10k")]
    public void WriteMillion() => StorageBenchData.WriteInBatches(_store!, KvColumn.State, _keys, _values);

    [IterationCleanup]
    public void Remove()
    {
        _store?.Dispose();
        StorageBenchData.DeleteDir(_dir);
    }
}
