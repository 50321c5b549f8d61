using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using TaoSharp.Crypto;

namespace TaoSharp.Benchmarks.Crypto;

/// <summary>
/// Single-threaded sign/verify throughput: sr25519 (our schnorrkel over libsodium ristretto255 + managed Merlin),
/// ed25519 through our wrapper, and raw NSec ed25519 with a pre-imported key as the baseline.
/// A 128-byte message, about the size of a dendrite signing payload.
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private readonly byte[] _message = new byte[128];
    private Sr25519KeyPair _sr25519 = null!;
    private byte[] _srPublic = null!;
    private byte[] _srSignature = null!;
    private Ed25519KeyPair _ed25519 = null!;
    private byte[] _edPublic = null!;
    private byte[] _edSignature = null!;
    private Key _nsecKey = null!;
    private PublicKey _nsecPublic = null!;
    private readonly CpuTimeMeter _cpu = new();

    // Bodies as cached delegates so measuring them allocates nothing per call.
    private Func<byte[]> _sr25519Sign = null!;
    private Func<bool> _sr25519Verify = null!;
    private Func<byte[]> _ed25519Sign = null!;
    private Func<bool> _ed25519Verify = null!;
    private Func<byte[]> _nSecEd25519Sign = null!;
    private Func<bool> _nSecEd25519Verify = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_message);
        byte[] seed = new byte[32];
        new Random(7).NextBytes(seed);
        _sr25519 = Sr25519KeyPair.FromMiniSecret(seed);
        _srPublic = _sr25519.PublicKey;
        _srSignature = _sr25519.Sign(_message);
        _ed25519 = Ed25519KeyPair.FromSeed(seed);
        _edPublic = _ed25519.PublicKey;
        _edSignature = _ed25519.Sign(_message);
        _nsecKey = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        _nsecPublic = _nsecKey.PublicKey;
        _sr25519Sign = () => _sr25519.Sign(_message);
        _sr25519Verify = () => Sr25519.Verify(_srPublic, _message, _srSignature);
        _ed25519Sign = () => _ed25519.Sign(_message);
        _ed25519Verify = () => TaoSharp.Crypto.Ed25519.Verify(_edPublic, _message, _edSignature);
        _nSecEd25519Sign = () => SignatureAlgorithm.Ed25519.Sign(_nsecKey, _message);
        _nSecEd25519Verify = () => SignatureAlgorithm.Ed25519.Verify(_nsecPublic, _message, _edSignature);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cpu.Report();
        _sr25519.Dispose();
        _ed25519.Dispose();
        _nsecKey.Dispose();
    }

    [Benchmark]
    public byte[] Sr25519Sign()
    {
        return _cpu.Measure(nameof(Sr25519Sign), _sr25519Sign);
    }

    [Benchmark]
    public bool Sr25519Verify()
    {
        return _cpu.Measure(nameof(Sr25519Verify), _sr25519Verify);
    }

    [Benchmark]
    public byte[] Ed25519Sign()
    {
        return _cpu.Measure(nameof(Ed25519Sign), _ed25519Sign);
    }

    [Benchmark]
    public bool Ed25519Verify()
    {
        return _cpu.Measure(nameof(Ed25519Verify), _ed25519Verify);
    }

    [Benchmark]
    public byte[] NSecEd25519Sign()
    {
        return _cpu.Measure(nameof(NSecEd25519Sign), _nSecEd25519Sign);
    }

    [Benchmark]
    public bool NSecEd25519Verify()
    {
        return _cpu.Measure(nameof(NSecEd25519Verify), _nSecEd25519Verify);
    }
}
