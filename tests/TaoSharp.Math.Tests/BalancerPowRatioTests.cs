using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CsCheck;
using TaoSharp.Math.Balancer;
using TaoSharp.TestKit;

namespace TaoSharp.Math.Tests;

public class BalancerPowRatioTests
{
    private static readonly BigInteger Scale = BigInteger.Pow(10, 18);

    [Fact]
    public void Perquintill_power_vector_is_exact()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "balancer_math.json")));
        var input = doc.RootElement.GetProperty("inputs").GetProperty("perquintill_power");
        var expected = doc.RootElement.GetProperty("expected").GetProperty("perquintill_power").GetUInt64();

        var result = PowRatio.Scaled(
            input.GetProperty("base_num").GetUInt64(),
            input.GetProperty("base_den").GetUInt64(),
            input.GetProperty("exp_num").GetUInt64(),
            input.GetProperty("exp_den").GetUInt64(),
            input.GetProperty("precision").GetInt32(),
            input.GetProperty("scale").GetUInt64());

        Assert.Equal(new BigInteger(expected), result);
    }

    [Fact]
    public void Approximate_path_matches_the_independent_model_bit_for_bit()
    {
        var path = Path.Combine(SourceDirectory(), "BalancerFallbackCases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var count = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var result = PowRatio.Scaled(
                BigInteger.Parse(c.GetProperty("a").GetString()!),
                BigInteger.Parse(c.GetProperty("b").GetString()!),
                BigInteger.Parse(c.GetProperty("exp_num").GetString()!),
                BigInteger.Parse(c.GetProperty("exp_den").GetString()!),
                c.GetProperty("precision").GetInt32(),
                BigInteger.Parse(c.GetProperty("scale").GetString()!));
            Assert.Equal(BigInteger.Parse(c.GetProperty("result").GetString()!), result);
            count++;
        }

        Assert.True(count >= 80);
    }

    [Theory]
    [InlineData(1, 4, 3, 1, "15625000000000000")] // (1/4)^3 exact path
    [InlineData(1, 4, 1, 2, "500000000000000000")] // sqrt(1/4)
    [InlineData(2, 1, 1, 2, "1414213562373095048")] // floor(sqrt(2)·1e18)
    public void Exact_path_floors_the_rational_root(long a, long b, long n, long d, string expected)
    {
        Assert.Equal(BigInteger.Parse(expected), PowRatio.Scaled(a, b, n, d, 256, Scale));
    }

    [Fact]
    public void Degenerate_inputs_follow_the_reference()
    {
        Assert.Null(PowRatio.Scaled(1, 0, 1, 1, 256, Scale));
        Assert.Null(PowRatio.Scaled(1, 1, 1, 0, 256, Scale));
        Assert.Equal(BigInteger.Zero, PowRatio.Scaled(0, 5, 7, 3, 256, Scale));
        Assert.Equal(Scale, PowRatio.Scaled(3, 5, 0, 3, 256, Scale));
    }

    [Fact]
    public void Integer_root_is_the_floor_root()
    {
        Gen.Select(Gen.ULong, Gen.Int[2, 12]).Sample((x, d) =>
        {
            var r = PowRatio.IntegerRoot(x, d);
            return BigInteger.Pow(r, d) <= x && BigInteger.Pow(r + 1, d) > x;
        });
    }

    [Fact]
    public void Approximate_path_is_monotone_in_the_base()
    {
        // (a/b)^e with a < b and a large exponent fraction: larger a never gives a smaller result.
        Gen.Select(Gen.ULong[1_000_000, 1UL << 50], Gen.ULong[1, 1_000_000], Gen.ULong[10_000_000_000_000_000, 990_000_000_000_000_000])
            .Sample((a, step, w) =>
            {
                var b = (BigInteger)a * 3;
                var w1 = new BigInteger(1_000_000_000_000_000_000UL - w);
                var lo = PowRatio.Scaled(a, b, w, w1, 256, Scale)!.Value;
                var hi = PowRatio.Scaled(a + step, b, w, w1, 256, Scale)!.Value;
                return lo <= hi;
            }, iter: 60);
    }

    // The generated cases sit next to this source file; the compiler records where that is.
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
