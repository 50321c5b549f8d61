using System.Text.Json.Nodes;

namespace TaoSharp.Sdk.Client;

/// <summary>One connection to a node that can carry JSON-RPC 2.0 calls (and, for WebSocket, subscriptions).</summary>
internal interface IRpcTransport : IAsyncDisposable
{
    bool SupportsSubscriptions { get; }

    /// <summary>Sends one request and returns its <c>result</c>; an error object becomes <see cref="RpcCallException"/>.</summary>
    Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken ct);

    /// <summary>Notifications routed to a subscription id (WebSocket only).</summary>
    SubscriptionStream OpenStream(string subscriptionId);

    void CloseStream(string subscriptionId);
}
