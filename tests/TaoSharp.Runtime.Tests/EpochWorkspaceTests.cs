using System.Text.Json.Nodes;
using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Epoch;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// A reused <see cref="EpochWorkspace"/> hands an epoch arrays that still hold the previous epoch's values, of other
/// sizes. Every epoch case must still come out exactly as expected, whatever ran before it in the same workspace.
/// </summary>
public class EpochWorkspaceTests
{
    private static List<(string Label, EpochInput Input, JsonNode Expected)> AllCases()
    {
        var files = Directory.GetFiles(SharedFiles.Vectors("epoch-cases"), "*.json").Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(EpochCaseFiles.OwnCasesDir(), "*.json").Order(StringComparer.Ordinal));
        var cases = new List<(string, EpochInput, JsonNode)>();
        foreach (var path in files)
        {
            string json = File.ReadAllText(path);
            cases.Add((Path.GetFileName(path), EpochCaseFormat.ParseCase(json), JsonNode.Parse(json)!["expected"]!));
        }
        return cases;
    }

    [Fact]
    public void EveryCaseMatchesThroughOneWorkspaceInBothOrders()
    {
        var cases = AllCases();
        // Cases up to 256 UIDs with ~40,000 weights: above the pooling threshold, so arrays really are reused.
        Assert.True(cases.Count >= 50, $"only {cases.Count} epoch cases found");
        var workspace = new EpochWorkspace();
        foreach (var (label, input, expected) in cases)
            EpochCaseFiles.AssertMatches(expected, YumaEpoch.Run(input, workspace), label + " (forward)");
        cases.Reverse();
        foreach (var (label, input, expected) in cases)
            EpochCaseFiles.AssertMatches(expected, YumaEpoch.Run(input, workspace), label + " (reverse)");
    }

    [Fact]
    public void RepeatedRunGivesTheSameOutputAsAFreshOne()
    {
        // The largest case twice in a row: the second run gets exactly the arrays the first one left behind.
        var (label, input, expected) = AllCases().MaxBy(c => c.Input.Weights.Sum(r => r.Length));
        var workspace = new EpochWorkspace();
        YumaEpoch.Run(input, workspace);
        var again = YumaEpoch.Run(input, workspace);
        EpochCaseFiles.AssertMatches(expected, again, label + " (second run)");
        Assert.Equal(EpochCaseFormat.WriteOutput(YumaEpoch.Run(input)), EpochCaseFormat.WriteOutput(again));
    }

    [Fact]
    public void RunnerKeepingOneWorkspaceStoresEveryCaseExactly()
    {
        // One runner for many subnets' epochs, as a block with several due epochs runs them.
        var runner = new EpochRunner(TestStakeView.Instance, new EpochWorkspace());
        var net = new NetUid(3);
        foreach (var (label, input, expected) in AllCases().Where(c => c.Input.N >= 64))
        {
            var chain = new EpochTestChain();
            chain.LoadCase(net, input);
            var returned = runner.Run(chain.State, net, input.CurrentBlock, input.RaoEmission);
            EpochCaseFiles.AssertMatches(expected, chain.ReadStoredOutput(net, returned), label + " (runner)");
        }
    }
}
