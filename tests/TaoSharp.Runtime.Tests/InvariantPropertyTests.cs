using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// Random sequences of stake operations, neuron registrations and blocks (with epochs): after every block the books
/// balance (DtaoInvariants), and every refused operation leaves the state exactly as it was.
/// </summary>
public sealed class InvariantPropertyTests
{
    [Theory]
    [InlineData(1, EmissionShareRule.PriceTimesMinerNotBurned)]
    [InlineData(2, EmissionShareRule.PriceTimesMinerNotBurned)]
    [InlineData(3, EmissionShareRule.TaoFlow)]
    [InlineData(4, EmissionShareRule.PriceTimesMinerNotBurned)]
    [InlineData(5, EmissionShareRule.TaoFlow)]
    [InlineData(6, EmissionShareRule.PriceTimesMinerNotBurned)]
    [InlineData(7, EmissionShareRule.LaunchPriceShares)]
    public void RandomOperations_KeepTheBooks(int seed, EmissionShareRule rule)
    {
        var rng = new Random(seed); // test-only randomness picks the operation sequence
        var coldkeys = Enumerable.Range(1, 4).Select(i => DtaoTestChain.Key(i)).ToArray();
        var chain = new DtaoTestChain(coldkeys);
        var coinbase = new CoinbaseBlockStep(new CoinbaseSettings(EconomicsProfile.Current, rule));
        var hotkeys = new List<AccountId>();
        var subnets = new List<NetUid>();
        for (var i = 0; i < 2; i++)
        {
            var hot = DtaoTestChain.Key(100 + i, 0xA0);
            subnets.Add(chain.OpenSubnet(coldkeys[i], hot, tempo: (ushort)(5 + i)));
            hotkeys.Add(hot);
        }

        SubtensorStorage.PendingChildKeyCooldown.Set(chain.State, 3);
        if (seed % 2 == 1) SubtensorStorage.BlockAuthor.Set(chain.State, coldkeys[3]); // swap fees to an author on odd seeds
        SubtensorStorage.WeightsSetRateLimit.Set(chain.State, subnets[0], 0);
        SubtensorStorage.WeightsSetRateLimit.Set(chain.State, subnets[1], 0);
        var registration = new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current));
        var weights = new WeightsCalls(StakeView.Instance);
        var all = subnets.Append(NetUid.Root).ToList();
        var failures = 0;
        var autoClaims = 0;
        var kinds = new HashSet<int>();
        for (var step = 0; step < 220; step++)
        {
            var cold = coldkeys[rng.Next(coldkeys.Length)];
            var hot = hotkeys[rng.Next(hotkeys.Count)];
            var other = hotkeys[rng.Next(hotkeys.Count)];
            var n = all[rng.Next(all.Count)];
            var m = all[rng.Next(all.Count)];
            var sub = subnets[rng.Next(subnets.Count)];
            var held = StakeLedger.Stake(chain.State, hot, cold, n);
            var part = held == 0 ? (ulong)rng.Next(1, 1000) : (ulong)(rng.NextDouble() * held) + 1;
            var kind = rng.Next(16);
            Action op = kind switch
            {
                0 or 1 => () => chain.Staking.AddStake(chain.State, cold, hot, n, (ulong)rng.NextInt64(1_000, 50_000_000_000), null, false, chain.Events),
                2 => () => chain.Staking.AddStake(chain.State, cold, hot, n, (ulong)rng.NextInt64(1_000, 50_000_000_000), (ulong)rng.NextInt64(500_000_000, 2_000_000_000), rng.Next(2) == 0, chain.Events),
                3 => () => chain.Staking.RemoveStake(chain.State, cold, hot, n, part, null, false, chain.Events),
                4 => () => chain.Staking.MoveStake(chain.State, cold, hot, other, n, m, part, chain.Events),
                5 => () => chain.Staking.TransferStake(chain.State, cold, coldkeys[rng.Next(coldkeys.Length)], hot, n, m, part, chain.Events),
                6 => () => chain.Staking.SwapStake(chain.State, cold, hot, n, m, part, null, false, chain.Events),
                7 => () =>
                {
                    var newHot = DtaoTestChain.Key(200 + step, 0xA0);
                    registration.BurnedRegister(chain.State, cold, sub, newHot, chain.Block);
                    hotkeys.Add(newHot);
                },
                8 => () => RootClaims.Claim(chain.State, chain.Staking.Pools, cold, [sub], chain.Events),
                9 => () => ChildKeys.Schedule(chain.State, chain.Staking.Pools, SubtensorStorage.Owner.Get(chain.State, hot), hot, sub,
                    [((ulong)rng.NextInt64(1, long.MaxValue), other)], chain.Block, chain.Events),
                10 => () => ChildkeyTakes.Set(chain.State, SubtensorStorage.Owner.Get(chain.State, hot), hot, sub, (ushort)rng.Next(0, 12_000), chain.Block, chain.Events),
                11 => () => RootRegistration.Register(chain.State, cold, hot, chain.Block, chain.Events),
                12 => () => (rng.Next(2) == 0 ? (Func<ulong>)(() => AlphaBurns.Recycle(chain.State, cold, hot, part, n, chain.Events))
                    : () => AlphaBurns.Burn(chain.State, cold, hot, part, n, chain.Events))(),
                13 => () => RootClaims.SetClaimType(chain.State, cold, rng.Next(2) == 0 ? RootClaimType.Swap : RootClaimType.Keep, chain.Events),
                _ => () =>
                {
                    int count = SubtensorStorage.SubnetworkN.Get(chain.State, sub);
                    var uids = Enumerable.Range(0, count).Select(u => (ushort)u).ToArray();
                    weights.SetWeights(chain.State, hot, sub, uids, uids.Select(_ => (ushort)rng.Next(1, 65_535)).ToArray(), 0, chain.Block);
                },
            };

            if (chain.TryAllOrNothing(op) is null) kinds.Add(kind);
            else failures++;

            if (rng.Next(3) == 0)
            {
                chain.Block++;
                // Even seeds hold the moving prices above a sum of 1 so root dividends accrue (the reference's root-sell rule).
                if (seed % 2 == 0) foreach (var s in subnets) SubtensorStorage.SubnetMovingPrice.Set(chain.State, s, Math.I96F32.One);
                coinbase.Run(chain.State, chain.Block, chain.Events);
                // The block step's last money part: auto root claims for coldkeys drawn from a (random) parent hash.
                var parentHash = new byte[32];
                rng.NextBytes(parentHash);
                autoClaims += RootClaims.RunAutoClaims(chain.State, chain.Staking.Pools, Hash256.FromBytes(parentHash), chain.Events);
            }

            chain.AssertInvariants();
            Assert.Empty(StakingColdkeyIndex.Check(chain.State));
        }

        Assert.True(autoClaims > 0, "no automatic root claim ran");
        if (seed % 2 == 0)
            Assert.True(SubtensorStorage.RootClaimable.Iterate(chain.State).Any(e => e.Value > Math.I96F32.Zero), "no root dividends accrued to claim");

        Assert.InRange(failures, 1, 219); // the sequence exercised both outcomes
        Assert.True(kinds.Count >= 10, $"operation kinds that succeeded: {string.Join(",", kinds.Order())}");
        Assert.True(SubtensorStorage.LastEpochBlock.Get(chain.State, subnets[0]) > 1, "epochs ran");
    }
}

/// <summary>The coinbase on its own: mint, inject, pending buckets and the epoch drain.</summary>
public sealed class CoinbaseStepTests
{
    [Fact]
    public void BlockStep_InjectsAndFillsPending_ThenEpochDrains()
    {
        var owner = DtaoTestChain.Key(1);
        var staker = DtaoTestChain.Key(2);
        var hot = DtaoTestChain.Key(1, 0xA0);
        var chain = new DtaoTestChain(owner, staker);
        var n = chain.OpenSubnet(owner, hot, tempo: 1000);
        chain.Staking.AddStake(chain.State, staker, hot, n, 10_000_000_000, null, false, chain.Events);
        SubtensorStorage.SubnetMovingPrice.Set(chain.State, n, Math.I96F32.One);
        var issuance = SubtensorStorage.TotalIssuance.Get(chain.State);

        chain.NextBlock();

        // One subnet with emission enabled takes the whole 1 TAO; what is not injected or bought is recycled.
        var inflow = SubtensorStorage.SubnetTaoInEmission.Get(chain.State, n) + SubtensorStorage.SubnetExcessTao.Get(chain.State, n);
        Assert.True(inflow > 0 && inflow <= 1_000_000_000, inflow.ToString());
        Assert.Equal(issuance + inflow, SubtensorStorage.TotalIssuance.Get(chain.State));
        Assert.Equal(1_000_000_000UL, SubtensorStorage.SubnetAlphaOutEmission.Get(chain.State, n));
        var pending = SubtensorStorage.PendingServerEmission.Get(chain.State, n) + SubtensorStorage.PendingValidatorEmission.Get(chain.State, n)
            + SubtensorStorage.PendingOwnerCut.Get(chain.State, n) + SubtensorStorage.PendingRootAlphaDivs.Get(chain.State, n);
        Assert.InRange(pending, 999_999_990UL, 1_000_000_000UL);
        chain.AssertInvariants();

        SubtensorStorage.PendingEpochAt.Set(chain.State, n, chain.Block + 1);
        chain.NextBlock();
        Assert.Equal(0UL, SubtensorStorage.PendingServerEmission.Get(chain.State, n));
        Assert.Equal(chain.Block, SubtensorStorage.LastEpochBlock.Get(chain.State, n));
        chain.AssertInvariants();
    }

    [Fact]
    public void SubnetsWithoutStartCall_GetNothing_AndEpochsAreCapped()
    {
        var owner = DtaoTestChain.Key(1);
        var chain = new DtaoTestChain(owner);
        var subnets = Enumerable.Range(0, 3).Select(i => chain.OpenSubnet(owner, DtaoTestChain.Key(10 + i, 0xA0), tempo: 1)).ToList();
        var late = chain.Networks.Register(chain.State, owner, DtaoTestChain.Key(20, 0xA0), chain.Block, chain.Events);
        chain.NextBlock();
        Assert.Equal(0UL, SubtensorStorage.SubnetAlphaOut.Get(chain.State, late));
        Assert.Contains(chain.Events.Events, e => e.Name == "EpochDeferred");
        Assert.True(SubtensorStorage.PendingEpochAt.Get(chain.State, subnets[2]) == chain.Block + 1 || SubtensorStorage.PendingEpochAt.Get(chain.State, late) == chain.Block + 1);
        chain.AssertInvariants();
    }
}
