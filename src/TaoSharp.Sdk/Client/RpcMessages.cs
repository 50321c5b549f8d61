using System.Text.Json.Nodes;

namespace TaoSharp.Sdk.Client;

/// <summary>Builds JSON-RPC 2.0 requests and reads responses (shared by both transports).</summary>
internal static class RpcMessages
{
    public static string Request(long id, string method, JsonArray parameters) =>
        new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();

    /// <summary>The result of a response object, or throws the error it carries.</summary>
    public static JsonNode? Result(string method, JsonObject response)
    {
        if (response["error"] is JsonObject error)
        {
            var code = error["code"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : 0;
            var message = error["message"]?.ToString() ?? "unknown error";
            var data = error["data"] is { } d ? (d is JsonValue v && v.TryGetValue<string>(out var s) ? s : d.ToJsonString()) : null;
            throw new RpcCallException(method, code, message, data);
        }
        return response["result"]?.DeepClone();
    }

    public static JsonObject Parse(string text, string context)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new ChainConnectionException($"{context}: the node sent JSON that is not an object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ChainConnectionException($"{context}: the node sent malformed JSON ({e.Message})", e);
        }
    }
}
