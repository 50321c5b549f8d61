using System.Text.Json;
using System.Text.Json.Nodes;
using TaoSharp.Cli.Commands.Sim;
using TaoSharp.TestKit;

namespace TaoSharp.Cli.Tests;

/// <summary>`tao sim swap`: exact pool steps, the chain's refusals (exit 1) and malformed cases (exit 2).</summary>
public class SimSwapTests
{
    private static (int Code, string Out, string Err) Run(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-swap-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = SimSwap.Run(path, stdout, stderr);
            return (code, stdout.ToString().Trim(), stderr.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonObject Ok(string json)
    {
        var (code, output, err) = Run(json);
        Assert.True(code == 0, err + output);
        return JsonNode.Parse(output)!.AsObject();
    }

    private const string Pool = "\"model\": \"weighted\", \"tao_reserve\": 1000000000, \"alpha_reserve\": 4000000000, \"fee_rate_u16\": 33";

    [Fact]
    public void Weighted_buy_matches_the_balancer_vector()
    {
        var o = Ok($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000}}");
        Assert.Equal(999_496_453UL, o["amount_paid_in"]!.GetValue<ulong>());
        Assert.Equal(503_547UL, o["fee"]!.GetValue<ulong>());
        Assert.Equal(1_999_496_326UL, o["amount_out"]!.GetValue<ulong>());
        Assert.Equal(1_000_000_000UL + 999_496_453, o["tao_reserve"]!.GetValue<ulong>());
        Assert.Equal(4_000_000_000UL - 1_999_496_326, o["alpha_reserve"]!.GetValue<ulong>());
        Assert.Equal(["amount_paid_in", "fee", "amount_out", "tao_reserve", "alpha_reserve"], o.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void Selling_a_whole_position_skips_the_minimum_and_matches_the_vector()
    {
        var o = Ok($"{{{Pool}, \"quote_weight\": \"500000000000000000\", \"direction\": \"sell\", \"amount\": 123456}}");
        Assert.Equal(123_394UL, o["amount_paid_in"]!.GetValue<ulong>());
        Assert.Equal(62UL, o["fee"]!.GetValue<ulong>());
        Assert.Equal(30_847UL, o["amount_out"]!.GetValue<ulong>());
    }

    [Theory]
    [InlineData("\"direction\": \"buy\", \"amount\": 0", "AmountTooLow")]
    [InlineData("\"direction\": \"buy\", \"amount\": 1000000", "AmountTooLow")]
    [InlineData("\"direction\": \"sell\", \"amount\": 0", "AmountTooLow")]
    [InlineData("\"direction\": \"sell\", \"amount\": 123456, \"stake_held\": 999999999", "AmountTooLow")]
    [InlineData("\"direction\": \"sell\", \"amount\": 10, \"stake_held\": 5, \"limit_price\": \"0.1\"", "NotEnoughStakeToWithdraw")]
    [InlineData("\"direction\": \"buy\", \"amount\": 1000000000001", "InsufficientLiquidity")]
    [InlineData("\"direction\": \"sell\", \"amount\": 4000000000001", "InsufficientLiquidity")]
    [InlineData("\"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"0.1\"", "PriceLimitExceeded")]
    [InlineData("\"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"0.25\"", "PriceLimitExceeded")]
    [InlineData("\"direction\": \"sell\", \"amount\": 100000000, \"limit_price\": \"0.3\"", "PriceLimitExceeded")]
    [InlineData("\"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"0.3\"", "SlippageTooHigh")]
    [InlineData("\"direction\": \"sell\", \"amount\": 2000000000, \"limit_price\": \"0.2\"", "SlippageTooHigh")]
    [InlineData("\"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"1\", \"minimum_reserve\": 4000000001", "ReservesTooLow")]
    public void Refusals_print_the_chain_error_and_exit_1(string order, string error)
    {
        var (code, output, err) = Run($"{{{Pool}, {order}}}");
        Assert.Equal(1, code);
        Assert.Equal(error, output);
        Assert.Contains(error, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_unstake_is_capped_at_the_stake_held()
    {
        // do_remove_stake sells min(amount, stake held); only the _limit form refuses a request above the position.
        var o = Ok($"{{{Pool}, \"direction\": \"sell\", \"amount\": 10, \"stake_held\": 5}}");
        Assert.Equal(5UL, o["amount_paid_in"]!.GetValue<ulong>());
        Assert.Equal(1UL, o["amount_out"]!.GetValue<ulong>());
        Assert.Equal(4_000_000_005UL, o["alpha_reserve"]!.GetValue<ulong>());
    }

    [Theory]
    [InlineData("\"0.3\"")]
    [InlineData("0.3")]
    [InlineData("\"3e-1\"")]
    [InlineData("3E-1")]
    [InlineData("\"0.30000000099\"")]
    [InlineData("0.30000000000000004")]
    public void Limit_prices_are_whole_rao_per_alpha_below_one_rao_dropped(string limit)
    {
        var expected = Ok($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"0.300000000\", \"allow_partial\": true}}");
        var o = Ok($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": {limit}, \"allow_partial\": true}}");
        Assert.Equal(expected.ToJsonString(), o.ToJsonString());
    }

    [Fact]
    public void A_limit_below_one_rao_is_zero()
    {
        var (code, output, _) = Run($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"0.0000000009\"}}");
        Assert.Equal(1, code);
        Assert.Equal("PriceLimitExceeded", output);
    }

    [Fact]
    public void Partial_fill_stops_at_the_limit()
    {
        var full = Ok($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000}}");
        var part = Ok($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000, \"limit_price\": \"0.3\", \"allow_partial\": true}}");
        var paid = part["amount_paid_in"]!.GetValue<ulong>() + part["fee"]!.GetValue<ulong>();
        Assert.True(paid < 1_000_000_000UL);
        Assert.True(part["amount_out"]!.GetValue<ulong>() < full["amount_out"]!.GetValue<ulong>());

        // After the partial fill the price sits at (not beyond) the limit: (w1/w2)·y/x ≤ 0.3.
        var tao = part["tao_reserve"]!.GetValue<ulong>();
        var alpha = part["alpha_reserve"]!.GetValue<ulong>();
        Assert.True((UInt128)tao * 10 <= (UInt128)alpha * 3);
        Assert.True((UInt128)tao * 10 >= (UInt128)alpha * 3 - (UInt128)alpha / 1000);
    }

    [Fact]
    public void Constant_product_launch_case_matches_the_vector()
    {
        var v = JsonNode.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "cp_amm_launch.json")))!;
        var o = Ok("{\"model\": \"constant-product\", \"tao_reserve\": 10000000000, \"alpha_reserve\": 5000000000, \"fee_rate_u16\": 33, \"direction\": \"buy\", \"amount\": 1000000000}");
        Assert.Equal(v["expected"]!["alpha_out"]!.GetValue<ulong>(), o["amount_out"]!.GetValue<ulong>());
        Assert.Equal(0UL, o["fee"]!.GetValue<ulong>());
        Assert.Equal(v["expected"]!["SubnetTAO"]!.GetValue<ulong>(), o["tao_reserve"]!.GetValue<ulong>());
        Assert.Equal(v["expected"]!["SubnetAlphaIn"]!.GetValue<ulong>(), o["alpha_reserve"]!.GetValue<ulong>());
    }

    [Fact]
    public void Non_trivial_weights_take_the_approximate_path()
    {
        var even = Ok($"{{{Pool}, \"direction\": \"buy\", \"amount\": 1000000000}}");
        var skewed = Ok($"{{{Pool}, \"quote_weight\": \"615384615384615384\", \"direction\": \"buy\", \"amount\": 1000000000}}");
        Assert.NotEqual(even["amount_out"]!.GetValue<ulong>(), skewed["amount_out"]!.GetValue<ulong>());
        Assert.Equal(even["fee"]!.GetValue<ulong>(), skewed["fee"]!.GetValue<ulong>());
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\"model\": \"weighted\"}", "missing field 'direction'")]
    [InlineData("{\"model\": \"uniswap\", \"direction\": \"buy\"}", "'model' must be")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"hold\"}", "'direction' must be")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": -1}", "'tao_reserve' must be an integer")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": 1, \"alpha_reserve\": 1, \"fee_rate_u16\": 70000}", "'fee_rate_u16' must be an integer in 0..=65535")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": 1, \"alpha_reserve\": 1, \"fee_rate_u16\": 3, \"quote_weight\": \"1\", \"amount\": 5}", "'quote_weight' must keep both weights")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": 1, \"alpha_reserve\": 1, \"fee_rate_u16\": 3, \"amount\": 5, \"limit_price\": \"1e\"}", "'limit_price' must be a non-negative decimal")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": 1, \"alpha_reserve\": 1, \"fee_rate_u16\": 3, \"amount\": 5, \"limit_price\": \"18446744073.709551616\"}", "'limit_price' is too large")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": 1, \"alpha_reserve\": 1, \"fee_rate_u16\": 3, \"amount\": 5, \"limit_price\": \"-1\"}", "'limit_price' must be a non-negative decimal")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"tao_reserve\": 1, \"alpha_reserve\": 1, \"fee_rate_u16\": 3, \"amount\": 5, \"allow_partial\": 1}", "'allow_partial' must be true or false")]
    [InlineData("{\"model\": \"weighted\", \"direction\": \"buy\", \"amuont\": 5}", "unknown field 'amuont'")]
    public void Malformed_cases_exit_2_and_name_the_problem(string json, string message)
    {
        var (code, output, err) = Run(json);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_huge_file_exits_2()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, SimSwap.Run("/nonexistent/case.json", new StringWriter(), stderr));
        Assert.Contains("not found", stderr.ToString(), StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"sim-swap-big-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new string(' ', (int)SimSwap.MaxCaseBytes + 1));
        try
        {
            Assert.Equal(2, SimSwap.Run(path, new StringWriter(), new StringWriter()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fee_rate_above_the_set_fee_rate_cap_is_still_applied_as_pool_state()
    {
        // set_fee_rate refuses more than 10 000, but the swap itself computes with whatever FeeRate holds
        // (numbers from tools/swap-oracle, the independent port of the reference).
        var o = Ok($"{{\"model\": \"weighted\", \"tao_reserve\": 1000000000, \"alpha_reserve\": 4000000000, \"fee_rate_u16\": 10001, \"direction\": \"buy\", \"amount\": 1000000000}}");
        Assert.Equal(847_394_523UL, o["amount_paid_in"]!.GetValue<ulong>());
        Assert.Equal(152_605_477UL, o["fee"]!.GetValue<ulong>());
        Assert.Equal(1_834_788_427UL, o["amount_out"]!.GetValue<ulong>());

        // At 65 535 the whole amount is fee, so nothing reaches the pool and the minimum stake fails.
        var (code, output, _) = Run("{\"model\": \"weighted\", \"tao_reserve\": 1000000000, \"alpha_reserve\": 4000000000, \"fee_rate_u16\": 65535, \"direction\": \"buy\", \"amount\": 1000000000}");
        Assert.Equal(1, code);
        Assert.Equal("AmountTooLow", output);
    }

    [Fact]
    public void Output_is_machine_readable_json()
    {
        var (_, output, _) = Run($"{{{Pool}, \"direction\": \"buy\", \"amount\": 5000000}}");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }
}
