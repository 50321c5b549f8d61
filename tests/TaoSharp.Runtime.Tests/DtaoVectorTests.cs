using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>dissolve_network, subnet_registration_seed, claim_root and share_pool vectors through the storage path.</summary>
public sealed class DtaoVectorTests
{
    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", file))).RootElement;

    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);

    [Fact]
    public void DissolveNetwork_PaysStakersProRata()
    {
        var v = Load("dissolve_network.json");
        var pot = v.GetProperty("inputs").GetProperty("SubnetTAO_pot").GetUInt64();
        var stakes = v.GetProperty("inputs").GetProperty("stakers").EnumerateArray().Select(s => s.GetProperty("alpha_value").GetUInt64()).ToArray();
        var expected = v.GetProperty("expected").GetProperty("tao_to_staker_coldkeys").EnumerateArray().Select(e => e.GetUInt64()).ToArray();

        Assert.Equal(stakes.Length, expected.Length);
        var coldkeys = stakes.Select((_, i) => DtaoTestChain.Key(10 + i)).ToArray();
        var chain = new DtaoTestChain(Owner);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        for (var i = 0; i < stakes.Length; i++) StakeLedger.Increase(chain.State, OwnerHot, coldkeys[i], n, stakes[i]);
        SubtensorStorage.SubnetTAO.Set(chain.State, n, pot);
        SubtensorStorage.SubnetAlphaIn.Set(chain.State, n, 0);

        NetworkDissolution.Dissolve(chain.State, n, chain.Events);

        // New accounts below the existential deposit are not created, so compare what the pro-rata split hands out
        // (with the owner's own zero stake alongside, as on the chain).
        var paid = NetworkDissolution.ProRata(pot, [.. stakes, 0]).Take(stakes.Length).ToArray();
        for (var i = 0; i < stakes.Length; i++)
            Assert.True(expected[i] == paid[i], $"staker {i} (alpha {stakes[i]}): paid {paid[i]}, expected {expected[i]}");
        Assert.False(SubtensorStorage.NetworksAdded.Get(chain.State, n));
        Assert.All(coldkeys, c => Assert.Equal(0UL, StakeLedger.Stake(chain.State, OwnerHot, c, n)));
        Assert.Empty(SubtensorStorage.Alpha.IteratePrefix(chain.State, OwnerHot));
        Assert.Contains(chain.Events.Events, e => e.Name == "NetworkRemoved");
    }

    [Fact]
    public void DissolveNetwork_ForgetsServedEndpoints()
    {
        var chain = new DtaoTestChain(Owner);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        SubtensorStorage.Axons.Set(chain.State, n, OwnerHot, new AxonInfo(1, 1, 0x7f000001, 8091, 4, 4, 0, 0));
        SubtensorStorage.NeuronCertificates.Set(chain.State, n, OwnerHot, [1, 2, 3]);
        SubtensorStorage.Prometheus.Set(chain.State, n, OwnerHot, new PrometheusInfo(1, 1, 0x7f000001, 9090, 4));

        NetworkDissolution.Dissolve(chain.State, n, chain.Events);

        // A later subnet reusing the netuid must not show the old hotkey's endpoints.
        Assert.False(SubtensorStorage.Axons.Contains(chain.State, n, OwnerHot));
        Assert.False(SubtensorStorage.NeuronCertificates.Contains(chain.State, n, OwnerHot));
        Assert.False(SubtensorStorage.Prometheus.Contains(chain.State, n, OwnerHot));
    }

    [Fact]
    public void ProRata_LargestRemainder()
    {
        Assert.Equal([34UL, 33, 33], NetworkDissolution.ProRata(100, [1, 1, 1]));
        Assert.Equal([3000UL, 7000], NetworkDissolution.ProRata(10_000, [300, 700]));
    }

    [Fact]
    public void RegisterNetwork_SeedsThePoolAtTheMedianPrice()
    {
        var v = Load("subnet_registration_seed.json");
        var exp = v.GetProperty("expected");
        Assert.Equal(U64F64.FromUInt(5), NetworkRegistration.Median([U64F64.FromUInt(2), U64F64.FromUInt(5), U64F64.FromUInt(7)]));
        Assert.Equal(U64F64.FromUInt(5), NetworkRegistration.Median([U64F64.FromUInt(2), U64F64.FromUInt(8)]));
        Assert.Equal(U64F64.One, NetworkRegistration.Median([]));

        var seed = exp.GetProperty("seed_even_median");
        var chain = new DtaoTestChain(Owner);
        var a = chain.OpenSubnet(Owner, OwnerHot);
        var b = chain.OpenSubnet(Owner, DtaoTestChain.Key(2, 0xA0));
        // Prices 5 and 2 (w = 0.5: price = TAO / α).
        SubtensorStorage.SubnetTAO.Set(chain.State, a, 500_000_000_000);
        SubtensorStorage.SubnetAlphaIn.Set(chain.State, a, 100_000_000_000);
        SubtensorStorage.SubnetTAO.Set(chain.State, b, 200_000_000_000);
        SubtensorStorage.SubnetAlphaIn.Set(chain.State, b, 100_000_000_000);
        SubtensorStorage.NetworkLastRegistered.Set(chain.State, 0);
        SubtensorStorage.NetworkLastLockCost.Set(chain.State, v.GetProperty("inputs").GetProperty("seed_even_median").GetProperty("lock_paid").GetUInt64());
        var n = chain.Networks.Register(chain.State, Owner, DtaoTestChain.Key(3, 0xA0), chain.Block, chain.Events);

        Assert.Equal(seed.GetProperty("SubnetTAO").GetUInt64(), SubtensorStorage.SubnetTAO.Get(chain.State, n));
        Assert.Equal(seed.GetProperty("SubnetAlphaIn").GetUInt64(), SubtensorStorage.SubnetAlphaIn.Get(chain.State, n));
        Assert.Equal(seed.GetProperty("SubnetAlphaOut").GetUInt64(), SubtensorStorage.SubnetAlphaOut.Get(chain.State, n));
        Assert.False(SubtensorStorage.SubnetEmissionEnabled.Get(chain.State, n));
    }

    [Fact]
    public void RegisterNetwork_RefusesWithoutLockCost_AndStartCallOnce()
    {
        var poor = DtaoTestChain.Key(40);
        var chain = new DtaoTestChain(Owner);
        Assert.Equal(DispatchError.CannotAffordLockCost, chain.Try(() => chain.Networks.Register(chain.State, poor, DtaoTestChain.Key(40, 0xA0), chain.Block, chain.Events)));
        var n = chain.OpenSubnet(Owner, OwnerHot);
        Assert.Equal(DispatchError.FirstEmissionBlockNumberAlreadySet, chain.Try(() => NetworkRegistration.StartCall(chain.State, Owner, n, chain.Block, chain.Events)));
        Assert.Equal(DispatchError.NonAssociatedColdKey, chain.Try(() => chain.Networks.Register(chain.State, poor, OwnerHot, chain.Block, chain.Events)));
    }

    [Fact]
    public void ClaimRoot_KeepsTheOwedAlpha()
    {
        var v = Load("claim_root.json");
        var exp = v.GetProperty("expected");
        var coldkey = DtaoTestChain.Key(20);
        var chain = new DtaoTestChain(Owner);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        StakeLedger.Increase(chain.State, OwnerHot, coldkey, NetUid.Root, 2_000_000);
        StakeLedger.Increase(chain.State, OwnerHot, Owner, n, 10_000_000);

        var (take, rest) = EmissionDistribution.SplitTake(U96F32.FromUInt(1_000_000), 11_796);
        Assert.Equal(exp.GetProperty("validator_take_alpha").GetUInt64(), take);
        StakeLedger.Increase(chain.State, OwnerHot, Owner, n, take);
        Assert.Equal(exp.GetProperty("validator_stake_after_first").GetUInt64(), StakeLedger.Stake(chain.State, OwnerHot, Owner, n));
        RootClaims.Accrue(chain.State, OwnerHot, Owner, n, rest);
        var rate = SubtensorStorage.RootClaimable.Get(chain.State, OwnerHot, n);
        Assert.True((rate - I96F32.Parse("0.410002")).Abs() < I96F32.Parse("0.000001"), rate.ToString());

        RootClaims.SetClaimType(chain.State, coldkey, RootClaimType.Keep, chain.Events); // the vector's test claims with Keep
        RootClaims.Claim(chain.State, coldkey, [n], chain.Events);
        Assert.Equal(exp.GetProperty("claimed_alpha_after_first").GetUInt64(), StakeLedger.Stake(chain.State, OwnerHot, coldkey, n));
        Assert.Equal((UInt128)exp.GetProperty("RootClaimed_after_first").GetUInt64(), SubtensorStorage.RootClaimed.Get(chain.State, OwnerHot, (coldkey, n)));

        RootClaims.Accrue(chain.State, OwnerHot, Owner, n, rest);
        RootClaims.Claim(chain.State, coldkey, [n], chain.Events);
        Assert.Equal(exp.GetProperty("stake_after_second_claim").GetUInt64(), StakeLedger.Stake(chain.State, OwnerHot, coldkey, n));
    }

    [Fact]
    public void ClaimRoot_UnstakingRootForfeitsWhatIsOwed()
    {
        var coldkey = DtaoTestChain.Key(21);
        var chain = new DtaoTestChain(Owner, coldkey);
        var n = chain.OpenSubnet(Owner, OwnerHot);
        chain.Staking.AddStake(chain.State, coldkey, OwnerHot, NetUid.Root, 2_000_000_000, null, false, chain.Events);
        RootClaims.Accrue(chain.State, OwnerHot, Owner, n, 1_000_000_000);
        Assert.Equal(1_000_000_000UL, RootClaims.Owed(chain.State, OwnerHot, coldkey, n));
        chain.Staking.RemoveStake(chain.State, coldkey, OwnerHot, NetUid.Root, 2_000_000_000, null, false, chain.Events);
        Assert.Equal(0UL, RootClaims.Owed(chain.State, OwnerHot, coldkey, n));
        // A new root staker does not inherit earlier dividends.
        chain.Staking.AddStake(chain.State, coldkey, OwnerHot, NetUid.Root, 2_000_000_000, null, false, chain.Events);
        Assert.Equal(0UL, RootClaims.Owed(chain.State, OwnerHot, coldkey, n));
    }

    [Fact]
    public void SharePool_Vectors()
    {
        var v = Load("share_pool.json");
        var cases = v.GetProperty("inputs").GetProperty("stake_unstake_inject").GetProperty("cases").EnumerateArray().ToArray();
        var expected = v.GetProperty("expected").GetProperty("stake_unstake_inject").GetProperty("per_case").EnumerateArray().ToArray();
        var hot = DtaoTestChain.Key(1, 0xA0);
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i].EnumerateArray().Select(e => e.GetUInt64()).ToArray();
            var chain = new DtaoTestChain();
            var n = new NetUid(1);
            var (c1, c2) = (DtaoTestChain.Key(1), DtaoTestChain.Key(2));
            StakeLedger.Increase(chain.State, hot, c1, n, c[0]);
            StakeLedger.Decrease(chain.State, hot, c1, n, c[1]);
            StakeLedger.Increase(chain.State, hot, c2, n, c[0]);
            StakeLedger.Decrease(chain.State, hot, c2, n, c[1]);
            StakeLedger.IncreaseForAll(chain.State, hot, n, c[2]);
            var e = expected[i].EnumerateArray().Select(x => x.GetUInt64()).ToArray();
            var tolerance = c[3];
            Assert.InRange(StakeLedger.Stake(chain.State, hot, c1, n), e[0] - tolerance, e[0] + tolerance);
            Assert.InRange(StakeLedger.Stake(chain.State, hot, c2, n), e[1] - tolerance, e[1] + tolerance);
        }
    }
}
