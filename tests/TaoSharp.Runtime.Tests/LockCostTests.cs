using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Runtime.Tests.AmmTestData;

namespace TaoSharp.Runtime.Tests;

/// <summary>lock_cost.json (spec-dtao §6.1), exact to the RAO.</summary>
public class LockCostTests
{
    [Fact]
    public void Migration_2500_price_and_decay()
    {
        var v = Load("lock_cost.json");
        var m = v.GetProperty("inputs").GetProperty("mig_2500");
        var interval = LockCost.EffectiveReductionInterval(m.GetProperty("NetworkLockReductionInterval_mock").GetUInt64(), m.GetProperty("block_emission").GetUInt64());
        var expected = v.GetProperty("expected").GetProperty("mig_2500").EnumerateArray().Select(e => e.GetUInt64()).ToArray();
        const ulong lastBlock = 17;
        var got = m.GetProperty("blocks_elapsed").EnumerateArray()
            .Select(e => LockCost.Compute(m.GetProperty("NetworkLastLockCost").GetUInt64(), m.GetProperty("NetworkMinLockCost_mock").GetUInt64(), lastBlock, lastBlock + e.GetUInt64(), interval))
            .ToArray();
        Assert.Equal(expected, got);
    }

    [Fact]
    public void Lock_block_in_the_future_means_no_decay()
    {
        var v = Load("lock_cost.json");
        Assert.Equal(v.GetProperty("expected").GetProperty("mig_interval").GetUInt64(),
            LockCost.Compute(v.GetProperty("inputs").GetProperty("mig_interval").GetProperty("NetworkLastLockCost").GetUInt64(), 0, 100 + 50_400, 100, 57_600));
    }

    [Fact]
    public void Mainnet_like_schedule_and_halving()
    {
        var v = Load("lock_cost.json");
        var d = v.GetProperty("inputs").GetProperty("derived_mainnet");
        var lastLock = d.GetProperty("last_lock").GetUInt64();
        var min = d.GetProperty("min_lock").GetUInt64();
        var interval = LockCost.EffectiveReductionInterval(d.GetProperty("interval").GetUInt64(), d.GetProperty("block_emission").GetUInt64());
        const ulong start = 1_000;
        var got = d.GetProperty("elapsed").EnumerateArray().Select(e => LockCost.Compute(lastLock, min, start, start + e.GetUInt64(), interval)).ToArray();
        Assert.Equal(v.GetProperty("expected").GetProperty("derived_mainnet").EnumerateArray().Select(e => e.GetUInt64()).ToArray(), got);

        var halved = LockCost.EffectiveReductionInterval(d.GetProperty("interval").GetUInt64(), d.GetProperty("after_halving").GetProperty("block_emission").GetUInt64());
        Assert.Equal(28_800UL, halved);
        Assert.Equal(v.GetProperty("expected").GetProperty("derived_after_halving").GetUInt64(),
            LockCost.Compute(lastLock, min, start, start + d.GetProperty("after_halving").GetProperty("elapsed").GetUInt64(), halved));
    }

    [Fact]
    public void First_registration_has_no_doubling_and_zero_interval_no_decay()
    {
        Assert.Equal(1_000UL, LockCost.Compute(1_000, 10, 0, 50, 0));
        Assert.Equal(LockCost.DefaultReductionInterval, LockCost.EffectiveReductionInterval(LockCost.DefaultReductionInterval, BlockEmission.DefaultBlockEmission));
        Assert.Equal(0UL, LockCost.EffectiveReductionInterval(LockCost.DefaultReductionInterval, 0));
    }
}
