using System.Text.Json;
using TaoSharp.TestKit;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>log2's integer part (round-half-up halving) and the block-emission schedule built on it (spec-dtao §1.2).</summary>
public sealed class Log2IntegerPartTests
{
    [Theory]
    [InlineData("1", 0)]
    [InlineData("1.999", 0)]
    [InlineData("2", 1)]
    [InlineData("3.5", 1)]
    [InlineData("4", 2)]
    [InlineData("1024", 10)]
    [InlineData("1048575.75", 19)]
    public void Integer_part_of_log2(string value, int expected)
    {
        Assert.Equal(expected, FixedMath.Log2IntegerPart(I96F32.Parse(value)));
    }

    [Fact]
    public void Round_half_up_halving_can_exceed_the_floor_just_below_a_power_of_two()
    {
        // 4 − 2^-32: floor(log2) is 1, but halving with round-half-up reaches 2.0 after one step.
        I96F32 justBelowFour = I96F32.FromInt(4) - I96F32.Delta;
        Assert.Equal(2, FixedMath.Log2IntegerPart(justBelowFour));
    }

    [Fact]
    public void Values_below_one_are_rejected_with_a_clear_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedMath.Log2IntegerPart(I96F32.Parse("0.5")));
    }

    [Fact]
    public void Block_emission_schedule_vector_matches()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", "block_emission_schedule.json")));
        JsonElement root = doc.RootElement;
        ulong[] issuance = [.. root.GetProperty("inputs").GetProperty("issuance_rao").EnumerateArray().Select(e => e.GetUInt64())];
        ulong defaultEmission = root.GetProperty("inputs").GetProperty("DefaultBlockEmission").GetUInt64();
        ulong totalSupply = root.GetProperty("inputs").GetProperty("TotalSupply").GetUInt64();
        ulong[] expected = [.. root.GetProperty("expected").GetProperty("block_emission_rao").EnumerateArray().Select(e => e.GetUInt64())];
        Assert.Equal(issuance.Length, expected.Length);

        for (int i = 0; i < issuance.Length; i++)
        {
            Assert.True(expected[i] == BlockEmission(issuance[i], defaultEmission, totalSupply), $"issuance {issuance[i]}");
        }
    }

    /// <summary>get_block_emission_for_issuance as spec-dtao §1.2 writes it, in I96F32.</summary>
    private static ulong BlockEmission(ulong issuance, ulong defaultEmission, ulong totalSupply)
    {
        if (issuance >= totalSupply)
        {
            return 0;
        }

        I96F32 q = I96F32.FromUInt(issuance) / I96F32.FromUInt(2 * 10_500_000_000_000_000UL);
        if (I96F32.One.CheckedDiv(I96F32.One - q) is not I96F32 r)
        {
            return 0;
        }

        int k = FixedMath.Log2IntegerPart(r);
        I96F32 halving = I96F32.One.SafeDiv(I96F32.FromInt(Int128.One << System.Math.Min(k, 100)));
        return (halving * I96F32.FromUInt(defaultEmission)).SaturatingToU64();
    }
}
