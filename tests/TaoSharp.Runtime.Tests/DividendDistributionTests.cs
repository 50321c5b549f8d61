using System.Numerics;
using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// dividend_distribution.json through the storage path (distribute_emission with child keys, takes and the
/// alpha/root split). The vector's numbers carry the reference tests' tolerances (up to ±10 000); each case is also
/// checked to the RAO against <see cref="Fx"/>, an independent BigInteger model of the reference's U96F32 steps fed
/// with the validator dividend the (bit-exact) epoch produced.
/// </summary>
public sealed class DividendDistributionTests
{
    private static readonly JsonElement Vector =
        JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "dividend_distribution.json"))).RootElement;

    private static JsonElement Expected(string name) => Vector.GetProperty("expected").GetProperty(name);

    private static JsonElement Input(string name) => Vector.GetProperty("inputs").GetProperty(name);

    /// <summary>U96F32 on raw BigInteger bits: products and quotients truncate, as substrate-fixed does.</summary>
    private static class Fx
    {
        public static BigInteger I(ulong v) => (BigInteger)v << 32;

        public static BigInteger Mul(BigInteger a, BigInteger b) => (a * b) >> 32;

        public static BigInteger Div(BigInteger a, BigInteger b) => b.IsZero ? BigInteger.Zero : (a << 32) / b;

        public static ulong Floor(BigInteger a) => (ulong)(a >> 32);
    }

    [Fact]
    public void Totals_SplitByOwnStakes_ExactAndWithinTheVector()
    {
        var input = Input("dividend_distribution_totals");
        var exp = Expected("dividend_distribution_totals");
        // U96F32::from_num(f64): the nearest multiple of 2^-32 (0.18 → 773 094 113); scaling a binary float by 2^32 is exact.
        var tw = U96F32.FromBits((UInt128)System.Math.Round(input.GetProperty("tao_weight").GetDouble() * 4294967296.0, MidpointRounding.ToEven));
        var pool = input.GetProperty("pending_validator_alpha").GetUInt64();
        var root = input.GetProperty("pending_root_alpha").GetUInt64();
        var hk = input.GetProperty("dividends").EnumerateObject().Select(p => p.Name).ToArray();
        var stakes = hk.Select((h, i) => (DtaoTestChain.Key(i, 0xA0),
            U96F32.FromUInt(input.GetProperty("dividends").GetProperty(h).GetUInt64()),
            input.GetProperty("stake_map").GetProperty(h).GetProperty("alpha").GetUInt64(),
            input.GetProperty("stake_map").GetProperty(h).GetProperty("root").GetUInt64())).ToList();

        var split = DividendSplit.Compute(stakes, tw, pool, root);

        // Independent model, to the bit.
        var rd = new BigInteger[hk.Length];
        var ad = new BigInteger[hk.Length];
        for (var i = 0; i < hk.Length; i++)
        {
            var rootAlpha = Fx.Mul(Fx.I(stakes[i].Item4), tw.Bits);
            var rootProp = Fx.Div(rootAlpha, Fx.I(stakes[i].Item3) + rootAlpha);
            rd[i] = Fx.Mul(stakes[i].Item2.Bits, rootProp);
            ad[i] = stakes[i].Item2.Bits - rd[i];
        }

        BigInteger adSum = ad.Aggregate(BigInteger.Zero, (a, b) => a + b), rdSum = rd.Aggregate(BigInteger.Zero, (a, b) => a + b);
        for (var i = 0; i < hk.Length; i++)
        {
            Assert.True(Fx.Mul(Fx.I(pool), Fx.Div(ad[i], adSum)) == (BigInteger)split.Alpha[i].Amount.Bits, $"{hk[i]}: alpha share bits");
            Assert.True(Fx.Mul(Fx.I(root), Fx.Div(rd[i], rdSum)) == (BigInteger)split.Root[i].Amount.Bits, $"{hk[i]}: root share bits");
            if (!exp.GetProperty("per_hotkey_f64").TryGetProperty(hk[i], out var f64)) continue;
            // U96F32 shares carry 2^-32 of relative error; the vector's f64 values agree within that.
            Assert.True(System.Math.Abs(split.Alpha[i].Amount.SaturatingToU64() - f64.GetProperty("alpha").GetDouble()) <= 1_000, $"{hk[i]}: alpha vs f64");
            Assert.True(System.Math.Abs(split.Root[i].Amount.SaturatingToU64() - f64.GetProperty("root_alpha").GetDouble()) <= 1_000, $"{hk[i]}: root alpha vs f64");
        }

        var tol = exp.GetProperty("tolerance").GetUInt64();
        var alphaTotal = split.Alpha.Aggregate(U96F32.Zero, (a, e) => a.SaturatingAdd(e.Amount)).SaturatingToU64();
        var rootTotal = split.Root.Aggregate(U96F32.Zero, (a, e) => a.SaturatingAdd(e.Amount)).SaturatingToU64();
        Assert.InRange(alphaTotal, exp.GetProperty("sum_alpha_dividends").GetUInt64() - tol, exp.GetProperty("sum_alpha_dividends").GetUInt64());
        Assert.InRange(rootTotal, exp.GetProperty("sum_root_alpha_dividends").GetUInt64() - tol, exp.GetProperty("sum_root_alpha_dividends").GetUInt64());
    }

    [Fact]
    public void SingleStaker_NoWeights_ValidatorsGetTheServerHalfToo()
    {
        var input = Input("single_staker");
        var exp = Expected("single_staker");
        var (chain, n, owner) = Subnet();
        var hot = Register(chain, n, 2);
        StakeLedger.Increase(chain.State, hot, DtaoTestChain.Key(2), n, input.GetProperty("stake").GetUInt64());
        SubtensorStorage.Delegates.Set(chain.State, hot, 0);

        Distribute(chain, n, input.GetProperty("pending_server").GetUInt64(), input.GetProperty("pending_validator").GetUInt64(), 0);

        var after = StakeLedger.HotkeyTotal(chain.State, hot, n);
        // One validator: the whole pool (S+V, no incentives) is its, with no rounding left.
        Assert.Equal(input.GetProperty("stake").GetUInt64() + 1_000_000_000, after);
        Assert.InRange(after, exp.GetProperty("stake_after").GetUInt64() - exp.GetProperty("tolerance").GetUInt64(), exp.GetProperty("stake_after").GetUInt64() + exp.GetProperty("tolerance").GetUInt64());
        _ = owner;
    }

    [Fact]
    public void TwoStakers_ShareThePoolEqually()
    {
        var exp = Expected("two_stakers");
        var (chain, n, _) = Subnet();
        var a = Register(chain, n, 2);
        var b = Register(chain, n, 3);
        StakeLedger.Increase(chain.State, a, DtaoTestChain.Key(2), n, 1_000_000_000);
        StakeLedger.Increase(chain.State, b, DtaoTestChain.Key(3), n, 1_000_000_000);

        Distribute(chain, n, 500_000_000, 500_000_000, 0);

        var tol = exp.GetProperty("tolerance").GetUInt64();
        var target = exp.GetProperty("stake_after_each").GetUInt64();
        foreach (var h in new[] { a, b })
        {
            var after = StakeLedger.HotkeyTotal(chain.State, h, n);
            Assert.Equal(1_000_000_000 + ExpectedPoolShare(chain, n, h, [a, b], 1_000_000_000, take: StakingConstants.DefaultDelegateTake), after);
            Assert.InRange(after, target - tol, target + tol);
        }
    }

    [Fact]
    public void ParentAndChild_ChildkeyTakeTenPercent_ExactToTheRao()
    {
        var input = Input("childkey_parentkey");
        var exp = Expected("childkey_parentkey");
        var (chain, n, _) = Subnet();
        var child = Register(chain, n, 2);
        var parentCold = DtaoTestChain.Key(9);
        var parent = DtaoTestChain.Key(9, 0xA0);
        SubtensorStorage.Owner.Set(chain.State, parent, parentCold);
        StakeLedger.Increase(chain.State, parent, parentCold, n, input.GetProperty("parent_stake").GetUInt64());
        SetChildren(chain, n, parentCold, parent, child);
        var ckTake = (ushort)input.GetProperty("childkey_take_u16").GetUInt32();
        SubtensorStorage.ChildkeyTake.Set(chain.State, child, n, ckTake);

        Distribute(chain, n, 500_000_000, 500_000_000, 0);
        var d = DividendOf(chain, n, child);

        // Model: the parent lends everything, so it earns the whole dividend less the child's take.
        var pe = Fx.I(d);
        var take = Fx.Mul(Fx.Div(Fx.I(ckTake), Fx.I(ushort.MaxValue)), pe);
        var parentDiv = Fx.Floor(pe - take);
        var childDiv = Fx.Floor(take);
        var pool = Fx.I(1_000_000_000);
        var parentAmount = Fx.Mul(pool, Fx.Div(Fx.I(parentDiv), Fx.I(parentDiv) + Fx.I(childDiv)));
        var childAmount = Fx.Mul(pool, Fx.Div(Fx.I(childDiv), Fx.I(parentDiv) + Fx.I(childDiv)));
        var delegateTake = Fx.Div(Fx.I(StakingConstants.DefaultDelegateTake), Fx.I(ushort.MaxValue));
        ulong Paid(BigInteger amount) => Fx.Floor(Fx.Mul(amount, delegateTake)) + Fx.Floor(amount - Fx.Mul(amount, delegateTake));

        var parentAfter = StakeLedger.HotkeyTotal(chain.State, parent, n);
        var childAfter = StakeLedger.HotkeyTotal(chain.State, child, n);
        Assert.Equal(input.GetProperty("parent_stake").GetUInt64() + Paid(parentAmount), parentAfter);
        Assert.Equal(Paid(childAmount), childAfter);
        var tol = exp.GetProperty("tolerance").GetUInt64();
        Assert.InRange(parentAfter, exp.GetProperty("parent_stake_after").GetUInt64() - tol, exp.GetProperty("parent_stake_after").GetUInt64() + tol);
        Assert.InRange(childAfter, exp.GetProperty("child_stake_after").GetUInt64() - tol, exp.GetProperty("child_stake_after").GetUInt64() + tol);
    }

    [Theory]
    [InlineData("root_children_take_full", ushort.MaxValue)]
    [InlineData("root_children_take_half", 32_767)]
    public void RootChildren_ChildkeyTake_SplitsAliceAndBob(string name, ushort ckTake)
    {
        var exp = Expected(name).GetProperty("AlphaDividendsPerSubnet");
        var tol = Expected(name).GetProperty("tolerance").GetUInt64();
        var (chain, n, _) = Subnet();
        var (coldAlice, coldBob) = (DtaoTestChain.Key(2), DtaoTestChain.Key(3));
        var alice = Register(chain, n, 2);
        var bob = Register(chain, n, 3);
        SubtensorStorage.TaoWeight.Set(chain.State, ulong.MaxValue);
        RootRegistration.Register(chain.State, coldAlice, alice, chain.Block, chain.Events);
        chain.Block++;
        SubtensorStorage.RegistrationsThisBlock.Set(chain.State, NetUid.Root, 0);
        RootRegistration.Register(chain.State, coldBob, bob, chain.Block, chain.Events);
        foreach (var (h, c) in new[] { (alice, coldAlice), (bob, coldBob) })
        {
            StakeLedger.Increase(chain.State, h, c, NetUid.Root, 1_000_000_000);
            StakeLedger.Increase(chain.State, h, c, n, 1_000_000_000);
            SubtensorStorage.Delegates.Set(chain.State, h, 0);
        }

        SubtensorStorage.ChildkeyTake.Set(chain.State, bob, n, ckTake);
        SetChildren(chain, n, coldAlice, alice, bob);

        Distribute(chain, n, 500_000_000, 500_000_000, 0);
        var d = DividendOf(chain, n, bob);

        // Model: bob's own contribution 2e9 (alpha + tw·root, tw = 1) against alice's lent 2e9.
        var one = Fx.Div(Fx.I(ulong.MaxValue), Fx.I(ulong.MaxValue));
        var selfBob = Fx.I(Fx.Floor(Fx.I(1_000_000_000) + Fx.Mul(Fx.I(1_000_000_000), one)));
        var fromAlice = Fx.Mul(Fx.I(1_000_000_000), one) + Fx.Mul(Fx.Mul(Fx.I(1_000_000_000), one), one);
        var pe = Fx.Mul(Fx.I(d), Fx.Div(fromAlice, selfBob + fromAlice));
        var remaining = Fx.I(d) - pe;
        var take = Fx.Mul(Fx.Div(Fx.I(ckTake), Fx.I(ushort.MaxValue)), pe);
        var divAlice = Fx.Floor(pe - take);
        var divBob = Fx.Floor(remaining + take);
        // Both hold alpha 1e9 and root 1e9 (tw = 1): half of each dividend is the alpha part.
        BigInteger AlphaPart(ulong div) => Fx.I(div) - Fx.Mul(Fx.I(div), Fx.Div(Fx.Mul(Fx.I(1_000_000_000), one), Fx.I(1_000_000_000) + Fx.Mul(Fx.I(1_000_000_000), one)));
        var sum = AlphaPart(divAlice) + AlphaPart(divBob);
        var pool = Fx.I(1_000_000_000);

        var gotAlice = SubtensorStorage.AlphaDividendsPerSubnet.Get(chain.State, n, alice);
        var gotBob = SubtensorStorage.AlphaDividendsPerSubnet.Get(chain.State, n, bob);
        Assert.Equal(Fx.Floor(Fx.Mul(pool, Fx.Div(AlphaPart(divAlice), sum))), gotAlice);
        Assert.Equal(Fx.Floor(Fx.Mul(pool, Fx.Div(AlphaPart(divBob), sum))), gotBob);
        Assert.InRange(gotAlice, exp.GetProperty("alice").GetUInt64() - System.Math.Min(tol, exp.GetProperty("alice").GetUInt64()), exp.GetProperty("alice").GetUInt64() + tol);
        Assert.InRange(gotBob, exp.GetProperty("bob").GetUInt64() - tol, exp.GetProperty("bob").GetUInt64() + tol);
    }

    [Fact]
    public void NoMiners_EverythingDrainsToTheOnlyStaker()
    {
        var input = Input("no_miners");
        var exp = Expected("no_miners");
        var (chain, n, _) = Subnet();
        var hot = Register(chain, n, 2);
        SubtensorStorage.TaoWeight.Set(chain.State, 0);
        StakeLedger.Increase(chain.State, hot, DtaoTestChain.Key(2), n, input.GetProperty("stake").GetUInt64());
        var emission = input.GetProperty("emission").GetUInt64();

        Distribute(chain, n, emission / 2, emission / 2, 0);

        // Model: the single validator gets the whole pool; the 18 % take and the rest are floored separately.
        var amount = Fx.I(emission);
        var take = Fx.Mul(amount, Fx.Div(Fx.I(StakingConstants.DefaultDelegateTake), Fx.I(ushort.MaxValue)));
        var after = StakeLedger.HotkeyTotal(chain.State, hot, n);
        Assert.Equal(input.GetProperty("stake").GetUInt64() + Fx.Floor(take) + Fx.Floor(amount - take), after);
        Assert.InRange(after, exp.GetProperty("total_stake_after").GetUInt64() - exp.GetProperty("tolerance").GetUInt64(), exp.GetProperty("total_stake_after").GetUInt64());
    }

    [Fact]
    public void CkBurn_IsRecycledFromAlphaOut_OnlyForOtherColdkeys()
    {
        var (chain, n, _) = Subnet();
        var child = Register(chain, n, 2);
        var parent = DtaoTestChain.Key(9, 0xA0);
        SubtensorStorage.Owner.Set(chain.State, parent, DtaoTestChain.Key(9));
        StakeLedger.Increase(chain.State, parent, DtaoTestChain.Key(9), n, 1_000_000_000);
        SetChildren(chain, n, DtaoTestChain.Key(9), parent, child);
        SubtensorStorage.CKBurn.Set(chain.State, ulong.MaxValue / 10);
        SubtensorStorage.SubnetAlphaOut.Set(chain.State, n, 5_000_000_000);
        ulong burned = 0;

        var tuples = ParentChildDividends.Distribute(chain.State, child, n, 1_000_000_000, ref burned);

        var burnFx = Fx.Mul(Fx.Div(Fx.I(ulong.MaxValue / 10), Fx.I(ulong.MaxValue)), Fx.I(1_000_000_000));
        Assert.Equal(Fx.Floor(burnFx), burned);
        Assert.Equal(5_000_000_000 - Fx.Floor(burnFx), SubtensorStorage.SubnetAlphaOut.Get(chain.State, n));
        Assert.Equal([(parent, Fx.Floor(Fx.I(1_000_000_000) - burnFx)), (child, 0UL)], tuples.Select(t => (t.Hotkey, t.Amount)).ToArray());
    }

    // ---- helpers ----

    private static (DtaoTestChain Chain, NetUid Netuid, AccountId Owner) Subnet()
    {
        var owner = DtaoTestChain.Key(1);
        var chain = new DtaoTestChain(owner, DtaoTestChain.Key(2), DtaoTestChain.Key(3), DtaoTestChain.Key(9));
        var n = chain.OpenSubnet(owner, DtaoTestChain.Key(1, 0xA0), tempo: 100);
        return (chain, n, owner);
    }

    private static AccountId Register(DtaoTestChain chain, NetUid n, int id)
    {
        var hot = DtaoTestChain.Key(id, 0xA0);
        new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current)).BurnedRegister(chain.State, DtaoTestChain.Key(id), n, hot, chain.Block);
        return hot;
    }

    /// <summary>set_children through the call, then applied once the cooldown has passed.</summary>
    private static void SetChildren(DtaoTestChain chain, NetUid n, AccountId coldkey, AccountId parent, AccountId child)
    {
        ChildKeys.Schedule(chain.State, chain.Staking.Pools, coldkey, parent, n, [(ulong.MaxValue, child)], chain.Block, chain.Events);
        ChildKeys.ApplyPending(chain.State, n, chain.Block + SubtensorStorage.PendingChildKeyCooldown.Get(chain.State) + 1, chain.Events);
        Assert.Equal([(ulong.MaxValue, child)], SubtensorStorage.ChildKeys.Get(chain.State, parent, n));
        Assert.Equal([(ulong.MaxValue, parent)], SubtensorStorage.ParentKeys.Get(chain.State, child, n));
    }

    private static void Distribute(DtaoTestChain chain, NetUid n, ulong server, ulong validator, ulong root)
    {
        chain.Block += 10;
        new EmissionDistribution(EconomicsProfile.Current).Distribute(chain.State, n, chain.Block, new PendingEmission(server, validator, root, 0), chain.Events);
    }

    /// <summary>The validator dividend the epoch gave the hotkey (persisted Emission; no incentives in these cases).</summary>
    private static ulong DividendOf(DtaoTestChain chain, NetUid n, AccountId hotkey)
    {
        var uid = SubtensorStorage.Uids.Get(chain.State, n, hotkey);
        var d = SubtensorStorage.Emission.Get(chain.State, n)[uid];
        Assert.True(d > 0, "the epoch paid the validator");
        return d;
    }

    /// <summary>Pool share of one of several own-stake validators (no children, no root), paid as take + rest.</summary>
    private static ulong ExpectedPoolShare(DtaoTestChain chain, NetUid n, AccountId h, AccountId[] all, ulong pool, ushort take)
    {
        var divs = all.Select(k => Fx.I(SubtensorStorage.Emission.Get(chain.State, n)[SubtensorStorage.Uids.Get(chain.State, n, k)])).ToArray();
        var mine = Fx.I(SubtensorStorage.Emission.Get(chain.State, n)[SubtensorStorage.Uids.Get(chain.State, n, h)]);
        var amount = Fx.Mul(Fx.I(pool), Fx.Div(mine, divs.Aggregate(BigInteger.Zero, (a, b) => a + b)));
        var t = Fx.Mul(amount, Fx.Div(Fx.I(take), Fx.I(ushort.MaxValue)));
        return Fx.Floor(t) + Fx.Floor(amount - t);
    }
}
