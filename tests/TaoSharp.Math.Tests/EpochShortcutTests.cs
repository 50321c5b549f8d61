using TaoSharp.Math.Epoch;

namespace TaoSharp.Math.Tests;

/// <summary>
/// The epoch's performance shortcuts give the bits of the plain formulation they replace: a constant division for
/// u16 proportions, dividends from column sums instead of a normalized copy, consensus scores laid out by blocks.
/// </summary>
public class EpochShortcutTests
{
    [Fact]
    public void U16_proportion_equals_safe_div_for_every_u16()
    {
        for (int u = 0; u <= ushort.MaxValue; u++)
            Assert.Equal(Fx32.SafeDiv((long)u << Fx32.FracBits, Fx32.U16MaxBits), Fx32.U16Proportion((ushort)u));
    }

    [Fact]
    public void Stake_safe_div_equals_the_big_integer_definition()
    {
        var rng = new Random(11); // test data only
        Int128[] edges = [0, 1, -1, Int128.MaxValue, Int128.MinValue, (Int128)1 << 64, -((Int128)1 << 64), (Int128)ulong.MaxValue << 64, 3];
        var values = new List<Int128>(edges);
        for (int k = 0; k < 2000; k++)
        {
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            Int128 x = BitConverter.ToInt64(bytes, 0) + ((Int128)BitConverter.ToInt64(bytes, 8) << 64);
            values.Add(x >> rng.Next(0, 127));
        }
        for (int k = 0; k + 1 < values.Count; k++)
        {
            foreach (var (a, b) in new[] { (values[k], values[k + 1]), (values[k + 1], values[k]), (values[k], edges[k % edges.Length]) })
            {
                Int128 expected = 0;
                if (b != 0)
                {
                    var q = System.Numerics.BigInteger.Divide((System.Numerics.BigInteger)a << 64, (System.Numerics.BigInteger)b);
                    if (q <= (System.Numerics.BigInteger)Int128.MaxValue && q >= (System.Numerics.BigInteger)Int128.MinValue) expected = (Int128)q;
                }
                Assert.Equal(expected, StakeWeights.SafeDiv(a, b));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Column_normalized_row_sums_equal_normalizing_a_copy(int seed)
    {
        var rng = new Random(seed); // test data only
        for (int round = 0; round < 50; round++)
        {
            int n = rng.Next(1, 40);
            var m = RandomMatrix(rng, n, allowOutOfRange: true, hugeValues: round % 3 == 0);
            var v = Enumerable.Range(0, n).Select(_ => rng.NextInt64(0, Fx32.One + 1)).ToArray();

            var copy = m.Clone();
            copy.ColNormalize(n);
            long[] expected = copy.RowSumsOfProducts(v);
            var before = m.Clone();

            Assert.Equal(expected, m.ColNormalizedRowSumsOfProducts(n, v));
            for (int i = 0; i < n; i++) Assert.Equal(before.RowValues(i).ToArray(), m.RowValues(i).ToArray()); // unchanged
        }
    }

    [Fact]
    public void Consensus_is_the_same_for_rows_in_column_order_and_in_any_other_order()
    {
        // More than one 128-column block, rows without repeated columns: the blocked (cursor) layout and the
        // single-block scatter used for unordered rows must see the same scores.
        var rng = new Random(7); // test data only
        foreach (int n in new[] { 1, 127, 128, 129, 300, 513 })
        {
            int voters = System.Math.Min(n, 20);
            var stake = new long[n];
            for (int i = 0; i < voters; i++) stake[i] = rng.NextInt64(1, Fx32.One);
            var ordered = new SparseMatrix.Builder(n);
            var shuffled = new SparseMatrix.Builder(n);
            for (int i = 0; i < n; i++)
            {
                var row = Enumerable.Range(0, n + 3).Where(_ => rng.Next(4) != 0)
                    .Select(j => ((ushort)j, rng.Next(5) == 0 ? 0L : rng.NextInt64(0, Fx32.One + 1))).ToArray();
                foreach (var (j, x) in row) ordered.Add(j, x);
                foreach (var (j, x) in row.OrderBy(_ => rng.Next())) shuffled.Add(j, x);
                ordered.EndRow();
                shuffled.EndRow();
            }
            long kappa = Fx32.One / 2;
            Assert.Equal(
                WeightedMedian.OfColumns(stake, shuffled.Build(), n, kappa),
                WeightedMedian.OfColumns(stake, ordered.Build(), n, kappa));
        }
    }

    private static SparseMatrix RandomMatrix(Random rng, int n, bool allowOutOfRange, bool hugeValues)
    {
        var b = new SparseMatrix.Builder(n);
        for (int i = 0; i < n; i++)
        {
            int len = rng.Next(0, n + 2);
            for (int k = 0; k < len; k++)
            {
                int j = rng.Next(0, allowOutOfRange ? n + 2 : n);
                long x = hugeValues ? rng.NextInt64(0, long.MaxValue) : rng.NextInt64(0, Fx32.One + 1);
                b.Add((ushort)j, x);
            }
            b.EndRow();
        }
        return b.Build();
    }
}
