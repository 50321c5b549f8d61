using BenchmarkDotNet.Attributes;
using TaoSharp.Crypto.Merlin;
using TaoSharp.Crypto.Native;

namespace TaoSharp.Benchmarks.Crypto;

/// <summary>
/// The pieces of an sr25519 verify, one by one, to show where its time goes: the signing transcript's
/// challenge (managed Merlin), libsodium's s·B, k·A and point subtraction, and a point validity check.
/// </summary>
public class Ristretto255Benchmarks
{
    private readonly byte[] _scalar = new byte[32];
    private readonly byte[] _point = new byte[32];
    private readonly byte[] _other = new byte[32];
    private readonly byte[] _result = new byte[32];
    private readonly byte[] _message = new byte[128];
    private readonly byte[] _challenge = new byte[64];
    private readonly CpuTimeMeter _cpu = new();
    private Func<bool> _multiplyBase = null!;
    private Func<bool> _multiplyVariableBase = null!;
    private Func<bool> _subtract = null!;
    private Func<bool> _isValidPoint = null!;
    private Func<bool> _signingTranscriptChallenge = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(3).NextBytes(_scalar);
        _scalar[31] &= 0x0f;
        Ristretto255.MultiplyBase(_scalar, _point);
        _scalar[0] ^= 1;
        Ristretto255.MultiplyBase(_scalar, _other);
        _multiplyBase = () =>
        {
            Ristretto255.MultiplyBase(_scalar, _result);
            return true;
        };
        _multiplyVariableBase = () => Ristretto255.TryMultiply(_scalar, _point, _result);
        _subtract = () => Ristretto255.TrySubtract(_point, _other, _result);
        _isValidPoint = () => Ristretto255.IsValidPoint(_point);
        _signingTranscriptChallenge = () =>
        {
            using var t = new Transcript("SigningContext"u8);
            t.AppendMessage(""u8, "substrate"u8);
            t.AppendMessage("sign-bytes"u8, _message);
            t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
            t.AppendMessage("sign:pk"u8, _point);
            t.AppendMessage("sign:R"u8, _other);
            t.ChallengeBytes("sign:c"u8, _challenge);
            return true;
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _cpu.Report();

    [Benchmark]
    public bool MultiplyBase() => _cpu.Measure(nameof(MultiplyBase), _multiplyBase);

    [Benchmark]
    public bool MultiplyVariableBase() => _cpu.Measure(nameof(MultiplyVariableBase), _multiplyVariableBase);

    [Benchmark]
    public bool Subtract() => _cpu.Measure(nameof(Subtract), _subtract);

    [Benchmark]
    public bool IsValidPoint() => _cpu.Measure(nameof(IsValidPoint), _isValidPoint);

    [Benchmark]
    public bool SigningTranscriptChallenge() => _cpu.Measure(nameof(SigningTranscriptChallenge), _signingTranscriptChallenge);
}
