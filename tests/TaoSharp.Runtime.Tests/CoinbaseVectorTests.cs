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
        Assert.NotEmpty(issuance);
        Assert.Equal(issuance.Length, expected.Length);
        for (var i = 0; i < issuance.Length; i++)
        {
            Assert.True(expected[i] == BlockEmission.ForIssuance(issuance[i]), $"issuance_rao[{i}] = {issuance[i]}: expected {expected[i]}, got {BlockEmission.ForIssuance(issuance[i])}");
        }
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
        var file = Load("emission_shares_price.json");
        var v = file.GetProperty("expected");

        // Upstream: EMA prices stored as I96F32 from f64, block emission E split by price shares, SubnetTAO = pool TAO + share (within the stated tolerance).
        var inputs = file.GetProperty("inputs").GetProperty("different_prices");
        var prices = inputs.GetProperty("ema_prices").EnumerateArray().Select(p => I96F32.Parse(p.GetRawText()).ToU64F64()).ToArray();
        var pools = inputs.GetProperty("pool").EnumerateArray().ToArray();
        var subnets = prices.Select(p => new EmissionCandidate(p, U96F32.Zero, true)).ToArray();
        var tao = EmissionShares.SubnetBlockEmissions(subnets, U96F32.FromUInt(inputs.GetProperty("block_emission").GetUInt64())).Select(x => x.SaturatingToU64()).ToArray();
        var expectedDifferent = v.GetProperty("different_prices");
        var after = expectedDifferent.GetProperty("SubnetTAO_after").EnumerateArray().Select(x => x.GetUInt64()).ToArray();
        long tolerance = expectedDifferent.TryGetProperty("tolerance", out var t) ? t.GetInt64() : 0;
        Assert.Equal(after.Length, prices.Length);
        for (var i = 0; i < after.Length; i++)
        {
            Assert.True(System.Math.Abs((long)(pools[i].GetProperty("tao").GetUInt64() + tao[i]) - (long)after[i]) <= tolerance, $"different_prices subnet {i}: got {tao[i]} more TAO, expected total {after[i]}");
        }

        // Spot prices equal to the EMA prices: each subnet's alpha injection is its TAO share over its price.
        var alphaInputs = file.GetProperty("inputs").GetProperty("alpha_issuance_different");
        var alphaPrices = alphaInputs.GetProperty("ema_prices").EnumerateArray().Select(p => I96F32.Parse(p.GetRawText()).ToU64F64()).ToArray();
        var alphaPools = alphaInputs.GetProperty("pool").EnumerateArray().ToArray();
        var shares = EmissionShares.SubnetBlockEmissions(alphaPrices.Select(p => new EmissionCandidate(p, U96F32.Zero, true)).ToArray(),
            U96F32.FromUInt(alphaInputs.GetProperty("block_emission").GetUInt64()));
        var rootProp = RootProportion.Compute(1_000_000_000_000_000_000, ulong.MaxValue, 2_000_000);
        var alphaAfter = v.GetProperty("alpha_issuance_different").GetProperty("SubnetAlphaIn_after").EnumerateArray().Select(x => x.GetUInt64()).ToArray();
        Assert.Equal(alphaAfter.Length, alphaPrices.Length);
        for (var i = 0; i < alphaAfter.Length; i++)
        {
            var alphaIn = SubnetTerms.Compute(shares[i], 1_000_000_000, alphaPrices[i], rootProp).AlphaIn.SaturatingToU64();
            Assert.True(alphaAfter[i] == alphaPools[i].GetProperty("alpha").GetUInt64() + alphaIn, $"alpha_issuance_different subnet {i}: {alphaIn} injected");
        }
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
            var emission = EmissionShares.SubnetBlockEmissions(subnets, U96F32.FromUInt(
                Load("emission_shares_price.json").GetProperty("inputs").GetProperty("toggles").GetProperty("block_emission_per_run").GetUInt64()));
            var w = want[r].EnumerateArray().Select(x => x.GetInt64()).ToArray();
            Assert.Equal(w.Length, subnets.Length);
            for (var i = 0; i < w.Length; i++)
            {
                Assert.True(System.Math.Abs((long)emission[i].SaturatingToU64() - w[i]) <= 2, $"toggles run {r} subnet {i}: {emission[i].SaturatingToU64()} vs {w[i]}");
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
