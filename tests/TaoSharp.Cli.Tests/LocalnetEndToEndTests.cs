using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace TaoSharp.Cli.Tests;

/// <summary>
/// `tao localnet --blocks N` end to end, as a user runs it: a child process with the embedded node, the forecast subnet,
/// four miners (fasttree, linear-trend, moving-average, last-value) and two validators; the JSON summary is checked.
/// </summary>
public class LocalnetEndToEndTests(ITestOutputHelper output)
{
    private const int Blocks = 120;

    [Fact]
    public void Localnet_pays_the_best_model_most_and_keeps_the_books_balanced()
    {
        var run = LocalnetRunner.Run(TimeSpan.FromMinutes(5), "localnet", "--blocks", Blocks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--rpc-port", "0", "--block-time", "300", "--tempo", "10", "--miners", "4", "--validators", "2");
        output.WriteLine(run.Stdout);
        output.WriteLine(string.Join('\n', run.Stderr.Split('\n').Where(l => l.Contains("localnet:") || l.Contains("training") || l.Contains("warn"))));
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr[^System.Math.Min(2000, run.Stderr.Length)..]}");
        var summary = JsonNode.Parse(run.Stdout)!.AsObject();

        Assert.True(summary["block"]!.GetValue<ulong>() >= Blocks);
        var neurons = summary["neurons"]!.AsArray().Select(n => n!.AsObject()).ToArray();
        var miners = neurons.Where(n => n["role"]!.GetValue<string>() == "miner").ToArray();
        var validators = neurons.Where(n => n["role"]!.GetValue<string>() == "validator").ToArray();
        Assert.Equal(4, miners.Length);
        Assert.Equal(2, validators.Length);

        // Every miner answered the validators.
        Assert.All(miners, m => Assert.True(m["answered"]!.GetValue<long>() > 0, $"{m["model"]} never answered"));

        // Incentive follows model quality: the trained model above every naive baseline.
        double Incentive(JsonObject n) => n["incentive"]!.GetValue<double>();
        var fasttree = miners.Single(m => m["model"]!.GetValue<string>() == "fasttree");
        foreach (var baseline in miners.Where(m => m != fasttree))
            Assert.True(Incentive(fasttree) > Incentive(baseline),
                $"fasttree incentive {Incentive(fasttree)} should exceed {baseline["model"]} {Incentive(baseline)}");
        Assert.True(fasttree["score"]!.GetValue<double>() > miners.Where(m => m != fasttree).Max(m => m["score"]!.GetValue<double>()));

        // Validators set weights and earned dividends.
        Assert.All(validators, v =>
        {
            Assert.True(v["weight_sets"]!.GetValue<long>() > 0);
            Assert.True(v["dividends"]!.GetValue<double>() > 0, "a validator earned no dividends");
        });

        // Alpha was emitted to the neurons, and staking TAO raised the pool price.
        var subnet = summary["subnet"]!.AsObject();
        Assert.True(subnet["alpha_out"]!.GetValue<decimal>() > 0);
        Assert.True(miners.Sum(m => m["emission"]!.GetValue<decimal>()) > 0);
        Assert.True(subnet["price_after_stake"]!.GetValue<decimal>() > subnet["price_before_stake"]!.GetValue<decimal>());

        // The runtime's money-book invariants held on every block the node imported.
        var invariants = summary["invariants"]!.AsObject();
        Assert.Equal(0, invariants["violations"]!.GetValue<long>());
        Assert.True(invariants["blocks_checked"]!.GetValue<long>() >= Blocks - 2);
    }

    [Theory]
    [InlineData("--miners", "0")]
    [InlineData("--tempo", "1")]
    [InlineData("--block-time", "10")]
    public void Bad_options_exit_2_without_starting_anything(string option, string value)
    {
        var run = LocalnetRunner.Run(TimeSpan.FromMinutes(1), "localnet", option, value, "--blocks", "5", "--rpc-port", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout.Trim());
    }

    [Fact]
    public void A_data_dir_that_is_not_empty_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-localnet-test-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "something"), "x");
            var run = LocalnetRunner.Run(TimeSpan.FromMinutes(1), "localnet", "--data-dir", dir, "--blocks", "5", "--rpc-port", "0");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("not empty", run.Stderr);
            Assert.Equal(["something"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>Runs the built tao.dll with a longer deadline than the keys/wallet runner (a localnet runs for minutes).</summary>
internal static class LocalnetRunner
{
    public static TaoResult Run(TimeSpan deadline, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TaoDllPath());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tao {string.Join(' ', args)} did not finish within {deadline}; stderr: {stderr.Result}");
        }
        return new TaoResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    // With artifacts output the CLI's folder sits beside this test project's: bin/TaoSharp.Cli/<config>/tao.dll.
    private static string TaoDllPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(here.Parent!.Parent!.FullName, "TaoSharp.Cli", here.Name, "tao.dll");
    }
}
