using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.Runtime.Amm;
using static TaoSharp.Runtime.Tests.AmmTestData;

namespace TaoSharp.Runtime.Tests;

/// <summary>balancer_math.json and balancer_weight_update.json (spec-dtao §3.4.2–§3.4.7).</summary>
public class AmmBalancerVectorTests
{
    private static readonly JsonElement Math = Load("balancer_math.json");
    private static readonly JsonElement Weights = Load("balancer_weight_update.json");

    [Fact]
    public void Exp_scaled_cases_match()
    {
        var cases = Math.GetProperty("inputs").GetProperty("exp_scaled_cases").EnumerateArray().ToArray();
        var expected = Math.GetProperty("expected").GetProperty("exp_scaled").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var tolerance = Math.GetProperty("expected").GetProperty("exp_scaled_tolerance").GetDouble();
        Assert.NotEmpty(cases);
        Assert.Equal(cases.Length, expected.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i].EnumerateArray().ToArray();
            var quote = Perquintill.FromRational(c[0].GetUInt64(), c[1].GetUInt64());
            var e = BalancerMath.ExpScaled(quote, c[2].GetUInt64(), c[3].GetUInt64(), 0, baseOverQuote: c[4].GetBoolean());
            Assert.True(System.Math.Abs(ToDouble(e) - expected[i]) <= tolerance, $"exp_scaled case {i} {cases[i]}: {ToDouble(e)} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData("quote_delta_in")]
    [InlineData("quote_delta_in_impossible")]
    public void Quote_delta_in_is_exact(string name)
    {
        var input = Math.GetProperty("inputs").GetProperty(name);
        var result = BalancerMath.QuoteDeltaIn(
            Weight(input.GetProperty("w_quote")),
            FromDouble(input.GetProperty("current_price").GetDouble()),
            FromDouble(input.GetProperty("target_price").GetDouble()),
            input.GetProperty("tao_reserve").GetUInt64());
        Assert.Equal(Math.GetProperty("expected").GetProperty(name).GetUInt64(), result);
    }

    [Theory]
    [InlineData("base_delta_in")]
    [InlineData("base_delta_in_impossible")]
    public void Base_delta_in_is_exact(string name)
    {
        var input = Math.GetProperty("inputs").GetProperty(name);
        var result = BalancerMath.BaseDeltaIn(
            Weight(input.GetProperty("w_quote")),
            FromDouble(input.GetProperty("current_price").GetDouble()),
            FromDouble(input.GetProperty("target_price").GetDouble()),
            input.GetProperty("alpha_reserve").GetUInt64());
        Assert.Equal(Math.GetProperty("expected").GetProperty(name).GetUInt64(), result);
    }

    [Fact]
    public void Base_needed_for_quote_is_exact()
    {
        var input = Math.GetProperty("inputs").GetProperty("base_needed_for_quote");
        var result = BalancerMath.BaseNeededForQuote(
            Weight(input.GetProperty("w_quote")),
            input.GetProperty("tao_reserve").GetUInt64(),
            input.GetProperty("alpha_reserve").GetUInt64(),
            input.GetProperty("tao_delta").GetUInt64());
        Assert.Equal(Math.GetProperty("expected").GetProperty("base_needed_for_quote").GetUInt64(), result);
    }

    [Theory]
    [InlineData("price_equal_weights")]
    [InlineData("price_weight_ratio_2")]
    public void Price_is_weighted_reserve_ratio(string name)
    {
        var input = Math.GetProperty("inputs").GetProperty(name);
        var price = BalancerMath.Price(Weight(input.GetProperty("w_quote")), input.GetProperty("x").GetUInt64(), input.GetProperty("y").GetUInt64());
        Assert.InRange(ToDouble(price), Math.GetProperty("expected").GetProperty(name).GetDouble() - 1e-12, Math.GetProperty("expected").GetProperty(name).GetDouble() + 1e-12);
    }

    [Fact]
    public void Equal_weight_price_is_exact()
    {
        Assert.Equal(U64F64.Parse("2.5"), BalancerMath.Price(Perquintill.Half, 2, 5));
    }

    [Fact]
    public void Weight_updates_match_to_the_part()
    {
        var inputs = Weights.GetProperty("inputs");
        var y = inputs.GetProperty("tao_reserve").GetUInt64();
        var x = inputs.GetProperty("alpha_reserve").GetUInt64();
        var initial = inputs.TryGetProperty("initial_quote_weight", out var stated) ? Weight(stated) : Perquintill.Half;
        var cases = Weights.GetProperty("expected").GetProperty("cases").EnumerateArray().ToArray();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var w = BalancerMath.WeightAfterAddedLiquidity(initial, y, x, c.GetProperty("tao_delta").GetUInt64(), c.GetProperty("alpha_delta").GetUInt64());
            Assert.True(w is not null, $"weight update {c}: refused");
            Assert.True(c.GetProperty("new_quote_weight_parts_approx").GetUInt64() == w.Value.Parts, $"weight update {c}: got {w.Value.Parts} parts");

            // The price the pool shows is unchanged (to 1e-12 relative), which is the point of the update.
            var before = ToDouble(BalancerMath.Price(initial, x, y));
            var after = ToDouble(BalancerMath.Price(w.Value, x + c.GetProperty("alpha_delta").GetUInt64(), y + c.GetProperty("tao_delta").GetUInt64()));
            Assert.InRange(after / before, 1 - 1e-12, 1 + 1e-12);
        }
    }

    [Fact]
    public void Weight_update_refuses_to_leave_the_bounds()
    {
        Assert.Null(BalancerMath.WeightAfterAddedLiquidity(Perquintill.Half, 1_000, 1_000, 1_000_000_000, 0));
        Assert.Null(BalancerMath.WeightAfterAddedLiquidity(Perquintill.Half, 1_000, 1_000, 0, 1_000_000_000));
    }

    [Fact]
    public void Initial_weight_from_price()
    {
        var init = Weights.GetProperty("inputs").GetProperty("init_with_price");
        var w = BalancerMath.InitialQuoteWeight(init.GetProperty("tao").GetUInt64(), init.GetProperty("alpha").GetUInt64(), FromDouble(init.GetProperty("price").GetDouble()));
        Assert.NotNull(w);
        var expected = Weights.GetProperty("expected").GetProperty("init_with_price").GetProperty("quote_weight").GetDouble();
        Assert.InRange(w.Value.Parts / 1e18, expected - 1e-12, expected + 1e-12);
        Assert.Equal(Perquintill.Half, BalancerMath.InitialQuoteWeight(1_000_000_000, 4_000_000_000, null));
        Assert.Null(BalancerMath.InitialQuoteWeight(0, 0, U64F64.One));
    }
}
