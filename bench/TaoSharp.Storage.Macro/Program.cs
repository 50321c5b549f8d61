using System.Diagnostics;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;

// Usage: dotnet run -c Release --project bench/TaoSharp.Storage.Macro [-- <entries> [<blockKeys>]]
int entries = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
int blockKeys = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
const int BatchSize = 10_000;

var keys = RandomArrays(entries, seed: 1);
var values = RandomArrays(entries, seed: 2);
var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "taosharp-macro-" + Guid.NewGuid().ToString("N"))).FullName;
Console.WriteLine($"entries={entries} block={blockKeys} cores={Environment.ProcessorCount} load={LoadAverage()}");
try
{
    if (args.Contains("--parts"))
    {
        var hashing = Measure.Start();
        var digest = new byte[32];
        foreach (var key in keys) TaoSharp.Primitives.Hashing.Blake2b.Hash(key, digest);
        hashing.Report("blake2b-256 of 32-byte keys", entries);
        var scratch = Measure.Start();
        TaoSharp.Storage.Tree.StateTree.ComputeRoot(keys.Select((k, i) => new KeyValuePair<byte[], byte[]>(k, values[i])));
        scratch.Report("tree root from scratch, in memory", entries);
        var overlayTime = Measure.Start();
        var overlay = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        for (int i = 0; i < entries; i++) overlay.Set(keys[i], values[i]);
        var changes = overlay.Changes;
        overlayTime.Report($"overlay: {changes.Count:N0} sets + Changes", entries);
        return;
    }

    // 1. Raw writes: random 32-byte keys and values in batches of 10 000.
    using (var store = RocksDbKeyValueStore.Open(Path.Combine(root, "kv")))
    {
        var write = Measure.Start();
        for (int start = 0; start < entries; start += BatchSize)
        {
            using var batch = store.CreateBatch();
            for (int i = start; i < Math.Min(entries, start + BatchSize); i++) batch.Put(KvColumn.State, keys[i], values[i]);
            store.Write(batch);
        }
        write.Report($"write {entries:N0} keys (batches of {BatchSize:N0})", entries);
        var compact = Measure.Start();
        store.CompactAll();
        compact.Report("compact all columns (after the bulk load)", entries);

        // 2. Point reads after one warming pass.
        foreach (var key in keys) store.Get(KvColumn.State, key);
        var random = new Random(3);
        var order = Enumerable.Range(0, entries).Select(_ => random.Next(entries)).ToArray();
        var read = Measure.Start();
        int found = 0;
        foreach (int i in order)
            if (store.Get(KvColumn.State, keys[i]) is not null) found++;
        read.Report($"warm point reads ({found:N0} found)", entries);
    }

    // 3. State root: build a state of `entries`, then blocks changing `blockKeys` keys.
    using (var store = RocksDbKeyValueStore.Open(Path.Combine(root, "state")))
    {
        var db = StateDb.Open(store);
        var build = Measure.Start();
        for (int start = 0; start < entries; start += 100_000)
        {
            var overlay = db.CreateOverlay();
            for (int i = start; i < Math.Min(entries, start + 100_000); i++) overlay.Set(keys[i], values[i]);
            db.Commit(overlay);
        }
        build.Report($"build state + tree of {entries:N0} entries (commits of 100k)", entries);
        store.CompactAll();

        var fresh = Measure.Start();
        db.Commit(BlockOverlay(db, keys, blockKeys, 99));
        fresh.Report("block without preview: full commit (tree update + one batch)", blockKeys);

        for (int block = 0; block < 4; block++)
        {
            if (block == 3) db = StateDb.Open(store); // cold: reopen, every touched node comes from RocksDB
            var overlay = BlockOverlay(db, keys, blockKeys, block);
            var preview = Measure.Start();
            var previewRoot = db.PreviewRoot(overlay);
            preview.Report($"block {block}{(block == 3 ? " (cold)" : "")}: root only (tree update in memory)", blockKeys);
            var commit = Measure.Start();
            var committed = db.Commit(overlay);
            commit.Report($"block {block}: commit after preview (state + nodes + root, one batch)", blockKeys);
            if (committed != previewRoot) throw new InvalidOperationException("preview and commit roots differ");
        }
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

static StateOverlay BlockOverlay(StateDb db, byte[][] keys, int count, int block)
{
    // Half updates of existing keys, half inserts of new ones.
    var random = new Random(100 + block);
    var overlay = db.CreateOverlay();
    var value = new byte[32];
    for (int i = 0; i < count; i++)
    {
        random.NextBytes(value);
        if (i % 2 == 0) overlay.Set(keys[random.Next(keys.Length)], value);
        else
        {
            var key = new byte[32];
            random.NextBytes(key);
            overlay.Set(key, value);
        }
    }
    return overlay;
}

static byte[][] RandomArrays(int count, int seed)
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

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

/// <summary>Wall-clock and process CPU time (all threads, incl. RocksDB's) of one phase.</summary>
internal readonly struct Measure
{
    private readonly long _startTicks;
    private readonly TimeSpan _startCpu;

    private Measure(long startTicks, TimeSpan startCpu)
    {
        _startTicks = startTicks;
        _startCpu = startCpu;
    }

    public static Measure Start() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

    public void Report(string what, int operations)
    {
        var wall = Stopwatch.GetElapsedTime(_startTicks);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _startCpu;
        Console.WriteLine($"{what,-78} wall {wall.TotalSeconds,8:F3} s  cpu {cpu.TotalSeconds,8:F3} s  {operations / wall.TotalSeconds,12:N0} ops/s wall");
    }
}
