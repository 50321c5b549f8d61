namespace TaoSharp.Sdk;

/// <summary>
/// Strictly increasing nanosecond nonces: wall-clock time, bumped by one when two requests would otherwise share
/// (or go back to) a value, so one dendrite never trips an axon's "newer one was last processed" rule by itself.
/// </summary>
internal sealed class NonceClock(TimeProvider clock)
{
    private long _last;

    public long Next()
    {
        while (true)
        {
            long last = Volatile.Read(ref _last);
            long next = System.Math.Max(UnixNanos.Now(clock), last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last) return next;
        }
    }
}
