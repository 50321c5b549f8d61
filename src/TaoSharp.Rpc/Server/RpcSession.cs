using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace TaoSharp.Rpc.Server;

/// <summary>
/// One client connection. HTTP requests get a session that cannot hold subscriptions; a WebSocket session keeps
/// its subscriptions (bounded per connection) and an outbound queue drained by one writer, so notifications from
/// the authoring thread never block on a slow client (a client too slow to drain its queue is disconnected).
/// </summary>
public sealed class RpcSession : IDisposable
{
    public const int OutboundQueueLimit = 10_000;

    private readonly ConcurrentDictionary<string, Action> _subscriptions = new();
    private readonly Channel<string>? _outbound;
    private readonly int _maxSubscriptions;
    private readonly List<Action> _afterResponse = [];
    private long _nextId;
    private volatile bool _closed;

    private RpcSession(Channel<string>? outbound, int maxSubscriptions)
    {
        _outbound = outbound;
        _maxSubscriptions = maxSubscriptions;
    }

    public static RpcSession ForHttp() => new(null, 0);

    public static RpcSession ForWebSocket(int maxSubscriptions) =>
        new(Channel.CreateBounded<string>(new BoundedChannelOptions(OutboundQueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }), maxSubscriptions);

    public bool SupportsSubscriptions => _outbound is not null;

    public ChannelReader<string> Outbound => _outbound?.Reader ?? throw new InvalidOperationException("HTTP sessions have no outbound queue");

    /// <summary>Registers a subscription; <paramref name="cancel"/> detaches it from its source. Returns the id sent to the client.</summary>
    public string Subscribe(Func<string, Action> attach)
    {
        if (!SupportsSubscriptions)
            throw new RpcException(RpcErrorCodes.MethodNotFound, "subscriptions need a WebSocket connection");
        if (_subscriptions.Count >= _maxSubscriptions)
            throw new RpcException(RpcErrorCodes.LimitExceeded, $"subscription limit of {_maxSubscriptions} per connection reached");
        var id = Interlocked.Increment(ref _nextId).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        _subscriptions[id] = attach(id);
        return id;
    }

    public bool Unsubscribe(string id)
    {
        if (!_subscriptions.TryRemove(id, out var detach)) return false;
        detach();
        return true;
    }

    /// <summary>Queues a subscription notification; drops the connection's queue (closing it) when the client does not keep up.</summary>
    public void Notify(string method, string subscription, JsonNode? result)
    {
        if (_closed || _outbound is null) return;
        var msg = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = method,
            ["params"] = new JsonObject { ["subscription"] = subscription, ["result"] = result?.DeepClone() },
        };
        if (!_outbound.Writer.TryWrite(msg.ToJsonString())) Close();
    }

    /// <summary>Queues a response, then runs the actions registered while producing it (e.g. buffered notifications).</summary>
    public void Send(string message)
    {
        if (_closed || _outbound is null) return;
        if (!_outbound.Writer.TryWrite(message)) Close();
        List<Action> after;
        lock (_afterResponse)
        {
            after = [.. _afterResponse];
            _afterResponse.Clear();
        }
        foreach (var a in after) a();
    }

    /// <summary>Runs <paramref name="action"/> right after the current request's response is queued.</summary>
    public void AfterResponse(Action action)
    {
        lock (_afterResponse) _afterResponse.Add(action);
    }

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        _outbound?.Writer.TryComplete();
        foreach (var id in _subscriptions.Keys.ToList()) Unsubscribe(id);
    }

    public void Dispose() => Close();
}
