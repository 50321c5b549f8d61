namespace TaoSharp.Sdk;

/// <summary>Python's <c>time.time_ns()</c> from a <see cref="TimeProvider"/> (100 ns resolution is enough for nonces).</summary>
public static class UnixNanos
{
    public static long Now(TimeProvider clock) =>
        (clock.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
}
