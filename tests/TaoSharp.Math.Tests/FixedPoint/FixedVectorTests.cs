using System.Numerics;
using System.Text.Json;
using TaoSharp.TestKit;

namespace TaoSharp.Math.Tests.FixedPoint;

/// <summary>
/// The upstream fixed-point vectors (spec-yuma §8 T3, T9): every case, compared on raw bits.
/// </summary>
public sealed class FixedVectorTests
{
    private static JsonElement Load(string file)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("yuma", file)));
        return doc.RootElement.Clone();
    }

    /// <summary>JSON integers that may exceed 64 bits (I64F64 bits) read exactly.</summary>
    private static BigInteger Big(JsonElement e) => BigInteger.Parse(e.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Math_fixed_conversions_vectors_match_bit_for_bit()
    {
        JsonElement root = Load("math_fixed_conversions.json");
        JsonElement[] inputs = [.. root.GetProperty("inputs").EnumerateArray()];
        JsonElement[] expected = [.. root.GetProperty("expected").EnumerateArray()];
        Assert.NotEmpty(inputs);
        Assert.Equal(inputs.Length, expected.Length);

        // Each entry is one of two kinds, told apart by its fields: a u64 ratio (I64F64 division, then I32F32), or an
        // EMA alpha 1 − I32F32(I64F64(bma) / I64F64(1e6)) whose bma is stated as a field or in the entry's text.
        for (int i = 0; i < inputs.Length; i++)
        {
            string what = inputs[i].TryGetProperty("what", out JsonElement w) ? w.GetString()! : $"inputs[{i}]";
            if (inputs[i].TryGetProperty("numerator_u64", out JsonElement num))
            {
                I64F64 ratio = I64F64.FromUInt(num.GetUInt64()) / I64F64.FromUInt(inputs[i].GetProperty("denominator_u64").GetUInt64());
                Assert.True(Big(expected[i].GetProperty("i64f64_bits")) == (BigInteger)ratio.Bits, $"case {i} ({what}): I64F64 bits {ratio.Bits}");
                Assert.True(Big(expected[i].GetProperty("i32f32_bits")) == (BigInteger)ratio.ToI32F32().Bits, $"case {i} ({what}): I32F32 bits {ratio.ToI32F32().Bits}");
            }
            else
            {
                ulong bma = BondsMovingAverage(inputs[i], what);
                Assert.True(Big(expected[i].GetProperty("alpha_bits")) == (BigInteger)EmaAlpha(bma).Bits, $"case {i} ({what}): EMA alpha bits {EmaAlpha(bma).Bits}");
            }
        }
    }

    /// <summary>The entry's bonds_moving_average field, else "bonds_moving_average=N" in its text, else "moving average == 1" (1e6 per million).</summary>
    private static ulong BondsMovingAverage(JsonElement input, string what)
    {
        if (input.TryGetProperty("bonds_moving_average", out JsonElement field)) return field.GetUInt64();
        string text = what + " " + (input.TryGetProperty("formula", out JsonElement f) ? f.GetString() : "");
        var match = System.Text.RegularExpressions.Regex.Match(text, @"bonds_moving_average\s*=\s*(\d+)");
        if (match.Success) return ulong.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (text.Contains("== 1", StringComparison.Ordinal)) return 1_000_000;
        throw new InvalidOperationException($"cannot tell the bonds moving average of vector case '{what}'");
    }

    private static I32F32 EmaAlpha(ulong bondsMovingAverage) =>
        I32F32.One - (I64F64.FromUInt(bondsMovingAverage) / I64F64.FromUInt(1_000_000)).ToI32F32();

    [Fact]
    public void Ema_alpha_equals_from_num_one_tenth()
    {
        // The vector notes I32F32::from_num(0.1f64) = 429496730: the nearest I32F32 to 0.1.
        Assert.Equal(429496730L, I32F32.Parse("0.1").Bits);
        Assert.Equal(I32F32.Parse("0.1"), EmaAlpha(900_000));
    }

    [Fact]
    public void Math_sigmoid_exp_safe_vectors_match_bit_for_bit()
    {
        JsonElement root = Load("math_sigmoid_exp_safe.json");
        JsonElement[] inputs = [.. root.GetProperty("inputs").EnumerateArray()];
        JsonElement[] expected = [.. root.GetProperty("expected").EnumerateArray()];
        Assert.Equal(inputs.Length, expected.Length);

        int values = 0;
        for (int c = 0; c < inputs.Length; c++)
        {
            JsonElement input = inputs[c];
            long[] xs = [.. input.GetProperty("input_bits").EnumerateArray().Select(e => e.GetInt64())];
            long[] want = [.. expected[c].GetProperty("output_bits").EnumerateArray().Select(e => e.GetInt64())];
            Assert.Equal(xs.Length, want.Length);
            string fn = input.GetProperty("fn").GetString()!;
            for (int i = 0; i < xs.Length; i++)
            {
                I32F32 x = I32F32.FromBits(xs[i]);
                I32F32 actual = fn switch
                {
                    "sigmoid_safe" => FixedMath.SigmoidSafe(
                        x,
                        I32F32.FromBits(input.GetProperty("rho_bits").GetInt64()),
                        I32F32.FromBits(input.GetProperty("kappa_bits").GetInt64())),
                    "exp_safe" => FixedMath.ExpSafe(x),
                    _ => throw new InvalidDataException($"unknown fn '{fn}' in case {c}"),
                };
                Assert.True(want[i] == actual.Bits, $"case {c} ({fn}) element {i}: expected bits {want[i]}, got {actual.Bits}");
                values++;
            }
        }

        Assert.True(values > 0, "no sigmoid/exp value was checked");
    }

    [Fact]
    public void Exp_of_one_is_the_I9F23_constant_widened()
    {
        Assert.Equal(11674931200L, FixedMath.EAsI9F23.Bits);
        Assert.Equal(FixedMath.EAsI9F23, FixedMath.Exp(I32F32.One));
        Assert.Equal(I32F32.One, FixedMath.Exp(I32F32.Zero));
    }

    [Fact]
    public void Exp_safe_equals_exp_of_the_clamped_input()
    {
        // upstream test_math_exp_safe asserts these equalities
        I32F32 twenty = I32F32.FromInt(20);
        Assert.Equal(FixedMath.Exp(twenty), FixedMath.ExpSafe(I32F32.FromInt(21)));
        Assert.Equal(FixedMath.Exp(twenty), FixedMath.ExpSafe(I32F32.MaxValue));
        Assert.Equal(FixedMath.Exp(-twenty), FixedMath.ExpSafe(I32F32.FromInt(-21)));
        Assert.Equal(FixedMath.Exp(-twenty), FixedMath.ExpSafe(I32F32.MinValue));
    }
}
