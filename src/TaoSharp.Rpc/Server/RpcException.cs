namespace TaoSharp.Rpc.Server;

/// <summary>A JSON-RPC error to return to the caller (code, message and optional data).</summary>
public sealed class RpcException(int code, string message, string? data = null) : Exception(message)
{
    public int Code { get; } = code;
    public string? Detail { get; } = data;

    public static RpcException InvalidParams(string message) => new(RpcErrorCodes.InvalidParams, "Invalid params", message);
}

/// <summary>JSON-RPC 2.0 codes plus the Substrate author_* codes clients already know.</summary>
public static class RpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    /// <summary>Server overloaded / limit reached (connections, subscriptions, request size).</summary>
    public const int LimitExceeded = -32005;

    // Substrate author module: 1010 invalid transaction, 1012 pool full, 1013 already imported, 1014 priority too low.
    public const int InvalidTransaction = 1010;
    public const int PoolFull = 1012;
    public const int AlreadyImported = 1013;
    public const int TooLowPriority = 1014;

    /// <summary>Queried state is not available (e.g. an old block's state: this node keeps only the head's).</summary>
    public const int StateUnavailable = 4003;
}
