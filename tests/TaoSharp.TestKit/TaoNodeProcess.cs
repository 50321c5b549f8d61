using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace TaoSharp.TestKit;

/// <summary>
/// A real `tao node --dev` process on loopback (the one launcher the Node, Sdk and Cli end-to-end tests share).
/// The data directory is a fresh temp directory unless one is given; only a temp directory is deleted on dispose.
/// </summary>
/// <remarks>
/// The node is started with --rpc-port 0 and the port it actually bound is read from its "listening on" log line.
/// Picking a free port here and handing it over would leave a window in which a parallel test (or any outgoing
/// connection's ephemeral port) takes it; the health check could then even reach another test's node.
/// </remarks>
public sealed partial class TaoNodeProcess : IDisposable
{
    /// <summary>How long a node may take to start on a loaded CI machine; returns as soon as it answers.</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private const int TailChars = 4000;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly bool _ownsDataDir;
    private readonly TaskCompletionSource<int> _boundPort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TaoNodeProcess(Process process, string dataDir, bool ownsDataDir)
    {
        _process = process;
        _ownsDataDir = ownsDataDir;
        DataDir = dataDir;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string DataDir { get; }

    /// <summary>The RPC port the node bound (known once <see cref="StartAsync"/> returned).</summary>
    public int Port => _boundPort.Task.IsCompletedSuccessfully ? _boundPort.Task.Result : throw new InvalidOperationException("node not started");
    public Uri Http => new($"http://127.0.0.1:{Port}/");
    public Uri Ws => new($"ws://127.0.0.1:{Port}/");

    /// <summary>Everything the node printed so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The last lines the node printed, sized for an assertion message.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                return _output.Length <= TailChars
                    ? _output.ToString()
                    : "[...]" + _output.ToString(_output.Length - TailChars, TailChars);
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } m)
            _boundPort.TrySetResult(int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"listening on http://[^\s,]+:(\d+)")]
    private static partial Regex ListeningLine();

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

    /// <summary>Starts the node and waits until it reports its port and /health answers (<see cref="StartupTimeout"/> at most).</summary>
    public static async Task<TaoNodeProcess> StartAsync(string? dataDir = null, string extraArgs = "--instant", string? taoDll = null)
    {
        var ownsDataDir = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("taosharp-node-").FullName;
        var psi = new ProcessStartInfo("dotnet", $"\"{taoDll ?? TaoDll}\" node --dev --base-path \"{dataDir}\" --rpc-port 0 {extraArgs}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = new TaoNodeProcess(Process.Start(psi)!, dataDir, ownsDataDir);
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
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (!_boundPort.Task.IsCompleted)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the redirected output, so the message below holds the node's last words
                throw new InvalidOperationException($"node exited ({_process.ExitCode}) before listening:\n{OutputTail}");
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"node printed no \"listening on\" line within {StartupTimeout.TotalSeconds} s:\n{OutputTail}");
            await Task.WhenAny(_boundPort.Task, Task.Delay(100));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"node exited during startup:\n{OutputTail}");
            try
            {
                if ((await http.GetAsync(new Uri(Http, "health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"node on port {Port} did not answer /health within {StartupTimeout.TotalSeconds} s:\n{OutputTail}");
            await Task.Delay(100);
        }
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
