using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaoSharp.Cli.Commands.Sim;
using TaoSharp.TestKit;

namespace TaoSharp.Cli.Tests;

/// <summary>
/// `tao sim swap` and `tao sim block-emission` against answers of the independent Python port of the reference
/// (tools/swap-oracle): random pools, weights, fees, amounts, limits and both models, plus every mismatch the fuzz
/// found. The cases live in tests/TaoSharp.Runtime.Tests/SwapCases/. Setting TAOSHARP_SWAP_ORACLE_CASES to another
/// JSONL file (from tools/swap-oracle/fuzz.py) runs that file instead and lists every difference
/// (tools/swap-oracle/README.md).
/// </summary>
public class SimSwapOracleCaseTests
{
    private static string CaseFile(string name) =>
        Path.Combine(SharedFiles.RepoRoot, "tests", "TaoSharp.Runtime.Tests", "SwapCases", name);

    /// <summary>What `tao sim swap` prints for a case: the JSON result or the refusal name.</summary>
    internal static string Answer(string caseJson)
    {
        var outcome = SimSwap.Execute(SimSwapCase.Parse(caseJson));
        if (outcome.Swap.Error is { } error)
        {
            return "error " + error;
        }

        var r = outcome.Swap.Result;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"ok {r.AmountPaidIn} {r.FeePaid} {r.AmountPaidOut} {outcome.PoolAfter.TaoReserve.Rao} {outcome.PoolAfter.AlphaReserve.Raw}");
    }

    private static string Expected(JsonNode expect)
    {
        if (expect["error"] is { } e)
        {
            return "error " + e.GetValue<string>();
        }

        var ok = expect["ok"]!;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"ok {ok["amount_paid_in"]} {ok["fee"]} {ok["amount_out"]} {ok["tao_reserve"]} {ok["alpha_reserve"]}");
    }

    /// <summary>Runs every case line through SimSwap; returns how many differ and a line per difference.</summary>
    private static (int Count, string Report) Compare(IReadOnlyList<string> lines)
    {
        var mismatches = new StringBuilder();
        var count = 0;
        foreach (var line in lines)
        {
            var node = JsonNode.Parse(line)!;
            var caseJson = node["case"]!.ToJsonString();
            var want = Expected(node["expect"]!);
            string got;
            try
            {
                got = Answer(caseJson);
            }
            catch (Exception ex) when (ex is SimSwapCaseException or ArgumentException or InvalidOperationException or OverflowException)
            {
                got = "threw " + ex.GetType().Name + ": " + ex.Message;
            }

            if (got != want)
            {
                count++;
                mismatches.AppendLine(CultureInfo.InvariantCulture, $"{node["source"]}: ours [{got}] oracle [{want}] case {caseJson}");
            }
        }

        return (count, mismatches.ToString());
    }

    [Fact]
    public void Every_oracle_swap_case_gives_the_reference_integers()
    {
        var path = Environment.GetEnvironmentVariable("TAOSHARP_SWAP_ORACLE_CASES") is { Length: > 0 } env
            ? env
            : CaseFile("oracle-swaps.jsonl");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        Assert.True(lines.Length >= 100, $"{path} holds only {lines.Length} cases");

        var (count, report) = Compare(lines);
        if (Environment.GetEnvironmentVariable("TAOSHARP_SWAP_ORACLE_REPORT") is { Length: > 0 } reportPath)
        {
            File.WriteAllText(reportPath, $"{lines.Length} cases, {count} mismatches\n{report}");
        }

        Assert.True(count == 0, $"{count} of {lines.Length} cases differ from the oracle:\n{report}");
    }

    /// <summary>
    /// Fresh cases from the oracle itself (fixed seed, so a failure reproduces) when python3 is on PATH; the
    /// committed cases above cover machines without it.
    /// </summary>
    [Fact]
    public async Task Fresh_oracle_cases_from_a_fixed_seed_agree_when_python_is_available()
    {
        var fuzz = Path.Combine(SharedFiles.RepoRoot, "tools", "swap-oracle", "fuzz.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // leave no __pycache__ in the checkout
        foreach (var arg in new[] { fuzz, "--seed", "2026", "--count", "800" })
        {
            start.ArgumentList.Add(arg);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return; // no python3 here: the committed cases are the check
        }

        Assert.NotNull(process);
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, "fuzz.py failed: " + await stderr);
            var lines = output.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
            Assert.Equal(800, lines.Length);
            var (count, report) = Compare(lines);
            Assert.True(count == 0, $"{count} of {lines.Length} fresh cases differ from the oracle:\n{report}");
        }
    }

    [Fact]
    public void Every_oracle_block_emission_case_gives_the_reference_integer()
    {
        var path = Environment.GetEnvironmentVariable("TAOSHARP_EMISSION_ORACLE_CASES") is { Length: > 0 } env
            ? env
            : CaseFile("oracle-block-emission.jsonl");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        Assert.True(lines.Length >= 100, $"only {lines.Length} block-emission cases");
        var mismatches = new StringBuilder();
        foreach (var line in lines)
        {
            var node = JsonNode.Parse(line)!;
            var issuance = node["issuance"]!.GetValue<string>();
            var stdout = new StringWriter();
            var code = SimBlockEmission.Run(issuance, stdout, new StringWriter());
            var got = code == 0 ? stdout.ToString().Trim() : "exit " + code;
            var want = node["emission"]!.GetValue<string>();
            if (got != want)
            {
                mismatches.AppendLine(CultureInfo.InvariantCulture, $"issuance {issuance}: ours {got}, oracle {want}");
            }
        }

        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }
}
