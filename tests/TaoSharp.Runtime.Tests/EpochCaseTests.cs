using System.Text.Json.Nodes;
using TaoSharp.Runtime.Epoch;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>The pure sparse epoch against every shared epoch case, our generated random cases and the upstream scenario snapshots.</summary>
public class EpochCaseTests
{
    [Theory]
    [MemberData(nameof(EpochCaseFiles.SharedCases), MemberType = typeof(EpochCaseFiles))]
    public void SharedEpochCaseMatchesExactly(string file) =>
        RunCase(Path.Combine(SharedFiles.Vectors("epoch-cases"), file));

    [Theory]
    [MemberData(nameof(EpochCaseFiles.OwnCases), MemberType = typeof(EpochCaseFiles))]
    public void GeneratedRandomCaseMatchesExactly(string file) =>
        RunCase(Path.Combine(EpochCaseFiles.OwnCasesDir(), file));

    private static void RunCase(string path)
    {
        string json = File.ReadAllText(path);
        var input = EpochCaseFormat.ParseCase(json);
        var expected = JsonNode.Parse(json)!["expected"]!;
        EpochCaseFiles.AssertMatches(expected, YumaEpoch.Run(input), Path.GetFileName(path));
    }

    public static IEnumerable<object[]> ScenarioFiles() =>
        Directory.GetFiles(SharedFiles.Vectors("yuma"), "epoch_*.json").Order(StringComparer.Ordinal)
            .Where(f => JsonNode.Parse(File.ReadAllText(f))!["derived_by_reference_model"] is JsonArray a
                        && a.Count > 0 && a[0]!["epoch_input_snapshot"] is not null)
            .Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>Each per-epoch input snapshot of an upstream scenario, with the scenario's parameters, gives the model's outputs bit for bit.</summary>
    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void ScenarioSnapshotsMatchExactly(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedFiles.Vectors("yuma", file)))!;
        var snapshots = root["derived_by_reference_model"]!.AsArray();
        Assert.NotEmpty(snapshots);
        foreach (var snap in snapshots)
        {
            var input = ScenarioInput(root["inputs"]!["params"]!, snap!["epoch_input_snapshot"]!);
            var output = YumaEpoch.Run(EpochCaseFormat.ParseCase(input.ToJsonString()));
            EpochCaseFiles.AssertMatches(snap["outputs"]!, output, $"{file} {snap["label"]}");
        }
    }

    /// <summary>Scenario parameters overlaid with one epoch's input snapshot, in the epoch-case input format.</summary>
    internal static JsonObject ScenarioInput(JsonNode parameters, JsonNode snapshot)
    {
        var input = parameters.DeepClone().AsObject();
        foreach (var (key, value) in snapshot.AsObject()) input[key] = value?.DeepClone();
        input["n"] = snapshot["alpha_stake"]!.AsArray().Count;
        return input;
    }
}
