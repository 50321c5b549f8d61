using BenchmarkDotNet.Attributes;
using TaoSharp.Crypto.Merlin;

namespace TaoSharp.Benchmarks.Crypto;

/// <summary>The Keccak-f[1600] permutation under Merlin (a signature costs 4–8 of them).</summary>
public class MerlinBenchmarks
{
    private readonly byte[] _state = new byte[KeccakF1600.StateBytes];

    [Benchmark]
    public byte[] KeccakF1600Permute()
    {
        KeccakF1600.Permute(_state);
        return _state;
    }
}
