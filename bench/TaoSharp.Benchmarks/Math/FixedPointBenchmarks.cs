using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TaoSharp.Math;

namespace TaoSharp.Benchmarks.Math;

/// <summary>
/// Fixed-point multiply/divide against the same operation on <c>long</c> (the baseline of each
/// category). Operands are realistic epoch magnitudes (mostly proportions in [0, 1], some larger),
/// read from arrays so the JIT cannot fold them.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class FixedPointBenchmarks
{
    private const int N = 1024;

    private readonly long[] _longA = new long[N];
    private readonly long[] _longB = new long[N];
    private readonly I32F32[] _i32A = new I32F32[N];
    private readonly I32F32[] _i32B = new I32F32[N];
    private readonly I64F64[] _i64A = new I64F64[N];
    private readonly I64F64[] _i64B = new I64F64[N];
    private readonly U96F32[] _u96A = new U96F32[N];
    private readonly U96F32[] _u96B = new U96F32[N];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260630);
        for (int i = 0; i < N; i++)
        {
            // One in eight operands is above 1.0 so the wide paths are part of the mix.
            long a = random.NextInt64(1, 1L << 32) << (i % 8 == 0 ? 8 : 0);
            long b = random.NextInt64(1, 1L << 32) << (i % 8 == 3 ? 8 : 0);
            _longA[i] = a;
            _longB[i] = b;
            _i32A[i] = I32F32.FromBits(a);
            _i32B[i] = I32F32.FromBits(b);
            _i64A[i] = I64F64.FromBits((Int128)a << 32);
            _i64B[i] = I64F64.FromBits((Int128)b << 32);
            // U96F32 carries rao amounts (up to ~2^60 integer part) in coinbase math.
            _u96A[i] = U96F32.FromBits((UInt128)(ulong)a << 28);
            _u96B[i] = U96F32.FromBits((UInt128)(ulong)b);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Multiply")]
    public long Long_Multiply()
    {
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= _longA[i] * _longB[i];
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Multiply")]
    public long I32F32_Multiply()
    {
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= (_i32A[i] * _i32B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Multiply")]
    public long I32F32_SaturatingMul()
    {
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= _i32A[i].SaturatingMul(_i32B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Multiply")]
    public Int128 I64F64_Multiply()
    {
        Int128 acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= (_i64A[i] * _i64B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Multiply")]
    public UInt128 U96F32_Multiply()
    {
        UInt128 acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= (_u96A[i] * _u96B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Divide")]
    public long Long_Divide()
    {
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= _longA[i] / _longB[i];
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Divide")]
    public long I32F32_Divide()
    {
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= (_i32A[i] / _i32B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Divide")]
    public long I32F32_SafeDiv()
    {
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= _i32A[i].SafeDiv(_i32B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Divide")]
    public Int128 I64F64_Divide()
    {
        Int128 acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= (_i64A[i] / _i64B[i]).Bits;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Divide")]
    public UInt128 U96F32_Divide()
    {
        UInt128 acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc ^= (_u96A[i] / _u96B[i]).Bits;
        }

        return acc;
    }
}
