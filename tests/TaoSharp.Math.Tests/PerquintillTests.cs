using System.Text.Json;
using TaoSharp.TestKit;

namespace TaoSharp.Math.Tests;

public class PerquintillTests
{
    [Fact]
    public void From_rational_rounds_down_and_saturates()
    {
        Assert.Equal(333_333_333_333_333_333UL, Perquintill.FromRational(1, 3).Parts);
        Assert.Equal(666_666_666_666_666_666UL, Perquintill.FromRational(2, 3).Parts);
        Assert.Equal(Perquintill.One, Perquintill.FromRational(5, 3));
        Assert.Equal(Perquintill.One, Perquintill.FromRational(5, 0));
        Assert.Equal(500_000_000_000_000_000UL, Perquintill.Half.Parts);
        Assert.Equal(Perquintill.Accuracy, new Perquintill(ulong.MaxValue).Parts);
    }

    [Fact]
    public void Mul_round_half_up_matches_the_balancer_vectors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "balancer_math.json")));
        var inputs = doc.RootElement.GetProperty("inputs");
        var expected = doc.RootElement.GetProperty("expected");

        // Every mul_perquintill_* case, whatever its name: p is "n/d".
        int checkedCases = 0;
        foreach (var property in inputs.EnumerateObject().Where(p => p.Name.StartsWith("mul_perquintill", StringComparison.Ordinal)))
        {
            var parts = property.Value.GetProperty("p").GetString()!.Split('/');
            var p = Perquintill.FromRational(ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            var values = property.Value.GetProperty("values").EnumerateArray().Select(v => v.GetUInt64()).ToArray();
            var want = expected.GetProperty(property.Name).EnumerateArray().Select(v => v.GetUInt64()).ToArray();
            Assert.Equal(values.Length, want.Length);
            for (int i = 0; i < values.Length; i++)
                Assert.True(want[i] == (ulong)p.MulRoundHalfUp(values[i]), $"{property.Name}: {values[i]} × {property.Value.GetProperty("p")} = {p.MulRoundHalfUp(values[i])}, expected {want[i]}");
            checkedCases++;
        }

        Assert.True(checkedCases >= 2, "the mul_perquintill cases are missing");
    }

    [Fact]
    public void Complement_and_saturating_ops()
    {
        var w = Perquintill.FromParts(615_384_615_384_615_384);
        Assert.Equal(384_615_384_615_384_616UL, w.Complement.Parts);
        Assert.Equal(0UL, w.SaturatingSub(Perquintill.One).Parts);
        Assert.Equal(Perquintill.One, w.SaturatingAdd(Perquintill.One));
        Assert.Equal("0.615384615384615384", w.ToString());
    }

    [Fact]
    public void Perbill_basics()
    {
        Assert.Equal(333_333_333u, Perbill.FromRational(1, 3).Parts);
        Assert.Equal(3UL, Perbill.FromRational(1, 3).MulFloor(10));
        Assert.Equal(Perbill.One, Perbill.FromRational(4, 3));
    }
}
