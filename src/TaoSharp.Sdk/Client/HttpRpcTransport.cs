using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TaoSharp.Sdk.Client;

/// <summary>JSON-RPC over HTTP POST: one request per call, no subscriptions (the fallback when WebSocket is unavailable).</summary>
internal sealed class HttpRpcTransport(Uri endpoint, TimeSpan timeout) : IRpcTransport
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = timeout };
    private long _nextId;

    public bool SupportsSubscriptions => false;

    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        using var content = new StringContent(RpcMessages.Request(id, method, parameters), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        string text;
        try
        {
            using var response = await _http.PostAsync(endpoint, content, ct).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ChainConnectionException($"cannot reach the node at {endpoint}: {e.Message}. Is `tao node` running?", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ChainConnectionException($"{method}: no answer from {endpoint} within {timeout.TotalSeconds:0} s", e);
        }
        return RpcMessages.Result(method, RpcMessages.Parse(text, method));
    }

    public SubscriptionStream OpenStream(string subscriptionId) =>
        throw new NotSupportedException("subscriptions need a WebSocket connection");

    public void CloseStream(string subscriptionId) { }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
