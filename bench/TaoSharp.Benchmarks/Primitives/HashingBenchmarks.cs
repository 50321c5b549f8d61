using BenchmarkDotNet.Attributes;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Benchmarks.Primitives;

/// <summary>blake2b-256 at a storage-key size and at a small-extrinsic size; twox128 of a pallet name.</summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    private readonly byte[] _small = new byte[32];
    private readonly byte[] _large = new byte[1024];
    private readonly byte[] _output = new byte[32];
    private readonly byte[] _name = "SubtensorModule"u8.ToArray();

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _large.Length; i++)
        {
            _large[i] = (byte)(i * 31);
        }
        _large.AsSpan(0, 32).CopyTo(_small);
    }

    [Benchmark]
    public void Blake2b256_32B() => Blake2b.Hash(_small, _output);

    [Benchmark]
    public void Blake2b256_1KiB() => Blake2b.Hash(_large, _output);

    // Baseline: libsodium's BLAKE2b through NSec (supports 32..64-byte digests only).
    [Benchmark]
    public void NSec_Blake2b256_32B() => NSec.Cryptography.HashAlgorithm.Blake2b_256.Hash(_small, _output);

    [Benchmark]
    public void NSec_Blake2b256_1KiB() => NSec.Cryptography.HashAlgorithm.Blake2b_256.Hash(_large, _output);

    [Benchmark]
    public void Twox128_15B() => Twox.Hash(_name, _output.AsSpan(0, 16));
}
