namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>Worked numbers quoted in spec-yuma §1.3–1.6 and spec-dtao §0.2, reproduced exactly.</summary>
public sealed class FixedSpecExampleTests
{
    [Fact]
    public void Stake_normalization_in_I64F64_then_floored_to_I32F32()
    {
        // spec-yuma §1.6: stakes [1,2,3,4] → I32F32 bits [429496729, 858993459, 1288490188, 1717986918].
        I64F64[] stakes = [I64F64.FromInt(1), I64F64.FromInt(2), I64F64.FromInt(3), I64F64.FromInt(4)];
        I64F64 sum = I64F64.Zero;
        foreach (I64F64 s in stakes)
        {
            sum += s;
        }

        long[] bits = [.. stakes.Select(s => s.SafeDiv(sum).ToI32F32().Bits)];
        Assert.Equal([429496729L, 858993459L, 1288490188L, 1717986918L], bits);
        Assert.Equal("0.9999999995343387126922607421875", I32F32.FromBits(bits.Sum()).ToString()); // 1 − 2 ulp
    }

    [Fact]
    public void Tao_weight_of_the_mainnet_default_is_about_five_percent()
    {
        // spec-yuma §1.6: U96F32(971_718_665_099_567_868) / U96F32(u64::MAX) = 0.05267697433… (32 fraction bits kept).
        U96F32 tw = U96F32.FromUInt(971_718_665_099_567_868UL) / U96F32.FromUInt(ulong.MaxValue);
        Assert.StartsWith("0.0526769743", tw.ToString());
        Assert.Equal(tw.Bits, (UInt128)(((UInt128)971_718_665_099_567_868UL << 32) / ulong.MaxValue));
        Assert.Equal((Int128)tw.Bits << 32, tw.ToI64F64().Bits); // exact widening
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(1, 65537L)]
    [InlineData(32768, 2147516416L)]
    [InlineData(65535, 4294967296L)]
    public void U16_proportion_to_fixed_truncates(ushort u, long expectedBits)
    {
        // u16_proportion_to_fixed(u) = safe_div(I32F32(u), I32F32(65535)) = trunc(u·2^32/65535)
        I32F32 fixedValue = I32F32.FromInt(u).SafeDiv(I32F32.FromInt(65535));
        Assert.Equal(expectedBits, fixedValue.Bits);
        Assert.Equal((u * (1L << 32)) / 65535, fixedValue.Bits);
    }

    [Theory]
    [InlineData(4294967296L, (ushort)65535)] // 1.0 → 65535
    [InlineData(4294967295L, (ushort)65534)] // never rounds up
    [InlineData(2147483648L, (ushort)32767)] // 0.5 → 32767.5 floored
    [InlineData(-1L, (ushort)0)]
    [InlineData(long.MaxValue, (ushort)65535)]
    public void Fixed_proportion_to_u16_floors_and_clamps(long bits, ushort expected)
    {
        // fixed_proportion_to_u16(x) = to_u16(saturating_mul(x, 65535))
        Assert.Equal(expected, I32F32.FromBits(bits).SaturatingMul(I32F32.FromInt(65535)).SaturatingToU16());
    }

    [Fact]
    public void Weight_upscale_rounds_ties_away_from_zero()
    {
        // spec-yuma §1.5: 21845·65535/43690 = 32767.5 exactly → 32768.
        I32F32 v = I32F32.FromInt(21845).SaturatingMul(I32F32.FromInt(65535)).SafeDiv(I32F32.FromInt(43690));
        Assert.Equal("32767.5", v.ToString());
        Assert.Equal((ushort)32768, v.Round().SaturatingToU16());
    }

    [Fact]
    public void Safe_div_returns_zero_on_overflow_where_saturating_div_clamps()
    {
        I32F32 big = I32F32.FromInt(1_000_000), tiny = I32F32.Delta;
        Assert.Equal(I32F32.Zero, big.SafeDiv(tiny));
        Assert.Null(big.CheckedDiv(tiny));
        Assert.Equal(I32F32.MaxValue, big.SaturatingDiv(tiny));
        Assert.Equal(I32F32.MinValue, (-big).SaturatingDiv(tiny));
        Assert.Equal(I32F32.One, big.SafeDivOr(I32F32.Zero, I32F32.One));
    }

    [Fact]
    public void Multiplication_floors_toward_negative_infinity()
    {
        // -1 ulp · 0.5 = -2^-33 exactly, floored to -1 ulp (not truncated to 0).
        I32F32 half = I32F32.FromBits(1L << 31);
        Assert.Equal(-1L, (-I32F32.Delta * half).Bits);
        Assert.Equal(0L, (I32F32.Delta * half).Bits);
        Assert.Equal(Int128.NegativeOne, (-I64F64.Delta * I64F64.FromBits(Int128.One << 63)).Bits);
    }

    [Fact]
    public void Division_truncates_toward_zero()
    {
        // -1 / 3 → -(2^32/3 truncated); the floor would be one ulp lower.
        I32F32 q = -I32F32.One / I32F32.FromInt(3);
        Assert.Equal(-((1L << 32) / 3), q.Bits);
        Assert.Equal(-(((Int128)1 << 64) / 3), (-I64F64.One / I64F64.FromInt(3)).Bits);
    }
}
