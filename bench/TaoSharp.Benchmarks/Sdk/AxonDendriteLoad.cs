using System.Diagnostics;
using System.Text.Json.Serialization;
using TaoSharp.Crypto;
using TaoSharp.Sdk;

namespace TaoSharp.Benchmarks.Sdk;

/// <summary>The template's Dummy synapse (the miner doubles the input).</summary>
public sealed class BenchDummy : Synapse
{
    [JsonPropertyName("dummy_input"), JsonRequired] public int DummyInput { get; set; }

    [JsonPropertyName("dummy_output")] public int? DummyOutput { get; set; }

    public override IReadOnlyList<string> RequiredHashFields => ["dummy_input"];
}

/// <summary>
/// A loopback axon and a dendrite with real sr25519 signing and verification on every request; <see cref="RunAsync"/>
/// keeps <c>concurrency</c> calls in flight until <c>total</c> have completed and records each latency.
/// </summary>
public sealed class AxonDendriteLoad : IAsyncDisposable
{
    private readonly Sr25519KeyPair _axonKey = Sr25519KeyPair.FromMiniSecret(new byte[32]);
    private readonly Sr25519KeyPair _callerKey = Sr25519KeyPair.FromMiniSecret(Enumerable.Repeat((byte)1, 32).ToArray());
    private readonly Axon _axon;
    private Dendrite? _dendrite;
    private AxonTarget? _target;

    public AxonDendriteLoad()
    {
        _axon = new Axon(_axonKey);
        _axon.Attach<BenchDummy>((d, _) =>
        {
            d.DummyOutput = d.DummyInput * 2;
            return Task.FromResult(d);
        });
    }

    public async Task StartAsync()
    {
        await _axon.StartAsync();
        _dendrite = new Dendrite(_callerKey);
        _target = new AxonTarget("127.0.0.1", _axon.Port, _axon.Hotkey);
    }

    /// <summary>Returns per-request latencies in milliseconds; throws if any call did not succeed.</summary>
    public async Task<double[]> RunAsync(int total, int concurrency)
    {
        var latencies = new double[total];
        int next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                long start = Stopwatch.GetTimestamp();
                BenchDummy answer = await _dendrite!.CallAsync(_target!, new BenchDummy { DummyInput = i });
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (answer.Dendrite?.StatusCode != 200 || answer.DummyOutput != 2 * i)
                    throw new InvalidOperationException($"request {i}: {answer.Dendrite?.StatusCode} {answer.Dendrite?.StatusMessage}");
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        return latencies;
    }

    public static double Percentile(double[] values, double p)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[(int)System.Math.Min(sorted.Length - 1, System.Math.Ceiling(p * sorted.Length) - 1)];
    }

    public async ValueTask DisposeAsync()
    {
        _dendrite?.Dispose();
        await _axon.DisposeAsync();
        _axonKey.Dispose();
        _callerKey.Dispose();
    }
}
