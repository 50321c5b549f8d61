using System.Text.Json.Nodes;

namespace TaoSharp.Sdk.Client;

/// <summary>
/// A connection to one TaoSharp node over JSON-RPC 2.0: WebSocket first (subscriptions), HTTP when WebSocket cannot
/// connect. A broken WebSocket is re-opened with exponential backoff at the next call; calls that were in flight
/// when it broke fail with <see cref="ChainConnectionException"/> (they are not silently re-sent, since a
/// submission may already have reached the node). Dispose closes the socket and all its subscriptions.
/// </summary>
public sealed class TaoClient : IAsyncDisposable
{
    private readonly TaoClientOptions _options;
    private readonly SemaphoreSlim _reconnectLock = new(1, 1);
    private IRpcTransport _transport;
    private bool _disposed;

    private TaoClient(Uri endpoint, IRpcTransport transport, TaoClientOptions options)
    {
        Endpoint = endpoint;
        _transport = transport;
        _options = options;
    }

    /// <summary>The URL this client talks to (ws:// or, after a fallback, http://).</summary>
    public Uri Endpoint { get; private set; }

    public bool SupportsSubscriptions => _transport.SupportsSubscriptions;

    /// <summary>btcli's --network values: "local" (ws://127.0.0.1:9944) or a ws/wss/http/https URL.</summary>
    public static Uri ResolveNetwork(string? network)
    {
        if (string.IsNullOrWhiteSpace(network) || network == "local") return new Uri("ws://127.0.0.1:9944/");
        if (Uri.TryCreate(network, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" or "http" or "https") return uri;
        throw new ArgumentException($"--network '{network}' is neither 'local' nor a ws://, wss://, http:// or https:// URL");
    }

    public static async Task<TaoClient> ConnectAsync(string? network, TaoClientOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TaoClientOptions();
        var endpoint = ResolveNetwork(network);
        if (endpoint.Scheme is "http" or "https")
            return new TaoClient(endpoint, new HttpRpcTransport(endpoint, options.CallTimeout), options);
        try
        {
            return new TaoClient(endpoint, await ConnectWebSocketAsync(endpoint, options, ct).ConfigureAwait(false), options);
        }
        catch (ChainConnectionException) when (options.AllowHttpFallback)
        {
            var http = HttpEndpoint(endpoint);
            var client = new TaoClient(http, new HttpRpcTransport(http, options.CallTimeout), options);
            // Fail now, with a clear message, if HTTP cannot reach the node either.
            await client.CallAsync("system_health", ct).ConfigureAwait(false);
            return client;
        }
    }

    public Task<JsonNode?> CallAsync(string method, CancellationToken ct = default) => CallAsync(method, [], ct);

    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var transport = await LiveTransportAsync(ct).ConfigureAwait(false);
        return await transport.CallAsync(method, parameters, ct).ConfigureAwait(false);
    }

    /// <summary>Calls a subscribe method and returns the stream of its notifications (WebSocket only).</summary>
    public async Task<Subscription> SubscribeAsync(string method, string unsubscribeMethod, JsonArray parameters, CancellationToken ct = default)
    {
        var transport = await LiveTransportAsync(ct).ConfigureAwait(false);
        if (!transport.SupportsSubscriptions) throw new NotSupportedException($"{method} needs a WebSocket connection (this client fell back to HTTP)");
        var id = (await transport.CallAsync(method, parameters, ct).ConfigureAwait(false))?.ToString()
            ?? throw new ChainConnectionException($"{method} returned no subscription id");
        return new Subscription(transport, id, unsubscribeMethod);
    }

    private async Task<IRpcTransport> LiveTransportAsync(CancellationToken ct)
    {
        if (_transport is not WebSocketRpcTransport { IsOpen: false }) return _transport;
        await _reconnectLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_transport is WebSocketRpcTransport { IsOpen: false } dead)
            {
                await dead.DisposeAsync().ConfigureAwait(false);
                _transport = await ConnectWebSocketAsync(Endpoint, _options, ct).ConfigureAwait(false);
            }
            return _transport;
        }
        finally
        {
            _reconnectLock.Release();
        }
    }

    private static async Task<WebSocketRpcTransport> ConnectWebSocketAsync(Uri endpoint, TaoClientOptions options, CancellationToken ct)
    {
        var delay = options.InitialBackoff;
        Exception? last = null;
        for (var attempt = 1; attempt <= System.Math.Max(1, options.ConnectAttempts); attempt++)
        {
            try
            {
                return await WebSocketRpcTransport.ConnectAsync(endpoint, options.CallTimeout, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or HttpRequestException
                                          or (OperationCanceledException and not TaskCanceledException { CancellationToken.IsCancellationRequested: true }))
            {
                ct.ThrowIfCancellationRequested();
                last = e;
                if (attempt < options.ConnectAttempts) await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(System.Math.Min(delay.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
        throw new ChainConnectionException($"cannot connect to {endpoint} after {options.ConnectAttempts} attempts: {last?.Message}. Is `tao node` running?", last);
    }

    private static Uri HttpEndpoint(Uri ws) =>
        new UriBuilder(ws) { Scheme = ws.Scheme == "wss" ? "https" : "http", Port = ws.Port }.Uri;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _transport.DisposeAsync().ConfigureAwait(false);
        _reconnectLock.Dispose();
    }
}
