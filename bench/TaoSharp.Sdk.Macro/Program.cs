using System.Diagnostics;
using System.Globalization;
using TaoSharp.Benchmarks.Sdk;

// dotnet run -c Release --project bench/TaoSharp.Sdk.Macro -- [total=20000] [concurrency=64]
int total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
int concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;

await using var load = new AxonDendriteLoad();
await load.StartAsync();
await load.RunAsync(2_000, concurrency); // warm-up: JIT, connection pool, caller lanes

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
long start = Stopwatch.GetTimestamp();
double[] latencies = await load.RunAsync(total, concurrency);
TimeSpan wall = Stopwatch.GetElapsedTime(start);
TimeSpan cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"requests={total} concurrency={concurrency} wall={wall.TotalSeconds:F2}s throughput={total / wall.TotalSeconds:F0} req/s " +
    $"p50={AxonDendriteLoad.Percentile(latencies, 0.50):F2}ms p99={AxonDendriteLoad.Percentile(latencies, 0.99):F2}ms " +
    $"max={latencies.Max():F2}ms cpu={cpuUsed.TotalSeconds:F2}s ({Environment.ProcessorCount} cores)"));
return 0;
