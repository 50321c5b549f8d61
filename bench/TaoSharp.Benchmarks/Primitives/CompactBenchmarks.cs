using BenchmarkDotNet.Attributes;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Benchmarks.Primitives;

/// <summary>Compact integers across all four modes: 1024 values per invocation.</summary>
[MemoryDiagnoser]
public class CompactBenchmarks
{
    private const int Count = 1024;
    private readonly ulong[] _values = new ulong[Count];
    private readonly ScaleWriter _writer = new(Count * 9);
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (int i = 0; i < Count; i++)
        {
            // A quarter in each mode: 6-bit, 14-bit, 30-bit and big-integer values.
            int bits = (i % 4) switch { 0 => 6, 1 => 14, 2 => 30, _ => 64 };
            _values[i] = (ulong)random.NextInt64() >> (64 - bits);
        }
        foreach (var v in _values)
        {
            _writer.WriteCompact(v);
        }
        _encoded = _writer.ToArray();
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Encode()
    {
        _writer.Clear();
        foreach (var v in _values)
        {
            _writer.WriteCompact(v);
        }
        return _writer.Length;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public ulong Decode()
    {
        var reader = new ScaleReader(_encoded);
        ulong sum = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += reader.ReadCompactU64();
        }
        return sum;
    }
}
