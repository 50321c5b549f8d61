using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.Runtime.Coinbase;
using static TaoSharp.Runtime.Tests.AmmTestData;

namespace TaoSharp.Runtime.Tests;

/// <summary>block_emission_schedule, moving_price_ema, root_proportion, coinbase_pending_emission, emission_shares_price.</summary>
public class CoinbaseVectorTests
{
    [Fact]
    public void Block_emission_schedule_is_exact()
    {
        var v = Load("block_emission_schedule.json");
        var issuance = v.GetProperty("inputs").GetProperty("issuance_rao").EnumerateArray().Select(e => e.GetUInt64()).ToArray();
        var expected = v.GetProperty("expected").GetProperty("block_emission_rao").EnumerateArray().Select(e => e.GetUInt64()).ToArray();
        Assert.Equal(10, issuance.Length);
        Assert.Equal(expected, issuance.Select(BlockEmission.ForIssuance).ToArray());
    }

    [Fact]
    public void Block_emission_halves_exactly_at_each_threshold()
    {
        // Thresholds 21e15·(1 − 2^−k): one RAO below keeps the old rate, the threshold itself halves it.
        for (var k = 1; k <= 8; k++)
        {
            var threshold = BlockEmission.TotalSupply - (BlockEmission.TotalSupply >> k);
            Assert.Equal(BlockEmission.DefaultBlockEmission >> (k - 1), BlockEmission.ForIssuance(threshold - 1));
            Assert.Equal(BlockEmission.DefaultBlockEmission >> k, BlockEmission.ForIssuance(threshold));
        }

        Assert.Equal(0UL, BlockEmission.ForIssuance(ulong.MaxValue));
        Assert.Equal(5UL, BlockEmission.MintForBlock(0, BlockEmission.TotalSupply - 5));
        Assert.Equal(BlockEmission.ForIssuance(7), BlockEmission.AlphaForSubnet(3, 4));
    }

    [Fact]
    public void Moving_price_ema_follows_the_reference_tests()
    {
        var v = Load("moving_price_ema.json");
        var mp = v.GetProperty("inputs").GetProperty("moving_prices");
        var price = I96F32.Zero;
        var alpha = I96F32.Parse("0.1");
        var b = MovingPrice.BlocksSinceStartCall(mp.GetProperty("block").GetUInt64(), mp.GetProperty("FirstEmissionBlockNumber").GetUInt64());
        for (var i = 0; i < mp.GetProperty("iterations").GetInt32(); i++)
        {
            price = MovingPrice.Next(price, U64F64.One, alpha, b, mp.GetProperty("EMAPriceHalvingBlocks").GetUInt64());
        }

        var expected = v.GetProperty("expected").GetProperty("moving_prices");
        Assert.InRange(ToDouble(price.ToU64F64()), expected.GetProperty("moving_price").GetDouble() - 0.001, expected.GetProperty("moving_price").GetDouble() + 0.001);

        var initial = v.GetProperty("inputs").GetProperty("initial");
        var p0 = MovingPrice.Next(I96F32.Zero, U64F64.One, I96F32.Parse("0.5"),
            MovingPrice.BlocksSinceStartCall(initial.GetProperty("block").GetUInt64(), initial.GetProperty("FirstEmissionBlockNumber").GetUInt64()), MovingPrice.DefaultHalvingBlocks);
        Assert.True(ToDouble(p0.ToU64F64()) < 0.001);

        var late = v.GetProperty("inputs").GetProperty("after_time");
        var p1 = MovingPrice.Next(I96F32.Zero, U64F64.One, I96F32.Parse("0.5"),
            MovingPrice.BlocksSinceStartCall(late.GetProperty("block").GetUInt64(), late.GetProperty("FirstEmissionBlockNumber").GetUInt64()), MovingPrice.DefaultHalvingBlocks);
        Assert.InRange(ToDouble(p1.ToU64F64()), 0.499, 0.501);

        // The spot price enters capped at 1.0.
        Assert.Equal(MovingPrice.Next(I96F32.Zero, U64F64.One, alpha, b, 1), MovingPrice.Next(I96F32.Zero, U64F64.FromUInt(5), alpha, b, 1));
    }

    [Fact]
    public void Root_proportion_matches()
    {
        var v = Load("root_proportion.json");
        var i = v.GetProperty("inputs");
        var rp = RootProportion.Compute(i.GetProperty("SubnetTAO_root").GetUInt64(), i.GetProperty("TaoWeight_raw").GetUInt64(),
            i.GetProperty("SubnetAlphaIn").GetUInt64() + i.GetProperty("SubnetAlphaOut").GetUInt64());
        var expected = v.GetProperty("expected").GetProperty("root_proportion").GetDouble();
        Assert.InRange(ToDouble(rp.ToU64F64()), expected - 1e-9, expected + 1e-9);
    }

    [Fact]
    public void Pending_emission_split_matches_to_the_unit()
    {
        var v = Load("coinbase_pending_emission.json").GetProperty("expected");
        var quarter = U96F32.FromBits(UInt128.One << 30);

        var p = PendingEmissionSplit.Compute(U96F32.FromUInt(1_000_000_000), 0, true, quarter, true);
        var e = v.GetProperty("pending_emission");
        Assert.Equal(0UL, p.OwnerCut);
        Assert.InRange((long)p.Server - (long)e.GetProperty("PendingServerEmission").GetUInt64(), -1, 1);
        Assert.InRange((long)p.Validator - (long)e.GetProperty("PendingValidatorEmission").GetUInt64(), -1, 1);
        Assert.InRange((long)p.RootAlpha - (long)e.GetProperty("PendingRootAlphaDivs").GetUInt64(), -1, 1);

        var d = v.GetProperty("derived_split");
        var split = PendingEmissionSplit.Compute(U96F32.FromUInt(1_000_000_000), PendingEmissionSplit.DefaultOwnerCut, true, quarter, true);
        Assert.Equal(d.GetProperty("PendingOwnerCut").GetUInt64(), split.OwnerCut);
        Assert.Equal(d.GetProperty("PendingServerEmission").GetUInt64(), split.Server);
        Assert.Equal(d.GetProperty("PendingValidatorEmission").GetUInt64(), split.Validator);
        Assert.Equal(d.GetProperty("PendingRootAlphaDivs").GetUInt64(), split.RootAlpha);

        var cuts = v.GetProperty("owner_cut_base").GetProperty("PendingOwnerCut").EnumerateArray().Select(x => x.GetUInt64()).ToArray();
        Assert.Equal(cuts[0], PendingEmissionSplit.Compute(U96F32.FromUInt(1_000_000_000), 0, true, U96F32.Zero, true).OwnerCut);
        Assert.Equal(cuts[1], PendingEmissionSplit.Compute(U96F32.FromUInt(1_000_000_000), ushort.MaxValue, true, U96F32.Zero, true).OwnerCut);
    }

    [Fact]
    public void Alpha_injection_cap()
    {
        var rootPropNearOne = RootProportion.Compute(1_000_000_000_000_000_000, ulong.MaxValue, 2_000_000_000);
        var small = SubnetTerms.Compute(U96F32.FromUInt(100_000_000), 1_000_000_000, U64F64.One, rootPropNearOne);
        Assert.Equal(100_000_000UL, small.AlphaIn.SaturatingToU64());
        Assert.Equal(U96F32.Zero, small.ExcessTao);

        var large = SubnetTerms.Compute(U96F32.FromUInt(10_000_000_000), 1_000_000_000, U64F64.One, rootPropNearOne);
        Assert.Equal(rootPropNearOne.SaturatingMul(U96F32.FromUInt(1_000_000_000)), large.AlphaIn);
        Assert.Equal(U96F32.FromUInt(10_000_000_000).SaturatingSub(large.TaoIn), large.ExcessTao);
        Assert.Equal(1_000_000_000UL, large.AlphaOut.SaturatingToU64());
    }

    [Fact]
    public void Emission_shares_follow_ema_prices()
    {
        var v = Load("emission_shares_price.json").GetProperty("expected");

        // EMA 0.1 / 0.2 (stored as I96F32 from f64), E = 1e8: SubnetTAO grows by 33 333 333 / 66 666 666 (±10).
        var prices = new[] { I96F32.Parse("0.1").ToU64F64(), I96F32.Parse("0.2").ToU64F64() };
        var subnets = prices.Select(p => new EmissionCandidate(p, U96F32.Zero, true)).ToArray();
        var tao = EmissionShares.SubnetBlockEmissions(subnets, U96F32.FromUInt(100_000_000)).Select(x => x.SaturatingToU64()).ToArray();
        var after = v.GetProperty("different_prices").GetProperty("SubnetTAO_after").EnumerateArray().Select(x => x.GetUInt64()).ToArray();
        Assert.InRange((long)(100_000 + tao[0]) - (long)after[0], -10, 10);
        Assert.InRange((long)(100_000 + tao[1]) - (long)after[1], -10, 10);

        // Prices 1 and 2, pools at the same spot prices, E = 1e6: both get 333 333 alpha.
        var two = new[] { new EmissionCandidate(U64F64.One, U96F32.Zero, true), new EmissionCandidate(U64F64.FromUInt(2), U96F32.Zero, true) };
        var t2 = EmissionShares.SubnetBlockEmissions(two, U96F32.FromUInt(1_000_000));
        var rootProp = RootProportion.Compute(1_000_000_000_000_000_000, ulong.MaxValue, 2_000_000);
        var a0 = SubnetTerms.Compute(t2[0], 1_000_000_000, U64F64.One, rootProp).AlphaIn.SaturatingToU64();
        var a1 = SubnetTerms.Compute(t2[1], 1_000_000_000, U64F64.FromUInt(2), rootProp).AlphaIn.SaturatingToU64();
        var alphaAfter = v.GetProperty("alpha_issuance_different").GetProperty("SubnetAlphaIn_after").EnumerateArray().Select(x => x.GetUInt64()).ToArray();
        Assert.Equal(alphaAfter[0], 1_000_000 + a0);
        Assert.Equal(alphaAfter[1], 1_000_000 + a1);
    }

    [Fact]
    public void Disabled_subnets_give_their_share_to_enabled_ones()
    {
        var v = Load("emission_shares_price.json").GetProperty("expected");
        var expected = v.GetProperty("disabled_redistribution").GetProperty("tao_emission").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var flags = new[] { true, false, true };
        var got = EmissionShares.SubnetBlockEmissions(flags.Select(f => new EmissionCandidate(U64F64.One, U96F32.Zero, f)).ToArray(), U96F32.FromUInt(3_333_333));
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange((long)got[i].SaturatingToU64() - expected[i], -2, 2);
        }

        var runs = Load("emission_shares_price.json").GetProperty("inputs").GetProperty("toggles").GetProperty("runs").EnumerateArray().ToArray();
        var want = v.GetProperty("toggles").GetProperty("SubnetTaoInEmission").EnumerateArray().ToArray();
        for (var r = 0; r < runs.Length; r++)
        {
            var subnets = runs[r].EnumerateArray().Select(f => new EmissionCandidate(U64F64.One, U96F32.Zero, f.GetBoolean())).ToArray();
            var emission = EmissionShares.SubnetBlockEmissions(subnets, U96F32.FromUInt(3_000_000));
            var w = want[r].EnumerateArray().Select(x => x.GetInt64()).ToArray();
            for (var i = 0; i < 3; i++)
            {
                Assert.InRange((long)emission[i].SaturatingToU64() - w[i], -2, 2);
            }
        }
    }

    [Fact]
    public void Miner_burn_reweights_and_falls_back_to_price_shares()
    {
        var equal = new[] { new EmissionCandidate(U64F64.One, U96F32.Zero, true), new EmissionCandidate(U64F64.One, U96F32.Zero, true) };
        Assert.All(EmissionShares.Shares(equal), s => Assert.Equal(U64F64.One.SafeDiv(U64F64.FromUInt(2)), s));

        var oneBurns = new[] { new EmissionCandidate(U64F64.One, U96F32.One, true), new EmissionCandidate(U64F64.One, U96F32.Zero, true) };
        Assert.Equal(new[] { U64F64.Zero, U64F64.One }, EmissionShares.Shares(oneBurns));

        var allBurn = new[] { new EmissionCandidate(U64F64.One, U96F32.One, true), new EmissionCandidate(U64F64.FromUInt(3), U96F32.FromUInt(7), true) };
        Assert.Equal(EmissionShares.PriceShares(allBurn), EmissionShares.Shares(allBurn));

        Assert.False(EmissionShares.RootSellFlag([U64F64.One]));
        Assert.True(EmissionShares.RootSellFlag([U64F64.One, U64F64.Delta]));
    }
}
