namespace TaoSharp.Sdk.Client;

/// <summary>The node answered a call with a JSON-RPC error object (code, message and optional data as text).</summary>
public sealed class RpcCallException(string method, int code, string message, string? data)
    : Exception($"{method}: {message}{(data is null ? "" : " (" + data + ")")} [code {code}]")
{
    public string Method { get; } = method;
    public int Code { get; } = code;
    public string RpcMessage { get; } = message;
    public string? ErrorData { get; } = data;
}

/// <summary>The node could not be reached, or the connection broke while a call was in flight.</summary>
public sealed class ChainConnectionException(string message, Exception? inner = null) : Exception(message, inner);
