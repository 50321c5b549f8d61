using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaoSharp.Node.Tests;

/// <summary>A real `tao node` process on a free loopback port with its own data directory.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, string dataDir, int port)
    {
        _process = process;
        DataDir = dataDir;
        Port = port;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string DataDir { get; }
    public int Port { get; }
    public Uri Http => new($"http://127.0.0.1:{Port}/");
    public Uri Ws => new($"ws://127.0.0.1:{Port}/");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string TaoDll
    {
        get
        {
            // tests run from <artifacts>/bin/TaoSharp.Node.Tests/<config>/; the CLI builds to <artifacts>/bin/TaoSharp.Cli/<config>/.
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

    public static async Task<NodeProcess> StartAsync(string dataDir, string extraArgs = "--instant")
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", $"\"{TaoDll}\" node --dev --base-path \"{dataDir}\" --rpc-port {port} {extraArgs}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = new NodeProcess(Process.Start(psi)!, dataDir, port);
        await node.WaitReadyAsync();
        return node;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("node exited during startup:\n" + Output);
            try
            {
                var r = await http.GetAsync(new Uri(Http, "health"));
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("node did not start:\n" + Output);
    }

    /// <summary>SIGKILL: no shutdown code runs, like a power cut for the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
