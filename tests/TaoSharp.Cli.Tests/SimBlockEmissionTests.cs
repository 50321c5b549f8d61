using System.Text.Json.Nodes;
using TaoSharp.Cli.Commands.Sim;
using TaoSharp.TestKit;

namespace TaoSharp.Cli.Tests;

/// <summary>`tao sim block-emission --issuance RAO`.</summary>
public class SimBlockEmissionTests
{
    [Fact]
    public void Prints_the_schedule_vector_exactly()
    {
        var v = JsonNode.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "block_emission_schedule.json")))!;
        var issuance = v["inputs"]!["issuance_rao"]!.AsArray().Select(n => n!.GetValue<ulong>()).ToArray();
        var expected = v["expected"]!["block_emission_rao"]!.AsArray().Select(n => n!.GetValue<ulong>()).ToArray();
        Assert.NotEmpty(issuance);
        Assert.Equal(issuance.Length, expected.Length);
        for (var i = 0; i < issuance.Length; i++)
        {
            var stdout = new StringWriter();
            Assert.True(0 == SimBlockEmission.Run(issuance[i].ToString(System.Globalization.CultureInfo.InvariantCulture), stdout, new StringWriter()), $"issuance_rao[{i}] = {issuance[i]}: nonzero exit");
            Assert.True(expected[i].ToString(System.Globalization.CultureInfo.InvariantCulture) == stdout.ToString().Trim(), $"issuance_rao[{i}] = {issuance[i]}: printed {stdout.ToString().Trim()}, expected {expected[i]}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("18446744073709551616")]
    public void Bad_issuance_exits_2(string? issuance)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, SimBlockEmission.Run(issuance, new StringWriter(), stderr));
        Assert.Contains("--issuance", stderr.ToString(), StringComparison.Ordinal);
    }
}
