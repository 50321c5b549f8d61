using BenchmarkDotNet.Attributes;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.Keyfiles;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Benchmarks.Keys;

/// <summary>
/// The client-side key paths a user waits on: mnemonic checksum decoding, Substrate's PBKDF2 mini secret (2048 rounds),
/// a full //Alice resolution (PBKDF2 + expansion + hard derivation), SS58 encode/decode.
/// </summary>
[MemoryDiagnoser]
public class KeysBenchmarks
{
    private const string Phrase = "old leopard transfer rib spatial phone calm indicate online fire caution review";
    private readonly byte[] _publicKey = Convert.FromHexString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    private Mnemonic _mnemonic = null!;
    private string _address = "";

    [GlobalSetup]
    public void Setup()
    {
        _mnemonic = Mnemonic.Parse(Phrase);
        _address = Ss58Address.Encode(_publicKey);
    }

    [Benchmark]
    public Mnemonic ParseMnemonic() => Mnemonic.Parse(Phrase);

    [Benchmark]
    public byte[] MiniSecretPbkdf2() => SubstrateBip39.MiniSecret(_mnemonic);

    [Benchmark]
    public byte[] ResolveAliceUri()
    {
        using var key = SecretUriResolver.Resolve("//Alice");
        return key.PublicKey;
    }

    [Benchmark]
    public string Ss58Encode() => Ss58Address.Encode(_publicKey);

    [Benchmark]
    public Ss58Decoded Ss58Decode() => Ss58Address.Decode(_address);
}

/// <summary>
/// One $NACL key derivation: Argon2i with btwallet's SENSITIVE limits (t = 8, 512 MiB). This is the cost of every
/// coldkey unlock, so it is measured separately with few iterations. Run it out of process (no --inProcess): a
/// single operation takes seconds, longer than the in-process toolchain allows.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NaclKeyDerivationBenchmarks
{
    [Benchmark]
    public byte[] DeriveKey() => NaclKeyfileCipher.DeriveKey("bittensor-test-password");
}
