using BenchmarkDotNet.Attributes;
using TaoSharp.Crypto.Merlin;

namespace TaoSharp.Benchmarks.Crypto;

/// <summary>The managed share of an sr25519 verify: the Keccak permutation and the signing transcript's challenge.</summary>
[MemoryDiagnoser]
public class MerlinBenchmarks
{
    private readonly byte[] _state = new byte[KeccakF1600.StateBytes];
    private readonly byte[] _message = new byte[128];
    private readonly byte[] _challenge = new byte[64];

    [Benchmark]
    public void KeccakF1600Permute() => KeccakF1600.Permute(_state);

    [Benchmark]
    public byte[] SigningTranscriptChallenge()
    {
        using var t = new Transcript("SigningContext"u8);
        t.AppendMessage(""u8, "substrate"u8);
        t.AppendMessage("sign-bytes"u8, _message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, _message.AsSpan(0, 32));
        t.AppendMessage("sign:R"u8, _message.AsSpan(32, 32));
        t.ChallengeBytes("sign:c"u8, _challenge);
        return _challenge;
    }
}
