using System.Text.Json.Nodes;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Epoch;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>The same cases through the chain's storage path: state laid out, EpochRunner run, outputs read back from storage.</summary>
public class EpochStoragePathTests
{
    private static readonly NetUid Net = new(3);

    [Theory]
    [MemberData(nameof(EpochCaseFiles.SharedCases), MemberType = typeof(EpochCaseFiles))]
    public void SharedCaseThroughStorage(string file) => RunThroughStorage(Path.Combine(SharedFiles.Vectors("epoch-cases"), file));

    [Theory]
    [MemberData(nameof(EpochCaseFiles.OwnCases), MemberType = typeof(EpochCaseFiles))]
    public void GeneratedCaseThroughStorage(string file) => RunThroughStorage(Path.Combine(EpochCaseFiles.OwnCasesDir(), file));

    private static void RunThroughStorage(string path)
    {
        string json = File.ReadAllText(path);
        var input = EpochCaseFormat.ParseCase(json);
        var chain = new EpochTestChain();
        chain.LoadCase(Net, input);
        var returned = new EpochRunner(TestStakeView.Instance).Run(chain.State, Net, input.CurrentBlock, input.RaoEmission);
        EpochCaseFiles.AssertMatches(JsonNode.Parse(json)!["expected"]!, chain.ReadStoredOutput(Net, returned), Path.GetFileName(path));
    }
}
