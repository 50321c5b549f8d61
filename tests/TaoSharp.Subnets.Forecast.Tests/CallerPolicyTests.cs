using TaoSharp.Subnets.Forecast.Miner;
using TaoSharp.Subnets.Forecast.Neurons;

namespace TaoSharp.Subnets.Forecast.Tests;

public class CallerPolicyTests
{
    private static SubnetSnapshot Subnet(params (string Hotkey, ulong Stake)[] neurons) =>
        new(1, 100, neurons.Select((n, i) => new NeuronEntry((ushort)i, n.Hotkey, n.Stake, true, "0.0.0.0", 0, 0)).ToArray(), 10, 2, 0);

    [Fact]
    public void Unregistered_low_stake_and_missing_callers_are_blacklisted_with_the_reason()
    {
        var policy = new CallerPolicy(new MinerOptions { MinCallerStake = 1000 });
        policy.Update(Subnet(("rich", 5000), ("poor", 999)));

        Assert.False(policy.Check("rich").IsBlacklisted);
        var poor = policy.Check("poor");
        Assert.True(poor.IsBlacklisted);
        Assert.Contains("stake 999 RAO below", poor.Reason);
        var stranger = policy.Check("stranger");
        Assert.True(stranger.IsBlacklisted);
        Assert.Contains("unregistered", stranger.Reason);
        Assert.True(policy.Check(null).IsBlacklisted);
    }

    [Fact]
    public void Unregistered_callers_pass_only_when_allowed_and_priority_is_stake()
    {
        var policy = new CallerPolicy(new MinerOptions { AllowUnregistered = true });
        policy.Update(Subnet(("a", 7_000_000_000)));
        Assert.False(policy.Check("stranger").IsBlacklisted);
        Assert.Equal(7_000_000_000d, policy.Priority("a"));
        Assert.Equal(0d, policy.Priority("stranger"));
    }

    [Fact]
    public void A_refreshed_metagraph_changes_the_verdict()
    {
        var policy = new CallerPolicy(new MinerOptions { MinCallerStake = 10 });
        policy.Update(Subnet(("v", 5)));
        Assert.True(policy.Check("v").IsBlacklisted);
        policy.Update(Subnet(("v", 50)));
        Assert.False(policy.Check("v").IsBlacklisted);
    }
}
