using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TaoSharp.Runtime.Epoch;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>Finds epoch-case files (shared vectors and our own generated ones) and compares outputs with their expected part.</summary>
public static class EpochCaseFiles
{
    /// <summary>tests/TaoSharp.Runtime.Tests/EpochCases, located from this source file so it works wherever the build output goes.</summary>
    public static string OwnCasesDir([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "EpochCases");

    public static IEnumerable<object[]> SharedCases() =>
        Directory.GetFiles(SharedFiles.Vectors("epoch-cases"), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    public static IEnumerable<object[]> OwnCases() =>
        Directory.GetFiles(OwnCasesDir(), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>Asserts that every key of <paramref name="expected"/> equals the output exactly, naming the first differing key.</summary>
    public static void AssertMatches(JsonNode expected, EpochOutput output, string label)
    {
        var actual = JsonNode.Parse(EpochCaseFormat.WriteOutput(output))!;
        foreach (string key in EpochCaseFormat.OutputKeys)
        {
            var want = expected[key];
            Assert.True(want is not null, $"{label}: expected has no '{key}'");
            var got = actual[key];
            Assert.True(JsonNode.DeepEquals(want, got),
                $"{label}: '{key}' differs\n expected {Trim(want!.ToJsonString())}\n actual   {Trim(got!.ToJsonString())}");
        }
    }

    private static string Trim(string s) => s.Length > 600 ? s[..600] + "…" : s;
}
