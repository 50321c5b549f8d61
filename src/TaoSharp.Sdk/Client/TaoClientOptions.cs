namespace TaoSharp.Sdk.Client;

public sealed record TaoClientOptions
{
    /// <summary>How long one call may wait for its answer.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>WebSocket connect attempts before falling back to HTTP (delays double from <see cref="InitialBackoff"/>).</summary>
    public int ConnectAttempts { get; init; } = 3;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When WebSocket cannot connect, use HTTP POST (no subscriptions; inclusion is then found by polling).</summary>
    public bool AllowHttpFallback { get; init; } = true;
}
