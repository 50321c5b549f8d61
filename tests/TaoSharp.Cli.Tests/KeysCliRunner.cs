using System.Diagnostics;

namespace TaoSharp.Cli.Tests;

/// <summary>The outcome of one `tao` run.</summary>
public sealed record TaoResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built tao.dll in a child process, so exit codes, stdout/stderr separation and environment variables
/// (BT_PW_*, HOME) are exercised exactly as a script sees them, without touching this test process's globals.
/// </summary>
internal static class KeysCliRunner
{
    private static readonly Lazy<string> TaoDll = new(FindTaoDll);

    public static TaoResult Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TaoDll.Value);
        foreach (var a in args) start.ArgumentList.Add(a);
        // Never let a developer's real wallet folder or variables leak into a test.
        start.Environment.Remove("BT_WALLET_PATH");
        start.Environment.Remove("BT_WALLET_NAME");
        start.Environment.Remove("BT_WALLET_HOTKEY");
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        if (environment is not null)
            foreach (var (k, v) in environment) start.Environment[k] = v;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tao did not finish: " + string.Join(' ', args));
        }
        return new TaoResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static TaoResult Run(params string[] args) => Run(null, args);

    private static string FindTaoDll()
    {
        // With artifacts output the CLI's own folder sits beside this test project's: bin/TaoSharp.Cli/<config>/tao.dll.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var candidates = new[]
        {
            Path.Combine(here.Parent!.Parent!.FullName, "TaoSharp.Cli", here.Name, "tao.dll"),
            Path.Combine(here.FullName, "tao.dll"),
        };
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("tao.dll (with its runtimeconfig) not found; looked in " + string.Join(", ", candidates));
    }
}
