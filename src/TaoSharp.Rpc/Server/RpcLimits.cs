namespace TaoSharp.Rpc.Server;

/// <summary>Bounds on what one client may ask of the RPC server.</summary>
public sealed record RpcLimits
{
    /// <summary>Largest request body / WebSocket message (an extrinsic is at most 512 KiB, hex doubles it).</summary>
    public int MaxRequestBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Concurrent connections (HTTP and WebSocket together), enforced by Kestrel.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>Open subscriptions per WebSocket connection.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 1024;
}
