using System.Security.Cryptography;
using TaoSharp.Crypto.Merlin;

namespace TaoSharp.Crypto.Tests;

public class MerlinTranscriptTests
{
    [Fact]
    public void Published_merlin_test_vector_matches()
    {
        // merlin crate's equivalence_simple test (also on merlin.cool).
        using var t = new Transcript("test protocol"u8);
        t.AppendMessage("some label"u8, "some data"u8);
        var challenge = new byte[32];
        t.ChallengeBytes("challenge"u8, challenge);
        Assert.Equal("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void Transcript_crossing_several_strobe_blocks_is_deterministic_and_label_sensitive()
    {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)i;
        }

        static byte[] Run(ReadOnlySpan<byte> label, byte[] data)
        {
            using var t = new Transcript("long"u8);
            t.AppendMessage(label, data);
            t.AppendU64("n"u8, 42);
            var c = new byte[500];
            t.ChallengeBytes("c"u8, c);
            return c;
        }

        Assert.Equal(Run("a"u8, data), Run("a"u8, data));
        Assert.NotEqual(Run("a"u8, data), Run("b"u8, data));
    }

    [Fact]
    public void Clone_does_not_share_state_with_the_original()
    {
        using var t = new Transcript("clone"u8);
        t.AppendMessage("m"u8, "x"u8);
        using var copy = t.Clone();
        var fromOriginal = new byte[16];
        var fromCopy = new byte[16];
        t.ChallengeBytes("c"u8, fromOriginal);
        copy.ChallengeBytes("c"u8, fromCopy);
        Assert.Equal(fromOriginal, fromCopy);
        copy.ChallengeBytes("c"u8, fromCopy);
        Assert.NotEqual(fromOriginal, fromCopy);
    }

    [Fact]
    public void Witness_rng_depends_on_witness_and_randomness()
    {
        static byte[] Draw(byte[] witness, byte random)
        {
            using var t = new Transcript("w"u8);
            using var builder = t.BuildRng().RekeyWithWitnessBytes("secret"u8, witness);
            using var rng = builder.Finalize(new FixedRandomSource(random));
            var output = new byte[32];
            rng.Fill(output);
            return output;
        }

        Assert.Equal(Draw([1, 2, 3], 7), Draw([1, 2, 3], 7));
        Assert.NotEqual(Draw([1, 2, 3], 7), Draw([1, 2, 4], 7));
        Assert.NotEqual(Draw([1, 2, 3], 7), Draw([1, 2, 3], 8));
    }

    [Fact]
    public void Keccak_permutation_agrees_with_the_platform_sha3_256()
    {
        if (!SHA3_256.IsSupported)
        {
            return; // no platform SHA-3 to compare with (old OpenSSL); the Merlin vector still covers the permutation
        }

        foreach (int length in new[] { 0, 1, 135, 136, 137, 500 })
        {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++)
            {
                message[i] = (byte)(i * 7 + 3);
            }

            Assert.Equal(SHA3_256.HashData(message), Sha3With(s => KeccakF1600.Permute(s), message));
        }
    }

    // SHA3-256 sponge (rate 136, domain suffix 0x06) built on our permutation, as an independent check of it.
    private static byte[] Sha3With(Action<byte[]> permute, byte[] message)
    {
        const int rate = 136;
        var state = new byte[200];
        int offset = 0;
        for (; offset + rate <= message.Length; offset += rate)
        {
            for (int i = 0; i < rate; i++)
            {
                state[i] ^= message[offset + i];
            }

            permute(state);
        }

        for (int i = 0; offset + i < message.Length; i++)
        {
            state[i] ^= message[offset + i];
        }

        state[message.Length - offset] ^= 0x06;
        state[rate - 1] ^= 0x80;
        permute(state);
        return state[..32];
    }
}
