using BenchmarkDotNet.Attributes;
using TaoSharp.Crypto.Native;

namespace TaoSharp.Benchmarks.Crypto;

/// <summary>The libsodium calls an sr25519 verify makes, one by one, to show where its time goes.</summary>
public class Ristretto255Benchmarks
{
    private readonly byte[] _scalar = new byte[32];
    private readonly byte[] _point = new byte[32];
    private readonly byte[] _other = new byte[32];
    private readonly byte[] _result = new byte[32];

    [GlobalSetup]
    public void Setup()
    {
        new Random(3).NextBytes(_scalar);
        _scalar[31] &= 0x0f;
        Ristretto255.MultiplyBase(_scalar, _point);
        _scalar[0] ^= 1;
        Ristretto255.MultiplyBase(_scalar, _other);
    }

    [Benchmark]
    public byte[] MultiplyBase()
    {
        Ristretto255.MultiplyBase(_scalar, _result);
        return _result;
    }

    [Benchmark]
    public bool MultiplyVariableBase() => Ristretto255.TryMultiply(_scalar, _point, _result);

    [Benchmark]
    public bool Subtract() => Ristretto255.TrySubtract(_point, _other, _result);

    [Benchmark]
    public bool IsValidPoint() => Ristretto255.IsValidPoint(_point);
}
