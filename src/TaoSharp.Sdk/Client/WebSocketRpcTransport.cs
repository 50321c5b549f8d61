using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TaoSharp.Sdk.Client;

/// <summary>
/// JSON-RPC over one WebSocket: a background receive loop routes responses to their pending call by id and
/// notifications to their subscription stream. When the socket breaks every pending call and stream fails with
/// <see cref="ChainConnectionException"/> (the owning <see cref="TaoClient"/> decides whether to reconnect).
/// </summary>
internal sealed class WebSocketRpcTransport : IRpcTransport
{
    /// <summary>Largest message accepted from the node; bounds memory on a hostile or broken peer.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>Notifications that arrive before their subscription is opened are kept for this many ids at most.</summary>
    private const int MaxEarlyStreams = 256;

    private readonly ClientWebSocket _socket;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<long, (string Method, TaskCompletionSource<JsonObject> Reply)> _pending = new();
    private readonly ConcurrentDictionary<string, SubscriptionStream> _streams = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private long _nextId;
    private volatile Exception? _failure;

    private WebSocketRpcTransport(ClientWebSocket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public bool SupportsSubscriptions => true;

    public bool IsOpen => _failure is null && _socket.State == WebSocketState.Open;

    public static async Task<WebSocketRpcTransport> ConnectAsync(Uri endpoint, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            await socket.ConnectAsync(endpoint, cts.Token).ConfigureAwait(false);
            return new WebSocketRpcTransport(socket, timeout);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken ct)
    {
        if (_failure is { } f) throw new ChainConnectionException("the WebSocket connection is closed: " + f.Message, f);
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (method, reply);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(RpcMessages.Request(id, method, parameters));
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
            }
            catch (WebSocketException e)
            {
                throw new ChainConnectionException($"{method}: sending failed: {e.Message}", e);
            }
            finally
            {
                _sendLock.Release();
            }
            var response = await reply.Task.WaitAsync(_timeout, ct).ConfigureAwait(false);
            return RpcMessages.Result(method, response);
        }
        catch (TimeoutException e)
        {
            throw new ChainConnectionException($"{method}: no answer within {_timeout.TotalSeconds:0} s", e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public SubscriptionStream OpenStream(string subscriptionId) => _streams.GetOrAdd(subscriptionId, _ => new SubscriptionStream());

    public void CloseStream(string subscriptionId)
    {
        if (_streams.TryRemove(subscriptionId, out var s)) s.Complete();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                message.SetLength(0);
                WebSocketReceiveResult r;
                do
                {
                    r = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (r.MessageType == WebSocketMessageType.Close) throw new ChainConnectionException("the node closed the WebSocket");
                    if (message.Length + r.Count > MaxMessageBytes)
                        throw new ChainConnectionException($"the node sent a message over {MaxMessageBytes} bytes");
                    message.Write(buffer, 0, r.Count);
                } while (!r.EndOfMessage);
                Route(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChainConnectionException or ObjectDisposedException)
        {
            Fail(e is OperationCanceledException ? new ChainConnectionException("the client was closed") : e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Route(string text)
    {
        JsonObject msg;
        try
        {
            msg = RpcMessages.Parse(text, "WebSocket message");
        }
        catch (ChainConnectionException)
        {
            return; // one garbled message does not kill the connection; the call it answered times out
        }
        if (msg["id"] is JsonValue idValue && idValue.TryGetValue<long>(out var id))
        {
            if (_pending.TryGetValue(id, out var p)) p.Reply.TrySetResult(msg);
            return;
        }
        if (msg["params"] is JsonObject prm && prm["subscription"]?.ToString() is { } sub)
        {
            if (!_streams.ContainsKey(sub) && _streams.Count >= MaxEarlyStreams) return;
            OpenStream(sub).Post(prm["result"]?.DeepClone());
        }
    }

    private void Fail(Exception e)
    {
        _failure ??= e;
        var error = e as ChainConnectionException ?? new ChainConnectionException("the WebSocket connection broke: " + e.Message, e);
        foreach (var (_, p) in _pending) p.Reply.TrySetException(error);
        foreach (var (_, s) in _streams) s.Complete(error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        try { await _receiveLoop.ConfigureAwait(false); } catch (Exception e) when (e is OperationCanceledException) { }
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
