using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TaoSharp.Cli.Tests;

/// <summary>A real `tao node --dev --instant` on a free loopback port, for the chain-backed CLI commands.</summary>
internal sealed class ChainTestNode : IDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private ChainTestNode(Process process, string dataDir, int port)
    {
        _process = process;
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }
    public string Ws => $"ws://127.0.0.1:{Port}/";

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static ChainTestNode Start(string taoDll)
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-cli-node-").FullName;
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { taoDll, "node", "--dev", "--base-path", dir, "--rpc-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--instant" })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new ChainTestNode(process, dir, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                if (http.GetAsync(new Uri($"http://127.0.0.1:{port}/health")).GetAwaiter().GetResult().IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            Thread.Sleep(100);
        }
        node.Dispose();
        throw new TimeoutException("tao node did not start");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}
