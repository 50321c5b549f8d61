using BenchmarkDotNet.Attributes;

namespace TaoSharp.Benchmarks.Sdk;

/// <summary>
/// Dendrite → axon on loopback with signing and verification, 64 calls in flight. One operation = one request,
/// so requests/s = 1 / mean. Latency percentiles come from bench/TaoSharp.Sdk.Macro.
/// </summary>
[MemoryDiagnoser]
public class AxonDendriteBenchmarks
{
    private const int RequestsPerInvoke = 1024;
    private AxonDendriteLoad? _load;

    [Params(64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _load = new AxonDendriteLoad();
        _load.StartAsync().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task<double[]> SignedRequests() => _load!.RunAsync(RequestsPerInvoke, Concurrency);

    [GlobalCleanup]
    public void Cleanup() => _load!.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
