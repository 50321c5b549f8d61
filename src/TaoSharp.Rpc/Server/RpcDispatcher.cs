using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaoSharp.Rpc.Server;

/// <summary>Handles one method call; returns the JSON result (null → JSON null).</summary>
public delegate ValueTask<JsonNode?> RpcHandler(RpcParams p, RpcSession session);

/// <summary>Receives each call's method name, duration and success (for metrics and logs).</summary>
public delegate void RpcObserver(string method, TimeSpan elapsed, bool ok);

/// <summary>
/// JSON-RPC 2.0 request handling independent of the transport: parse, route to the method table, map
/// exceptions to error objects. Supports batches (bounded). Unknown exceptions become -32603 without internals.
/// </summary>
public sealed class RpcDispatcher(IReadOnlyDictionary<string, RpcHandler> methods, RpcObserver? observer = null)
{
    public const int MaxBatch = 100;

    public IEnumerable<string> MethodNames => methods.Keys.Order(StringComparer.Ordinal);

    /// <summary>Returns the response text, or null when nothing is to be sent (notifications only).</summary>
    public async ValueTask<string?> HandleAsync(ReadOnlyMemory<byte> request, RpcSession session)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(request, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return Error(null, RpcErrorCodes.ParseError, "Parse error", e.Message).ToJsonString();
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var count = root.GetArrayLength();
                if (count == 0) return Error(null, RpcErrorCodes.InvalidRequest, "Invalid request", "empty batch").ToJsonString();
                if (count > MaxBatch) return Error(null, RpcErrorCodes.LimitExceeded, $"batch larger than {MaxBatch} calls").ToJsonString();
                var responses = new JsonArray();
                foreach (var item in root.EnumerateArray())
                    if (await HandleOneAsync(item, session) is { } r) responses.Add(r);
                return responses.Count == 0 ? null : responses.ToJsonString();
            }
            return (await HandleOneAsync(root, session))?.ToJsonString();
        }
    }

    private async ValueTask<JsonNode?> HandleOneAsync(JsonElement req, RpcSession session)
    {
        if (req.ValueKind != JsonValueKind.Object)
            return Error(null, RpcErrorCodes.InvalidRequest, "Invalid request", "a request must be a JSON object");
        JsonNode? id = req.TryGetProperty("id", out var idEl) ? JsonNode.Parse(idEl.GetRawText()) : null;
        var isNotification = !req.TryGetProperty("id", out _);
        if (!req.TryGetProperty("jsonrpc", out var v) || v.ValueKind != JsonValueKind.String || v.GetString() != "2.0")
            return Error(id, RpcErrorCodes.InvalidRequest, "Invalid request", "jsonrpc must be \"2.0\"");
        if (!req.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
            return Error(id, RpcErrorCodes.InvalidRequest, "Invalid request", "method must be a string");
        var method = m.GetString()!;
        if (!methods.TryGetValue(method, out var handler))
            return Error(id, RpcErrorCodes.MethodNotFound, "Method not found", method);

        var sw = Stopwatch.StartNew();
        var ok = false;
        try
        {
            var p = new RpcParams(req.TryGetProperty("params", out var pe) ? pe : null);
            var result = await handler(p, session);
            ok = true;
            return isNotification ? null : new JsonObject { ["jsonrpc"] = "2.0", ["result"] = result, ["id"] = id };
        }
        catch (RpcException e)
        {
            return Error(id, e.Code, e.Message, e.Detail);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error(id, RpcErrorCodes.InternalError, "Internal error", e.GetType().Name + ": " + e.Message);
        }
        finally
        {
            observer?.Invoke(method, sw.Elapsed, ok);
        }
    }

    private static JsonObject Error(JsonNode? id, int code, string message, string? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null) error["data"] = data;
        return new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = id };
    }
}
