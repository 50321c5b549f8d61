using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TaoSharp.Rpc.Server;

/// <summary>Serves JSON-RPC on "/": HTTP POST (one request or batch per body) and WebSocket (with subscriptions).</summary>
public static class RpcEndpoints
{
    public static void MapJsonRpc(this WebApplication app, RpcDispatcher dispatcher, RpcLimits limits)
    {
        app.UseWebSockets();
        app.Map("/", async (HttpContext http) =>
        {
            if (http.WebSockets.IsWebSocketRequest)
            {
                using var socket = await http.WebSockets.AcceptWebSocketAsync();
                await ServeWebSocketAsync(socket, dispatcher, limits, http.RequestAborted);
                return;
            }
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                await http.Response.WriteAsync("JSON-RPC: POST a request, or open a WebSocket\n");
                return;
            }
            var body = await ReadBodyAsync(http.Request, limits.MaxRequestBytes);
            http.Response.ContentType = "application/json";
            if (body is null)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.Response.WriteAsync(TooLarge(limits));
                return;
            }
            using var session = RpcSession.ForHttp();
            var response = await dispatcher.HandleAsync(body, session);
            if (response is null) http.Response.StatusCode = StatusCodes.Status204NoContent;
            else await http.Response.WriteAsync(response);
        });
    }

    private static string TooLarge(RpcLimits limits) =>
        $"{{\"jsonrpc\":\"2.0\",\"error\":{{\"code\":{RpcErrorCodes.LimitExceeded},\"message\":\"request larger than {limits.MaxRequestBytes} bytes\"}},\"id\":null}}";

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max)
    {
        if (request.ContentLength > max) return null;
        using var ms = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(buffer)) > 0)
            {
                if (ms.Length + n > max) return null;
                ms.Write(buffer, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return ms.ToArray();
    }

    private static async Task ServeWebSocketAsync(WebSocket socket, RpcDispatcher dispatcher, RpcLimits limits, CancellationToken ct)
    {
        using var session = RpcSession.ForWebSocket(limits.MaxSubscriptionsPerConnection);
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var msg in session.Outbound.ReadAllAsync(ct))
                    await socket.SendAsync(Encoding.UTF8.GetBytes(msg), WebSocketMessageType.Text, true, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        }, ct);

        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var r = await socket.ReceiveAsync(buffer, ct);
                if (r.MessageType == WebSocketMessageType.Close) break;
                if (message.Length + r.Count > limits.MaxRequestBytes)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message larger than {limits.MaxRequestBytes} bytes", ct);
                    break;
                }
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var request = message.ToArray();
                message.SetLength(0);
                var response = await dispatcher.HandleAsync(request, session);
                if (response is not null) session.Send(response);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            session.Close();
            try { await writer; } catch (OperationCanceledException) { }
        }
    }
}
