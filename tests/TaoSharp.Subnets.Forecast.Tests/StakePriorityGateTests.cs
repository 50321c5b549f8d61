using TaoSharp.Subnets.Forecast.Miner;

namespace TaoSharp.Subnets.Forecast.Tests;

public class StakePriorityGateTests
{
    [Fact]
    public async Task Waiters_are_admitted_highest_stake_first_then_in_arrival_order()
    {
        var gate = new StakePriorityGate(1);
        var held = await gate.EnterAsync(0, CancellationToken.None);
        var order = new List<string>();
        async Task Wait(string name, double stake)
        {
            using (await gate.EnterAsync(stake, CancellationToken.None))
            {
                lock (order)
                    order.Add(name);
            }
        }

        var waits = new[] { Wait("low", 1), Wait("high", 100), Wait("mid-first", 50), Wait("mid-second", 50) };
        Assert.Equal(4, gate.Waiting);
        held.Dispose();
        await Task.WhenAll(waits);
        Assert.Equal(["high", "mid-first", "mid-second", "low"], order);
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_take_a_slot()
    {
        var gate = new StakePriorityGate(1);
        var held = await gate.EnterAsync(0, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(10, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        // The slot is free again: entering does not wait.
        var next = gate.EnterAsync(0, CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public void At_least_one_slot_is_required() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StakePriorityGate(0));
}
