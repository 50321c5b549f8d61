using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaoSharp.Sdk.Tests;

/// <summary>A real `tao node --dev --instant` process on a free loopback port; the SDK reaches it only over JSON-RPC.</summary>
internal sealed class ClientTestNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDir;

    private ClientTestNode(Process process, string dataDir, int port)
    {
        _process = process;
        _dataDir = dataDir;
        Port = port;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string Ws => $"ws://127.0.0.1:{Port}/";
    public string Http => $"http://127.0.0.1:{Port}/";

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private static string TaoDll
    {
        get
        {
            // Tests run from <artifacts>/bin/TaoSharp.Sdk.Tests/<config>/; the CLI builds to <artifacts>/bin/TaoSharp.Cli/<config>/.
            var config = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "TaoSharp.Cli", config, "tao.dll"));
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build src/TaoSharp.Cli first", dll);
        }
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static async Task<ClientTestNode> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-sdk-").FullName;
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", $"\"{TaoDll}\" node --dev --base-path \"{dir}\" --rpc-port {port} --instant")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = new ClientTestNode(Process.Start(psi)!, dir, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (node._process.HasExited) throw new InvalidOperationException("node exited during startup:\n" + node.Output);
            try
            {
                if ((await http.GetAsync(new Uri(node.Http + "health"))).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await node.DisposeAsync();
        throw new TimeoutException("node did not start:\n" + node.Output);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
