using System.Diagnostics;
using System.Globalization;
using TaoSharp.Benchmarks.Sdk;

// dotnet run -c Release --project bench/TaoSharp.Sdk.Macro -- [total=20000] [concurrency=64] [warmup=10000]
int total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
int concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
int warmup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;

await using var load = new AxonDendriteLoad();
await load.StartAsync();
// Warm-up: connection pool, caller lanes and tiered JIT. Under load the tier-1 recompilation of the hot path lags
// behind (a profile of a 2,000-request warm-up still showed ~20% of the CPU in instrumented code and the JIT), so
// warm up long enough and then give the background compiler an idle second before measuring steady state.
await load.RunAsync(warmup, concurrency);
await Task.Delay(1000);

int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
long jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
long start = Stopwatch.GetTimestamp();
double[] latencies = await load.RunAsync(total, concurrency);
TimeSpan wall = Stopwatch.GetElapsedTime(start);
TimeSpan cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"requests={total} concurrency={concurrency} wall={wall.TotalSeconds:F2}s throughput={total / wall.TotalSeconds:F0} req/s " +
    $"p50={AxonDendriteLoad.Percentile(latencies, 0.50):F2}ms p99={AxonDendriteLoad.Percentile(latencies, 0.99):F2}ms " +
    $"max={latencies.Max():F2}ms cpu={cpuUsed.TotalSeconds:F2}s cpu/request={cpuUsed.TotalMilliseconds * 1000 / total:F0}us " +
    $"gc0={GC.CollectionCount(0) - gen0} gc2={GC.CollectionCount(2) - gen2} jitted={System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} ({Environment.ProcessorCount} cores)"));
return 0;
