using CsCheck;
using NSec.Cryptography;

namespace TaoSharp.Primitives.Tests.Hashing;

/// <summary>Random inputs against libsodium's BLAKE2b (via NSec), which supports 32..64-byte digests.</summary>
public class Blake2bDifferentialTests
{
    [Fact]
    public void Matches_libsodium_for_random_inputs_and_digest_lengths()
    {
        Gen.Select(Gen.Byte.Array[0, 700], Gen.Int[32, 64]).Sample((data, length) =>
        {
            var expected = new Blake2b(length).Hash(data);
            var actual = new byte[length];
            TaoSharp.Primitives.Hashing.Blake2b.Hash(data, actual);
            Assert.Equal(expected, actual);
        }, iter: 500);
    }
}
