using TaoSharp.TestKit;

namespace TaoSharp.Cli.Tests;

/// <summary>A real `tao node --dev --instant` on a free loopback port, for the chain-backed CLI commands.</summary>
internal sealed class ChainTestNode : IDisposable
{
    private readonly TaoNodeProcess _node;

    private ChainTestNode(TaoNodeProcess node) => _node = node;

    public int Port => _node.Port;
    public string Ws => _node.Ws.ToString();

    public static int FreePort() => TaoNodeProcess.FreePort();

    public static ChainTestNode Start(string taoDll) => new(TaoNodeProcess.StartAsync(taoDll: taoDll).GetAwaiter().GetResult());

    public void Dispose() => _node.Dispose();
}
