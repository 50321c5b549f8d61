using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// Random sequences mixing buy-backs (add_stake_burn, with and without a limit), auto-stake destinations and epoch
/// triggers with staking, registrations, weights and blocks: after every step the books balance (DtaoInvariants: burned
/// alpha stays in alpha issuance as unowned), and every refused operation leaves the state exactly as it was.
/// </summary>
public sealed class BuybackPropertyTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void RandomBuybacks_AutoStakes_AndTriggers_KeepTheBooks(int seed)
    {
        var rng = new Random(seed); // test-only randomness picks the operation sequence
        var coldkeys = Enumerable.Range(1, 4).Select(i => DtaoTestChain.Key(i)).ToArray();
        var chain = new DtaoTestChain(coldkeys);
        var hotkeys = new List<AccountId>();
        var subnets = new List<NetUid>();
        for (var i = 0; i < 2; i++)
        {
            var hot = DtaoTestChain.Key(100 + i, 0xA0);
            var n = chain.OpenSubnet(coldkeys[i], hot, tempo: (ushort)(20 + i));
            SubtensorStorage.CommitRevealWeightsEnabled.Set(chain.State, n, seed % 2 == 0 && i == 1);
            SubtensorStorage.WeightsSetRateLimit.Set(chain.State, n, 0);
            subnets.Add(n);
            hotkeys.Add(hot);
        }

        SubtensorStorage.AdminFreezeWindow.Set(chain.State, 3);
        SubtensorStorage.OwnerHyperparamRateLimit.Set(chain.State, 0);
        var registration = new NeuronRegistration(new PoolRegistrationPayment(EconomicsProfile.Current));
        var weights = new WeightsCalls(StakeView.Instance);
        var all = subnets.Append(NetUid.Root).ToList();
        var kinds = new HashSet<int>();
        var failures = 0;
        for (var step = 0; step < 200; step++)
        {
            var cold = coldkeys[rng.Next(coldkeys.Length)];
            var hot = hotkeys[rng.Next(hotkeys.Count)];
            var n = all[rng.Next(all.Count)];
            var sub = subnets[rng.Next(subnets.Count)];
            var kind = rng.Next(9);
            Action op = kind switch
            {
                0 => () => chain.Staking.AddStake(chain.State, cold, hot, n, (ulong)rng.NextInt64(1_000, 20_000_000_000), null, false, chain.Events),
                1 => () => StakeBurn.AddStakeBurn(chain.Staking, chain.State, cold, hot, n, (ulong)rng.NextInt64(1_000, 20_000_000_000), null, chain.Events),
                2 => () => StakeBurn.AddStakeBurn(chain.Staking, chain.State, cold, hot, n, (ulong)rng.NextInt64(1_000, 20_000_000_000),
                    (ulong)rng.NextInt64(500_000_000, 3_000_000_000), chain.Events),
                3 => () => AutoStake.SetDestination(chain.State, cold, sub, hot, chain.Events),
                4 => () => EpochTrigger.Trigger(chain.State, Origin.Signed(cold), sub, chain.Block, chain.Events),
                5 => () =>
                {
                    var newHot = DtaoTestChain.Key(200 + step, 0xA0);
                    registration.BurnedRegister(chain.State, cold, sub, newHot, chain.Block);
                    hotkeys.Add(newHot);
                },
                6 => () => chain.Staking.RemoveStake(chain.State, cold, hot, n, (ulong)rng.NextInt64(1, 20_000_000_000), null, false, chain.Events),
                _ => () =>
                {
                    int count = SubtensorStorage.SubnetworkN.Get(chain.State, sub);
                    var uids = Enumerable.Range(0, count).Select(u => (ushort)u).ToArray();
                    weights.SetWeights(chain.State, hot, sub, uids, uids.Select(_ => (ushort)rng.Next(1, 65_535)).ToArray(), 0, chain.Block);
                },
            };

            if (chain.TryAllOrNothing(op) is null) kinds.Add(kind);
            else failures++;

            if (rng.Next(2) == 0) chain.NextBlock();
            chain.AssertInvariants();
        }

        Assert.InRange(failures, 1, 199);
        Assert.Contains(1, kinds); // a buy-back without a limit succeeded
        Assert.Contains(3, kinds); // a destination was set
        Assert.Contains(4, kinds); // an epoch was triggered
        Assert.Contains(chain.Events.Events, e => e.Name == "EpochTriggered");
        Assert.Contains(chain.Events.Events, e => e.Name == "AddStakeBurn");
        Assert.Contains(chain.Events.Events, e => e.Name == "AutoStakeAdded"); // some incentive went to a destination
    }
}
