using System.Text.Json.Nodes;

namespace TaoSharp.Sdk.Client;

/// <summary>An open subscription: read notifications with <see cref="NextAsync"/>; dispose to unsubscribe.</summary>
public sealed class Subscription : IAsyncDisposable
{
    private readonly IRpcTransport _transport;
    private readonly string _unsubscribeMethod;
    private readonly SubscriptionStream _stream;

    internal Subscription(IRpcTransport transport, string id, string unsubscribeMethod)
    {
        _transport = transport;
        _unsubscribeMethod = unsubscribeMethod;
        Id = id;
        _stream = transport.OpenStream(id);
    }

    public string Id { get; }

    public Task<JsonNode?> NextAsync(CancellationToken ct = default) => _stream.NextAsync(ct);

    public async ValueTask DisposeAsync()
    {
        _transport.CloseStream(Id);
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _transport.CallAsync(_unsubscribeMethod, [Id], cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChainConnectionException or RpcCallException or OperationCanceledException)
        {
            // The node drops a finished subscription itself (a final transaction status) or the socket is gone.
        }
    }
}
