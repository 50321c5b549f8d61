using TaoSharp.TestKit;

namespace TaoSharp.Node.Tests;

/// <summary>A real `tao node` process with the given data directory (the tests own and reuse it across restarts).</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly TaoNodeProcess _node;

    private NodeProcess(TaoNodeProcess node) => _node = node;

    public string DataDir => _node.DataDir;
    public int Port => _node.Port;
    public Uri Http => _node.Http;
    public Uri Ws => _node.Ws;
    public string Output => _node.Output;
    public string OutputTail => _node.OutputTail;

    public static string TaoDll => TaoNodeProcess.TaoDll;

    public static int FreePort() => TaoNodeProcess.FreePort();

    public static async Task<NodeProcess> StartAsync(string dataDir, string extraArgs = "--instant") =>
        new(await TaoNodeProcess.StartAsync(dataDir, extraArgs));

    /// <summary>SIGKILL: no shutdown code runs, like a power cut for the process.</summary>
    public void Kill() => _node.Kill();

    public void Dispose() => _node.Dispose();
}
