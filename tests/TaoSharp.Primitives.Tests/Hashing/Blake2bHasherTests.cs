using CsCheck;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Primitives.Tests.Hashing;

public class Blake2bHasherTests
{
    [Fact]
    public void Pieces_hash_like_the_whole_for_any_split()
    {
        Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[0, 600], Gen.Int[0, 600], Gen.Int[1, 64]).Sample((data, cut1, cut2, outLength) =>
        {
            int a = System.Math.Min(cut1, data.Length);
            int b = System.Math.Clamp(cut2, a, data.Length);
            var hasher = new Blake2bHasher(outLength);
            hasher.Append(data.AsSpan(0, a)).Append(data.AsSpan(a, b - a)).Append(data.AsSpan(b));
            var incremental = new byte[outLength];
            hasher.Finish(incremental);

            var oneShot = new byte[outLength];
            Blake2b.Hash(data, oneShot);
            Assert.Equal(oneShot, incremental);
        }, iter: 300);
    }

    [Fact]
    public void Abc_in_three_pieces_matches_rfc7693()
    {
        var hasher = new Blake2bHasher(64);
        hasher.Append("a"u8).Append(""u8).Append("bc"u8);
        var digest = new byte[64];
        hasher.Finish(digest);
        Assert.StartsWith("ba80a53f981c4d0d", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Reset_allows_reuse_and_finishing_twice_is_an_error()
    {
        var hasher = new Blake2bHasher();
        hasher.Append("x"u8);
        var first = hasher.FinishHash256();
        Assert.Throws<InvalidOperationException>(() => hasher.Append("y"u8));
        Assert.Throws<InvalidOperationException>(() => hasher.FinishHash256());
        hasher.Reset();
        Assert.Equal(first, hasher.Append("x"u8).FinishHash256());
        Assert.Equal(Blake2b.Hash256([]), new Blake2bHasher().FinishHash256());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2bHasher(65));
        Assert.Throws<InvalidOperationException>(() => new Blake2bHasher(16).FinishHash256());
    }
}
