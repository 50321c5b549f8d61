namespace TaoSharp.Subnets.Forecast.Miner;

/// <summary>
/// Admits at most N forecasts at once; when all slots are busy, waiters are released highest priority (stake) first,
/// ties in arrival order. This is what makes "priority by stake" real: Python's axon only computes the priority.
/// </summary>
public sealed class StakePriorityGate
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<TaskCompletionSource, (double NegPriority, long Seq)> _waiting = new();
    private int _free;
    private long _seq;

    public StakePriorityGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _free = slots;
    }

    public int Waiting
    {
        get
        {
            lock (_lock)
                return _waiting.Count;
        }
    }

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(double priority, CancellationToken cancellationToken)
    {
        TaskCompletionSource tcs;
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return new Slot(this);
            }
            tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(tcs, (-priority, _seq++));
        }
        try
        {
            await tcs.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // If the slot was handed to us at the same moment we gave up, pass it on instead of leaking it.
            if (!tcs.TrySetCanceled() && tcs.Task.IsCompletedSuccessfully)
                Release();
            throw;
        }
        return new Slot(this);
    }

    private void Release()
    {
        lock (_lock)
        {
            while (_waiting.TryDequeue(out var next, out _))
            {
                if (next.TrySetResult())
                    return;
            }
            _free++;
        }
    }

    private sealed class Slot(StakePriorityGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Release();
        }
    }
}
