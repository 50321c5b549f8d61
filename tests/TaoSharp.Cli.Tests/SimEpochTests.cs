using System.Text.Json.Nodes;
using TaoSharp.Cli.Commands.Sim;
using TaoSharp.TestKit;

namespace TaoSharp.Cli.Tests;

/// <summary>`tao sim epoch`: exact outputs for shared cases, exit code 2 with a clear message for malformed files.</summary>
public class SimEpochTests
{
    private static (int Code, string Out, string Err) Run(string path)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = SimEpoch.Run(path, indent: false, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every file of the shared epoch-cases folder (the command runs in-process, so all of them stay cheap).</summary>
    public static TheoryData<string> SharedCases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(SharedFiles.Vectors("epoch-cases"), "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedCases))]
    public void PrintsExactlyTheExpectedObject(string file)
    {
        string path = SharedFiles.Vectors("epoch-cases", file);
        var (code, output, err) = Run(path);
        Assert.True(code == 0, $"{file}: exit {code} {err}");
        Assert.Equal("", err);
        var expected = JsonNode.Parse(File.ReadAllText(path))!["expected"]!;
        var actual = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(expected.AsObject().Select(p => p.Key).Order(), actual.Select(p => p.Key).Order());
        foreach (var (key, want) in expected.AsObject())
            Assert.True(JsonNode.DeepEquals(want, actual[key]), $"{file}: '{key}' differs");
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"input\": {\"n\": 2}}", "missing field 'current_block'")]
    [InlineData("{\"input\": {\"n\": 99999}}", "'n' must be an integer in 0..=4096")]
    [InlineData("{\"input\": {\"n\": 1, \"current_block\": 5, \"tempo\": 1, \"max_allowed_validators\": 1, \"rao_emission\": 1, \"alpha_stake\": [1, 2], \"block_at_registration\": [0], \"last_update\": [0], \"validator_permit\": [true], \"weights\": [], \"bonds\": []}}", "'alpha_stake' has 2 entries, expected n = 1")]
    [InlineData("{\"input\": {\"n\": 1, \"current_block\": -5}}", "'current_block' must be an integer")]
    [InlineData("{\"input\": {\"n\": 1, \"current_block\": 5, \"tempo\": 1, \"max_allowed_validators\": 1, \"rao_emission\": 1, \"alpha_stake\": [1], \"block_at_registration\": [0], \"last_update\": [0], \"validator_permit\": [true], \"weights\": [[[0, 70000]]], \"bonds\": []}}", "'weights[0][0]' must be an integer in 0..=65535")]
    [InlineData("{\"input\": {\"n\": 1, \"current_block\": 5, \"tempo\": 1, \"max_allowed_validators\": 1, \"rao_emission\": 1, \"alpha_stake\": [1], \"block_at_registration\": [0], \"last_update\": [0], \"validator_permit\": [1], \"weights\": [], \"bonds\": []}}", "'validator_permit[0]' must be true or false")]
    public void MalformedCaseExitsWithCode2AndNamesTheProblem(string json, string message)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sim-epoch-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var (code, output, err) = Run(path);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains(message, err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileExitsWithCode2()
    {
        var (code, _, err) = Run(Path.Combine(Path.GetTempPath(), "no-such-case-file.json"));
        Assert.Equal(2, code);
        Assert.Contains("not found", err, StringComparison.Ordinal);
    }
}
