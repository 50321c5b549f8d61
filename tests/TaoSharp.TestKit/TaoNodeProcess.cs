using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaoSharp.TestKit;

/// <summary>
/// A real `tao node --dev` process on a free loopback port (the one launcher the Node, Sdk and Cli end-to-end tests
/// share). The data directory is a fresh temp directory unless one is given; only a temp directory is deleted on dispose.
/// </summary>
public sealed class TaoNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly bool _ownsDataDir;

    private TaoNodeProcess(Process process, string dataDir, bool ownsDataDir, int port)
    {
        _process = process;
        _ownsDataDir = ownsDataDir;
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

    /// <summary>Everything the node printed so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// The CLI's tao.dll next to the running test assembly: tests run from &lt;artifacts&gt;/bin/&lt;TestProject&gt;/&lt;config&gt;/,
    /// the CLI builds to &lt;artifacts&gt;/bin/TaoSharp.Cli/&lt;config&gt;/.
    /// </summary>
    public static string TaoDll
    {
        get
        {
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

    /// <summary>Starts the node and waits until /health answers (60 s at most).</summary>
    public static async Task<TaoNodeProcess> StartAsync(string? dataDir = null, string extraArgs = "--instant", string? taoDll = null)
    {
        var ownsDataDir = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("taosharp-node-").FullName;
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", $"\"{taoDll ?? TaoDll}\" node --dev --base-path \"{dataDir}\" --rpc-port {port} {extraArgs}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = new TaoNodeProcess(Process.Start(psi)!, dataDir, ownsDataDir, port);
        try
        {
            await node.WaitReadyAsync();
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
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
                if ((await http.GetAsync(new Uri(Http, "health"))).IsSuccessStatusCode) return;
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
        if (_ownsDataDir)
            try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
