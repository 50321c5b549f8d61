using TaoSharp.TestKit;

namespace TaoSharp.Sdk.Tests;

/// <summary>A real `tao node --dev --instant` process on a free loopback port; the SDK reaches it only over JSON-RPC.</summary>
internal sealed class ClientTestNode : IAsyncDisposable
{
    private readonly TaoNodeProcess _node;

    private ClientTestNode(TaoNodeProcess node) => _node = node;

    public int Port => _node.Port;
    public string Ws => _node.Ws.ToString();
    public string Http => _node.Http.ToString();

    public static int FreePort() => TaoNodeProcess.FreePort();

    public static async Task<ClientTestNode> StartAsync() => new(await TaoNodeProcess.StartAsync());

    public ValueTask DisposeAsync()
    {
        _node.Dispose();
        return ValueTask.CompletedTask;
    }
}
