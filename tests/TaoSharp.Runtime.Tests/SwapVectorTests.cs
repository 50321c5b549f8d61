using System.Text.Json;
using TaoSharp.Runtime.Amm;
using static TaoSharp.Runtime.Tests.AmmTestData;

namespace TaoSharp.Runtime.Tests;

/// <summary>swap_balancer_basic, swap_max_amount_add_dynamic, swap_max_amount_remove_dynamic, cp_amm_launch (exact to the RAO).</summary>
public class SwapVectorTests
{
    private static readonly WeightedPoolModel Mock = new(SwapConfig.Mock);

    [Fact]
    public void Balancer_basic_buys_and_sells_are_exact()
    {
        var v = Load("swap_balancer_basic.json");
        var inputs = v.GetProperty("inputs");
        var pool = PoolState.Create(inputs.GetProperty("tao_reserve").GetUInt64(), inputs.GetProperty("alpha_reserve").GetUInt64(), (ushort)inputs.GetProperty("fee_rate_u16").GetUInt32());
        var priceBefore = Mock.Price(pool);
        var checkedCases = 0;

        foreach (var c in v.GetProperty("expected").GetProperty("buys").EnumerateArray())
        {
            var limit = (ulong)(c.GetProperty("limit_price").GetDouble() * 1e9);
            var r = Mock.Swap(pool, SwapDirection.Buy, c.GetProperty("amount_tao_in").GetUInt64(), SwapConfig.LimitPrice(limit), false, false).Unwrap();
            string label = $"buy {c}: got in {r.AmountPaidIn}, fee {r.FeePaid}, out {r.AmountPaidOut}";
            Assert.True(c.GetProperty("amount_paid_in").GetUInt64() == r.AmountPaidIn, label);
            Assert.True(c.GetProperty("fee").GetUInt64() == r.FeePaid, label);
            Assert.True(c.GetProperty("amount_paid_out_alpha").GetUInt64() == r.AmountPaidOut, label);
            Assert.Equal(r.FeePaid, r.FeeToBlockAuthor);
            Assert.True(Mock.Price(Mock.Apply(pool, SwapDirection.Buy, r)) > priceBefore);
            checkedCases++;
        }

        foreach (var c in v.GetProperty("expected").GetProperty("sells").EnumerateArray())
        {
            var limit = (ulong)System.Math.Round(c.GetProperty("limit_price").GetDouble() * 1e9);
            var r = Mock.Swap(pool, SwapDirection.Sell, c.GetProperty("amount_alpha_in").GetUInt64(), SwapConfig.LimitPrice(limit), false, false).Unwrap();
            string label = $"sell {c}: got in {r.AmountPaidIn}, fee {r.FeePaid}, out {r.AmountPaidOut}";
            Assert.True(c.GetProperty("amount_paid_in").GetUInt64() == r.AmountPaidIn, label);
            Assert.True(c.GetProperty("fee").GetUInt64() == r.FeePaid, label);
            Assert.True(c.GetProperty("amount_paid_out_tao").GetUInt64() == r.AmountPaidOut, label);
            Assert.True(Mock.Price(Mock.Apply(pool, SwapDirection.Sell, r)) < priceBefore);
            checkedCases++;
        }

        var expectedAll = v.GetProperty("expected");
        Assert.True(checkedCases > 0 && checkedCases == expectedAll.GetProperty("buys").GetArrayLength() + expectedAll.GetProperty("sells").GetArrayLength());
    }

    [Theory]
    [InlineData("swap_max_amount_add_dynamic.json", SwapDirection.Buy)]
    [InlineData("swap_max_amount_remove_dynamic.json", SwapDirection.Sell)]
    public void Max_amount_under_limit_is_exact(string file, SwapDirection direction)
    {
        var v = Load(file);
        var fee = (ushort)v.GetProperty("inputs").GetProperty("fee_rate_u16").GetUInt32();
        var count = 0;
        foreach (var c in v.GetProperty("expected").GetProperty("cases").EnumerateArray())
        {
            var pool = PoolState.Create(c.GetProperty("tao_in").GetUInt64(), c.GetProperty("alpha_in").GetUInt64(), fee);
            var max = Mock.MaxAmountUnderLimit(pool, direction, c.GetProperty("limit_price_rao_per_alpha").GetUInt64());
            var expected = c.GetProperty("exact_reimplementation");
            string label = $"{file} case {count} {c}: got error {max.Error}, amount {max.Amount}";
            if (expected.ValueKind == JsonValueKind.String)
            {
                Assert.True(Enum.Parse<DispatchError>(expected.GetString()!) == max.Error, label);
            }
            else
            {
                Assert.True(max.Error is null, label);
                Assert.True(expected.GetUInt64() == max.Amount, label);
            }

            count++;
        }

        Assert.True(count > 0 && count == v.GetProperty("inputs").GetProperty("cases").GetArrayLength(), $"{file}: {count} cases checked");
    }

    [Fact]
    public void Launch_constant_product_stake_base_case()
    {
        var v = Load("cp_amm_launch.json");
        var inputs = v.GetProperty("inputs");
        var expected = v.GetProperty("expected");
        var pool = PoolState.Create(inputs.GetProperty("SubnetTAO").GetUInt64(), inputs.GetProperty("SubnetAlphaIn").GetUInt64());
        var model = ConstantProductPoolModel.Instance;

        var r = model.Swap(pool, SwapDirection.Buy, inputs.GetProperty("tao_in").GetUInt64(), default, false, false).Unwrap();
        var after = model.Apply(pool, SwapDirection.Buy, r);

        Assert.Equal(expected.GetProperty("alpha_out").GetUInt64(), r.AmountPaidOut);
        Assert.Equal(0UL, r.FeePaid);
        Assert.Equal(expected.GetProperty("SubnetTAO").GetUInt64(), after.TaoReserve.Rao);
        Assert.Equal(expected.GetProperty("SubnetAlphaIn").GetUInt64(), after.AlphaReserve.Raw);
        Assert.Equal(expected.GetProperty("SubnetAlphaOut").GetUInt64(), inputs.GetProperty("SubnetAlphaOut").GetUInt64() + r.AmountPaidOut);
    }

    [Fact]
    public void Launch_stake_path_with_zero_flat_fee_matches_the_vector()
    {
        var profile = EconomicsProfile.Launch with { FlatStakingFee = 0 };
        var path = StakeSwap.ForDynamicSubnet(profile);
        var outcome = path.AddStake(PoolState.Create(10_000_000_000, 5_000_000_000), new StakeSwapRequest(SwapDirection.Buy, 1_000_000_000, null, false, 0));
        Assert.True(outcome.IsOk);
        Assert.Equal(454_545_454UL, outcome.Swap.Result.AmountPaidOut);
        Assert.Equal(11_000_000_000UL, outcome.PoolAfter.TaoReserve.Rao);
    }
}
