using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;

namespace TaoSharp.Benchmarks.Storage;

/// <summary>Deterministic keys/values and temp-dir handling shared by the storage benchmarks.</summary>
internal static class StorageBenchData
{
    public const int StateSize = 1_000_000;
    public const int BatchSize = 10_000;

    /// <summary><paramref name="count"/> random 32-byte arrays from a fixed seed.</summary>
    public static byte[][] RandomArrays(int count, int seed)
    {
        var random = new Random(seed);
        var result = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            result[i] = new byte[32];
            random.NextBytes(result[i]);
        }
        return result;
    }

    public static string NewTempDir() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "taosharp-bench-" + Guid.NewGuid().ToString("N"))).FullName;

    public static void DeleteDir(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    public static void WriteInBatches(IKeyValueStore store, KvColumn column, byte[][] keys, byte[][] values)
    {
        for (int start = 0; start < keys.Length; start += BatchSize)
        {
            using var batch = store.CreateBatch();
            int end = System.Math.Min(keys.Length, start + BatchSize);
            for (int i = start; i < end; i++) batch.Put(column, keys[i], values[i]);
            store.Write(batch);
        }
    }

    public static RocksDbKeyValueStore OpenRocks(string path) => RocksDbKeyValueStore.Open(path);
}
