using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace TaoSharp.Node.Tests;

/// <summary>Minimal JSON-RPC client for tests: HTTP calls, and a WebSocket with subscription streams.</summary>
internal sealed class RpcClient(Uri http) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _id;

    public async Task<JsonNode?> CallAsync(string method, params object?[] args)
    {
        var response = await RawAsync(Request(method, args, Interlocked.Increment(ref _id)));
        if (response["error"] is JsonObject e) throw new RpcError((int)e["code"]!, (string)e["message"]!, (string?)e["data"]);
        return response["result"];
    }

    public async Task<JsonNode> RawAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var r = await _http.PostAsync(http, content);
        return JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
    }

    public static string Request(string method, object?[] args, int id) => new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = new JsonArray(args.Select(a => a is null ? null : JsonValue.Create(a)).ToArray<JsonNode?>()),
    }.ToJsonString();

    public void Dispose() => _http.Dispose();
}

internal sealed class RpcError(int code, string message, string? data) : Exception($"{code} {message}: {data}")
{
    public int Code { get; } = code;
    public string? Detail { get; } = data;
}

/// <summary>A WebSocket JSON-RPC connection; notifications are routed per subscription id.</summary>
internal sealed class WsRpcClient : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonNode?>> _subs = new();
    private readonly CancellationTokenSource _cts = new();
    private Task? _reader;
    private int _id;

    public static async Task<WsRpcClient> ConnectAsync(Uri uri)
    {
        var c = new WsRpcClient();
        await c._ws.ConnectAsync(uri, CancellationToken.None);
        c._reader = c.ReadLoop();
        return c;
    }

    public async Task<JsonNode?> CallAsync(string method, params object?[] args)
    {
        var id = Interlocked.Increment(ref _id);
        var tcs = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        await _ws.SendAsync(Encoding.UTF8.GetBytes(RpcClient.Request(method, args, id)), WebSocketMessageType.Text, true, _cts.Token);
        var response = await tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (response["error"] is JsonObject e) throw new RpcError((int)e["code"]!, (string)e["message"]!, (string?)e["data"]);
        return response["result"];
    }

    /// <summary>Calls a subscribe method and returns the stream of its notifications' results.</summary>
    public async Task<ChannelReader<JsonNode?>> SubscribeAsync(string method, params object?[] args)
    {
        var id = (string)(await CallAsync(method, args))!;
        return _subs.GetOrAdd(id, _ => Channel.CreateUnbounded<JsonNode?>()).Reader;
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var ms = new MemoryStream();
        try
        {
            while (_ws.State == WebSocketState.Open)
            {
                var r = await _ws.ReceiveAsync(buffer, _cts.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                ms.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var msg = JsonNode.Parse(ms.ToArray())!;
                ms.SetLength(0);
                if (msg["id"] is JsonValue idv && _pending.TryRemove((int)idv, out var tcs)) tcs.SetResult(msg);
                else if (msg["params"] is JsonObject p && (string?)p["subscription"] is { } sub)
                    await _subs.GetOrAdd(sub, _ => Channel.CreateUnbounded<JsonNode?>()).Writer.WriteAsync(p["result"]?.DeepClone());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        finally
        {
            foreach (var ch in _subs.Values) ch.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        try { if (_reader is not null) await _reader; } catch (OperationCanceledException) { }
        _ws.Dispose();
    }
}
