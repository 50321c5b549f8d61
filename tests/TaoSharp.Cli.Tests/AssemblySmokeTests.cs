namespace TaoSharp.Cli.Tests;

public class AssemblySmokeTests
{
    [Fact]
    public void Shared_vectors_are_reachable()
    {
        Assert.True(Directory.Exists(TaoSharp.TestKit.SharedFiles.Vectors()));
    }
}
