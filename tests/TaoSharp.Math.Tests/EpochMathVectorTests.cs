using System.Text.Json;
using TaoSharp.Math.Epoch;
using TaoSharp.TestKit;

namespace TaoSharp.Math.Tests;

/// <summary>The epoch helpers against shared/vectors/yuma/math_*.json (upstream tests/math.rs, exact bits).</summary>
public class EpochMathVectorTests
{
    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("yuma", file))).RootElement;

    private static IEnumerable<(JsonElement Input, JsonElement Expected)> Cases(string file)
    {
        var root = Load(file);
        var inputs = root.GetProperty("inputs").EnumerateArray().ToArray();
        var expected = root.GetProperty("expected").EnumerateArray().ToArray();
        Assert.Equal(inputs.Length, expected.Length);
        Assert.NotEmpty(inputs);
        return inputs.Zip(expected);
    }

    private static long[] Bits(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();

    /// <summary>Rust's from_num(f32 literal): nearest f32, then round-to-nearest-even onto 32 fraction bits (test-only float use).</summary>
    private static long FromF32(double literal) => (long)System.Math.Round((double)(float)literal * 4294967296.0, MidpointRounding.ToEven);

    private static long FromF64(double literal) => (long)System.Math.Round(literal * 4294967296.0, MidpointRounding.ToEven);

    private static SparseMatrix SparseOfPositive(long[] rowMajor, int rows)
    {
        int cols = rowMajor.Length / rows;
        var b = new SparseMatrix.Builder(rows);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
                if (rowMajor[i * cols + j] > 0) b.Add((ushort)j, rowMajor[i * cols + j]);
            b.EndRow();
        }
        return b.Build();
    }

    private static long[][] Rows(SparseMatrix m) => Enumerable.Range(0, m.Rows)
        .Select(i => m.RowColumns(i).ToArray().Zip(m.RowValues(i).ToArray()).SelectMany(p => new[] { (long)p.First, p.Second }).ToArray())
        .ToArray();

    private static long[][] ExpectedRows(JsonElement rows) => rows.EnumerateArray()
        .Select(r => r.EnumerateArray().SelectMany(p => new[] { p[0].GetInt64(), p[1].GetInt64() }).ToArray())
        .ToArray();

    [Fact]
    public void CheckVecMaxLimited()
    {
        foreach (var (input, expected) in Cases("math_check_vec_max_limited.json"))
        {
            var v = input.GetProperty("vec_u16").EnumerateArray().Select(x => (ushort)x.GetInt32()).ToArray();
            ushort limit = (ushort)input.GetProperty("max_limit_u16").GetInt32();
            Assert.Equal(expected.GetProperty("result").GetBoolean(), EpochVector.CheckMaxLimited(v, limit));
        }
    }

    [Fact]
    public void ColClipSparse()
    {
        foreach (var (input, expected) in Cases("math_col_clip.json"))
        {
            int rows = input.GetProperty("rows").GetInt32();
            var m = input.GetProperty("matrix_f32_rowmajor").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
            var th = input.GetProperty("col_threshold_f32").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
            var sparse = SparseOfPositive(m, rows);
            sparse.ColClip(th);
            Assert.Equal(ExpectedRows(expected.GetProperty("sparse_rows")), Rows(sparse));
        }
    }

    [Fact]
    public void IsTopK()
    {
        foreach (var (input, expected) in Cases("math_is_topk.json"))
        {
            var x = Bits(input.GetProperty("x_bits"));
            int k = input.GetProperty("k").GetInt32();
            var result = expected.GetProperty("result").EnumerateArray().Select(b => b.GetBoolean()).ToArray();
            Assert.Equal(result, EpochVector.IsTopK(x, k));
            if (expected.TryGetProperty("is_topk_nonzero_would_give", out var nz))
                Assert.Equal(nz.EnumerateArray().Select(b => b.GetBoolean()).ToArray(), EpochVector.IsTopKNonZero(x, k));
        }
    }

    [Fact]
    public void MatEmaAlphaSparse()
    {
        int checkedCases = 0;
        foreach (var (input, expected) in Cases("math_mat_ema_alpha.json"))
        {
            string fn = input.GetProperty("fn").GetString()!;
            if (fn.StartsWith("mat_ema_alpha_sparse (4x3", StringComparison.Ordinal))
            {
                var oldM = input.GetProperty("old_f32_rowmajor").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
                var newM = input.GetProperty("new_f32_rowmajor").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
                long a = FromF32(input.GetProperty("alpha_all_f32").GetDouble());
                var alpha = Enumerable.Range(0, 4).Select(_ => new[] { a, a, a }).ToArray();
                var result = LiquidAlpha.EmaWithAlphas(SparseOfPositive(newM, 4), SparseOfPositive(oldM, 4), alpha);
                Assert.Equal(ExpectedRows(expected.GetProperty("result_sparse_bits_reference_model")), Rows(result));
                checkedCases++;
            }
            else if (fn == "mat_ema_alpha_sparse")
            {
                long[] Flat(string name) => input.GetProperty(name).EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(x => FromF64(x.GetDouble())).ToArray();
                var newM = Flat("new_f64");
                var oldM = Flat("old_f64");
                var al = Flat("alpha_f64");
                var alpha = new[] { new[] { al[0], al[1] }, new[] { al[2], al[3] } };
                var result = LiquidAlpha.EmaWithAlphas(SparseOfPositive(newM, 2), SparseOfPositive(oldM, 2), alpha);
                var bits = expected.GetProperty("result_bits_reference_model").EnumerateArray()
                    .Select(r => r.EnumerateArray().Select((v, j) => new[] { (long)j, v.GetInt64() }).SelectMany(p => p).ToArray()).ToArray();
                Assert.Equal(bits, Rows(result));
                checkedCases++;
            }
        }
        Assert.Equal(6, checkedCases);
    }

    [Fact]
    public void VecMaxUpscaleToU16()
    {
        foreach (var (input, expected) in Cases("math_vec_max_upscale_to_u16.json"))
        {
            var want = expected.GetProperty("u16").EnumerateArray().Select(x => (ushort)x.GetInt32()).ToArray();
            ushort[] got = input.TryGetProperty("x_u16", out var u16)
                ? EpochVector.U16MaxUpscaleToU16(u16.EnumerateArray().Select(x => (ushort)x.GetInt32()).ToArray())
                : EpochVector.MaxUpscaleToU16(Bits(input.GetProperty("x_bits")));
            Assert.Equal(want, got);
        }
    }

    [Fact]
    public void WeightedMedianOfPartition()
    {
        var median = new WeightedMedian();
        foreach (var (input, expected) in Cases("math_weighted_median.json"))
        {
            var idx = input.GetProperty("partition_idx").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            long got = median.Compute(Bits(input.GetProperty("stake_bits")), Bits(input.GetProperty("score_bits")), idx,
                input.GetProperty("minority_bits").GetInt64(), input.GetProperty("partition_lo_bits").GetInt64(),
                input.GetProperty("partition_hi_bits").GetInt64());
            Assert.Equal(expected.GetProperty("median_bits").GetInt64(), got);
        }
    }

    [Fact]
    public void WeightedMedianOfColumns()
    {
        foreach (var (input, expected) in Cases("math_weighted_median_col.json"))
        {
            var stake = Bits(input.GetProperty("stake_bits"));
            int rows = input.GetProperty("rows").GetInt32();
            var dense = input.GetProperty("weights_bits_dense").EnumerateArray().SelectMany(Bits).ToArray();
            int cols = dense.Length / rows;
            var got = WeightedMedian.OfColumns(stake, SparseOfPositive(dense, rows), cols, input.GetProperty("majority_bits").GetInt64());
            Assert.Equal(Bits(expected.GetProperty("median_bits")), got);
        }
    }

    [Fact]
    public void ExpAndSigmoidMatchTheFixedPointReference()
    {
        foreach (var (input, expected) in Cases("math_sigmoid_exp_safe.json"))
        {
            string fn = input.GetProperty("fn").GetString()!;
            if (fn == "exp_safe")
            {
                Assert.Equal(Bits(expected.GetProperty("output_bits")), Bits(input.GetProperty("input_bits")).Select(Fx32.ExpSafe).ToArray());
                continue;
            }
            long rho = input.GetProperty("rho_bits").GetInt64();
            long kappa = input.GetProperty("kappa_bits").GetInt64();
            var got = Bits(input.GetProperty("input_bits")).Select(x => Fx32.SigmoidSafe(x, rho, kappa)).ToArray();
            Assert.Equal(Bits(expected.GetProperty("output_bits")), got);
        }
    }

    /// <summary>
    /// liquid_alpha_equal_values.json (upstream test_liquid_alpha_equal_values_against_itself): dense compute_bonds with
    /// alpha_low = alpha_high gives the reference bits, and equals the plain EMA with the stated moving average within the tolerance.
    /// Upstream's dense path zips each weight row with the consensus vector, so column j uses consensus[j].
    /// </summary>
    [Fact]
    public void LiquidAlphaWithEqualBoundsMatchesThePlainEma()
    {
        var root = Load("liquid_alpha_equal_values.json");
        var input = root.GetProperty("inputs");
        var expected = root.GetProperty("expected");
        long[] w = input.GetProperty("weights_f32_rowmajor_4x3").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
        long[] b = input.GetProperty("bonds_f32_rowmajor_4x3").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
        long[] c = input.GetProperty("consensus_f32").EnumerateArray().Select(x => FromF32(x.GetDouble())).ToArray();
        var on = expected.GetProperty("liquid_on_bits_reference_model").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
        var off = expected.GetProperty("liquid_off_bits_reference_model").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
        int rows = on.Length, cols = on[0].Length;
        Assert.Equal(rows * cols, w.Length);
        Assert.Equal(rows * cols, b.Length);

        var liquid = new LiquidAlpha((ushort)input.GetProperty("alpha_low_u16").GetInt32(), (ushort)input.GetProperty("alpha_high_u16").GetInt32(),
            (short)input.GetProperty("alpha_sigmoid_steepness").GetInt32());
        // EMA alpha from the moving average: 1 − I32F32(I64F64(bma) / I64F64(1e6)).
        long plainAlpha = Fx32.SatSub(Fx32.One, (TaoSharp.Math.I64F64.FromUInt(input.GetProperty("bonds_moving_average").GetUInt64()) / TaoSharp.Math.I64F64.FromUInt(1_000_000)).ToI32F32().Bits);
        long maxDiff = FromF64(expected.GetProperty("max_abs_diff_allowed").GetDouble());
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                long wv = w[i * cols + j], bv = b[i * cols + j];
                long a = liquid.Alpha(c[j], wv, bv);
                long liquidBits = System.Math.Min(Fx32.SatAdd(Fx32.SatMul(Fx32.SatSub(Fx32.One, a), bv), System.Math.Max(Fx32.SatMul(a, wv), 0)), Fx32.One);
                long plainBits = Fx32.SatAdd(Fx32.SatMul(plainAlpha, wv), Fx32.SatMul(Fx32.SatSub(Fx32.One, plainAlpha), bv));
                Assert.True(on[i][j] == liquidBits, $"[{i},{j}] liquid: {liquidBits} vs {on[i][j]}");
                Assert.True(off[i][j] == plainBits, $"[{i},{j}] plain: {plainBits} vs {off[i][j]}");
                Assert.True(System.Math.Abs(liquidBits - plainBits) <= maxDiff, $"[{i},{j}] liquid and plain differ by more than the tolerance");
            }
        }
    }
}
