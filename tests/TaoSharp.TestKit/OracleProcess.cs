using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaoSharp.TestKit;

/// <summary>
/// Runs tools/oracle/sr25519.mjs (independent JS implementations) as a child process and exchanges one JSON
/// line per request. Shared by the Oracle* test classes of every test project as an xunit class fixture; requests are serialized.
/// A missing node or node_modules is a test failure with instructions, never a silent pass.
/// </summary>
public sealed class OracleProcess : IDisposable
{
    // A ceiling, not an expectation: one request can be a batch of hundreds of pure-JS derivations, and CI runs it on
    // two shared cores next to every other test assembly. A healthy oracle answers in well under a second.
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(180);

    private readonly Lock _gate = new();
    private readonly System.Text.StringBuilder _stderr = new();
    private readonly Process? _process;
    private readonly string? _startupError;

    public OracleProcess()
    {
        string oracleDir = FindOracleDirectory();
        if (!Directory.Exists(Path.Combine(oracleDir, "node_modules", "@scure", "sr25519")))
        {
            _startupError = $"The crypto oracle's packages are not installed in {oracleDir}/node_modules. " +
                "Run `cd tools/oracle && npm ci` (./test.sh does this before running tests).";
            return;
        }

        var start = new ProcessStartInfo("node", "sr25519.mjs")
        {
            WorkingDirectory = oracleDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
            // Drain stderr continuously so warnings can never fill the pipe and stall the oracle; keep the tail for messages.
            _process.ErrorDataReceived += (_, e) =>
            {
                lock (_stderr)
                {
                    if (e.Data is not null && _stderr.Length < 16_000)
                    {
                        _stderr.AppendLine(e.Data);
                    }
                }
            };
            _process.BeginErrorReadLine();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _startupError = $"Could not start `node sr25519.mjs` in {oracleDir}: {e.Message}. Node.js 18+ must be on PATH.";
        }
    }

    public JsonObject Call(JsonObject request)
    {
        if (_startupError is not null)
        {
            Assert.Fail(_startupError);
        }

        lock (_gate)
        {
            if (_process is null || _process.HasExited)
            {
                Assert.Fail($"The crypto oracle exited: {Stderr()}");
            }

            _process!.StandardInput.WriteLine(request.ToJsonString());
            _process.StandardInput.Flush();
            Task<string?> read = _process.StandardOutput.ReadLineAsync();
            if (!read.Wait(ResponseTimeout))
            {
                Assert.Fail($"The crypto oracle did not answer {request.ToJsonString()} within {ResponseTimeout.TotalSeconds} s: {Stderr()}");
            }

            string? line = read.Result;
            if (line is null)
            {
                Assert.Fail($"The crypto oracle closed its output: {Stderr()}");
            }

            JsonObject response = JsonNode.Parse(line!)!.AsObject();
            if (response.TryGetPropertyValue("error", out JsonNode? error))
            {
                Assert.Fail($"The crypto oracle rejected {request.ToJsonString()}: {error}");
            }

            return response;
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string FindOracleDirectory([CallerFilePath] string thisFile = "")
    {
        // The test binaries may live outside the repository (TAOSHARP_ARTIFACTS), so prefer the source location.
        string? fromSource = Path.GetDirectoryName(thisFile) is { } dir ? Path.GetFullPath(Path.Combine(dir, "..", "..", "tools", "oracle")) : null;
        if (fromSource is not null && File.Exists(Path.Combine(fromSource, "sr25519.mjs")))
        {
            return fromSource;
        }

        return Path.Combine(SharedFiles.RepoRoot, "tools", "oracle");
    }
}
