using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>taoflow_normalization.json: the power normalisation and the TAO-flow share rule, and the rule driving a block.</summary>
public sealed class TaoFlowTests
{
    private static readonly JsonElement Vector =
        JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "taoflow_normalization.json"))).RootElement;

    private static U64F64[] Fixed(JsonElement values) =>
        values.EnumerateArray().Select(v => U64F64.FromUInt((ulong)v.GetDouble())).ToArray();

    private static double Value(U64F64 v) => (double)v.Bits / System.Math.Pow(2, 64);

    private static U64F64 Sum(IEnumerable<U64F64> values) => values.Aggregate(U64F64.Zero, (a, b) => a + b);

    [Fact]
    public void PowNormalize_ExponentOne_GivesPlainProportions()
    {
        var input = Vector.GetProperty("inputs").GetProperty("pow_normalize_p1");
        var expected = Vector.GetProperty("expected").GetProperty("pow_normalize_p1").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var tol = Vector.GetProperty("expected").GetProperty("tolerance").GetDouble();
        var v = Fixed(input.GetProperty("values"));
        TaoFlowShares.PowNormalize(v, U64F64.One);
        for (var i = 0; i < v.Length; i++) Assert.InRange(Value(v[i]), expected[i] - tol, expected[i] + tol);
        Assert.InRange(Value(Sum(v)), 1 - 1e-6, 1 + 1e-6);
    }

    [Fact]
    public void PowNormalize_FractionalExponents_FollowVToThePOverTheSum()
    {
        var input = Vector.GetProperty("inputs").GetProperty("pow_normalize_fractional");
        foreach (var pj in input.GetProperty("p").EnumerateArray())
        {
            var p = pj.GetDouble();
            var v = Fixed(input.GetProperty("values"));
            TaoFlowShares.PowNormalize(v, U64F64.Parse(pj.GetRawText()));
            var raw = new[] { 2.0, 3.0, 5.0 }.Select(x => System.Math.Pow(x, p)).ToArray();
            for (var i = 0; i < v.Length; i++)
            {
                var want = raw[i] / raw.Sum();
                Assert.InRange(Value(v[i]), want * 0.99, want * 1.01);
            }
        }
    }

    [Fact]
    public void PowNormalize_LargeValues_DoNotOverflow_AndSumToOne()
    {
        var input = Vector.GetProperty("inputs").GetProperty("pow_normalize_large");
        var exp = Vector.GetProperty("expected").GetProperty("pow_normalize_large");
        var v = Fixed(input.GetProperty("values"));
        TaoFlowShares.PowNormalize(v, U64F64.FromUInt(2));
        var approx = exp.GetProperty("approx").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var i = 0; i < v.Length; i++) Assert.InRange(Value(v[i]), approx[i] * 0.99, approx[i] * 1.01);
        // The vector's 1e-9 on the sum is the reference's; truncation of three quotients loses at most 3·2^-64.
        Assert.InRange(Value(Sum(v)), 1 - exp.GetProperty("tolerance").GetDouble(), 1 + 1e-12);
    }

    [Fact]
    public void FlowShares_NegativeFlowsAboveTheCutoff()
    {
        var input = Vector.GetProperty("inputs").GetProperty("flow_shares_negative_above_cutoff");
        var exp = Vector.GetProperty("expected").GetProperty("flow_shares_negative_above_cutoff");
        var flows = input.GetProperty("ema_flows").EnumerateArray().Select(e => I64F64.FromInt((long)e.GetDouble())).ToArray();
        var shares = TaoFlowShares.SharesFromEmas(flows, new I64F64[flows.Length], netFlowEnabled: false,
            I64F64.FromInt((long)input.GetProperty("TaoFlowCutoff").GetDouble()), U64F64.One);
        var want = exp.GetProperty("shares").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var rel = exp.GetProperty("rel_tolerance").GetDouble();
        for (var i = 0; i < want.Length; i++)
        {
            if (want[i] == 0) Assert.Equal(U64F64.Zero, shares[i]);
            else Assert.InRange(Value(shares[i]), want[i] * (1 - rel), want[i] * (1 + rel));
        }
    }

    [Fact]
    public void SqrtAndLn_MatchKnownValues()
    {
        var eps = U64F64.One.SafeDiv(U64F64.FromUInt(1_000));
        Assert.InRange(Value(TaoFlowShares.CheckedSqrt(U64F64.FromUInt(4), eps)), 1.9995, 2.0005);
        Assert.Equal(I32F32.Zero, TaoFlowShares.Ln(I32F32.One));
        Assert.Null(TaoFlowShares.Ln(I32F32.Zero));
        var ln2 = TaoFlowShares.Ln(I32F32.FromInt(2))!.Value;
        Assert.InRange((double)ln2.Bits / 4294967296.0, 0.693146, 0.693148);
        var lnHalf = TaoFlowShares.Ln(I32F32.FromBits(1L << 31))!.Value;
        Assert.Equal(-ln2.Bits, lnHalf.Bits);
    }

    [Fact]
    public void TaoFlowRule_SendsTheEmissionWhereUsersStake_AndKeepsTheBooks()
    {
        var owner = DtaoTestChain.Key(1);
        var staker = DtaoTestChain.Key(2);
        var chain = new DtaoTestChain(owner, staker);
        var flow = new CoinbaseBlockStep(CoinbaseSettings.TaoFlow);
        var a = chain.OpenSubnet(owner, DtaoTestChain.Key(1, 0xA0), tempo: 1000);
        var b = chain.OpenSubnet(owner, DtaoTestChain.Key(2, 0xA0), tempo: 1000);
        chain.Staking.AddStake(chain.State, staker, DtaoTestChain.Key(1, 0xA0), a, 50_000_000_000, null, false, chain.Events);
        Assert.True(SubtensorStorage.SubnetTaoFlow.Get(chain.State, a) > 0);

        chain.Block++;
        flow.Run(chain.State, chain.Block, chain.Events);

        // Only subnet a had positive flow: it gets the whole block's TAO, b none (cutoff 0).
        Assert.Equal(0L, SubtensorStorage.SubnetTaoFlow.Get(chain.State, a)); // consumed into the EMA
        Assert.True(SubtensorStorage.SubnetEmaTaoFlow.Get(chain.State, a).Ema > I64F64.Zero);
        var intoA = SubtensorStorage.SubnetTaoInEmission.Get(chain.State, a) + SubtensorStorage.SubnetExcessTao.Get(chain.State, a);
        var intoB = SubtensorStorage.SubnetTaoInEmission.Get(chain.State, b) + SubtensorStorage.SubnetExcessTao.Get(chain.State, b);
        Assert.True(intoA > 900_000_000, intoA.ToString());
        Assert.Equal(0UL, intoB);
        chain.AssertInvariants();
    }
}
