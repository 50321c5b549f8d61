namespace TaoSharp.Math.Epoch;

/// <summary>
/// Yuma3's liquid-alpha bond EMA (spec-yuma §3.12): a per-cell EMA rate from a sigmoid of how far a
/// validator's weight is from consensus, then <c>mat_ema_alpha_sparse</c>.
/// </summary>
public sealed class LiquidAlpha
{
    private readonly long _low;
    private readonly long _high;
    private readonly long _steepnessFactor;
    private readonly long _span; // high − low, saturating, as the reference computes it per cell
    // Direct-mapped memo of sigmoid(d): many cells share the same distance (often 0). Deterministic either way.
    private readonly long[] _memoKey = new long[256];
    private readonly long[] _memoValue = new long[256];
    private readonly bool[] _memoUsed = new bool[256];

    /// <param name="alphaLow">AlphaValues.low as a u16 proportion.</param>
    /// <param name="alphaHigh">AlphaValues.high as a u16 proportion.</param>
    /// <param name="steepness">AlphaSigmoidSteepness (i16).</param>
    public LiquidAlpha(ushort alphaLow, ushort alphaHigh, short steepness)
    {
        _low = Fx32.U16Proportion(alphaLow);
        _high = Fx32.U16Proportion(alphaHigh);
        _span = Fx32.SatSub(_high, _low);
        // saturating_div(I32F32(k), I32F32(-100)) truncates: steepness 1000 → −10.
        _steepnessFactor = Fx32.SatDiv(Fx32.FromInt(steepness), Fx32.FromInt(-100));
    }

    /// <summary><c>alpha_sigmoid(consensus, weight, bond)</c> on raw I32F32 bits.</summary>
    public long Alpha(long consensus, long weight, long bond)
    {
        long d = Distance(consensus, weight, bond);
        if (TryRecall(d, out long memo)) return memo;
        return Remember(d, FromExp(Fx32.ExpSafe(Exponent(d))));
    }

    /// <summary>How far the weight moved: toward consensus when buying (w ≥ b), away from the bond when selling.</summary>
    private static long Distance(long consensus, long weight, long bond)
    {
        long buy = Fx32.Clamp(Fx32.SatSub(weight, consensus), 0, Fx32.One);
        long sell = Fx32.Clamp(Fx32.SatSub(bond, weight), 0, Fx32.One);
        return weight >= bond ? buy : sell;
    }

    private long Exponent(long d) => Fx32.SatMul(_steepnessFactor, Fx32.SatSub(d, Fx32.Half));

    /// <summary>low + sigmoid·(high − low), clamped, from e = exp_safe(exponent).</summary>
    private long FromExp(long e)
    {
        // saturating_div(1, 1 + e) with 1 + e ≥ 1 is ⌊2^64 / (1 + e)_bits⌋ ≤ 2^32: never saturates, and one 64-bit
        // division gives it exactly (the general kernel would divide 128 bits by 64).
        long denominator = Fx32.SatAdd(Fx32.One, e);
        long sigmoid = denominator >= Fx32.One
            ? (long)FixedMath.ReciprocalOfSum((ulong)denominator)
            : Fx32.SatDiv(Fx32.One, denominator);
        long a = Fx32.SatAdd(_low, Fx32.SatMul(sigmoid, _span));
        return Fx32.Clamp(a, _low, _high);
    }

    private bool TryRecall(long d, out long alpha)
    {
        int slot = Slot(d);
        alpha = _memoValue[slot];
        return _memoUsed[slot] && _memoKey[slot] == d;
    }

    private long Remember(long d, long alpha)
    {
        int slot = Slot(d);
        _memoUsed[slot] = true;
        _memoKey[slot] = d;
        _memoValue[slot] = alpha;
        return alpha;
    }

    private static int Slot(long d) => (int)((ulong)(d ^ (d >> 13) ^ (d >> 29)) & 255);

    /// <summary>
    /// Alphas of one row's cells (<paramref name="distances"/> → <paramref name="alphas"/>, same order). Cells whose
    /// distance is remembered skip the series; the rest go through <see cref="FixedMath.ExpSafeBitsQuad"/> four at a
    /// time (then a pair and a single for the remainder). Same values as <see cref="Alpha"/> cell by cell.
    /// </summary>
    /// <remarks>
    /// A quad runs until its longest series ends, and the series length grows with |exponent| (about 13 terms at 1,
    /// 28 at 5). So the uncached cells are grouped by the integer part of |exponent| first (a counting sort, stable)
    /// and quads are formed within similar lengths. Only the evaluation order changes: every value is still the
    /// one-at-a-time kernel's, and the memo only ever holds exact values.
    /// </remarks>
    private void AlphasOfRow(ReadOnlySpan<long> distances, Span<long> alphas, RowScratch scratch)
    {
        Span<int> pending = scratch.Pending;
        Span<int> ordered = scratch.Ordered;
        Span<long> rowExponents = scratch.Exponents;
        Span<int> starts = stackalloc int[LengthClasses + 1];
        int waiting = 0;
        for (int t = 0; t < distances.Length; t++)
        {
            if (TryRecall(distances[t], out long known))
            {
                alphas[t] = known;
                continue;
            }
            long x = Exponent(distances[t]);
            rowExponents[t] = x;
            pending[waiting++] = t;
            starts[LengthClass(x) + 1]++;
        }

        for (int c = 1; c <= LengthClasses; c++) starts[c] += starts[c - 1];
        for (int w = 0; w < waiting; w++)
        {
            int t = pending[w];
            ordered[starts[LengthClass(rowExponents[t])]++] = t;
        }

        Span<long> exponents = stackalloc long[4];
        Span<long> exps = stackalloc long[4];
        int p = 0;
        for (; p + 3 < waiting; p += 4)
        {
            for (int q = 0; q < 4; q++) exponents[q] = rowExponents[ordered[p + q]];
            FixedMath.ExpSafeBitsQuad(exponents, exps);
            for (int q = 0; q < 4; q++)
            {
                int t = ordered[p + q];
                alphas[t] = Remember(distances[t], FromExp(exps[q]));
            }
        }

        for (; p + 1 < waiting; p += 2)
        {
            int a = ordered[p], b = ordered[p + 1];
            FixedMath.ExpSafeBitsPair(rowExponents[a], rowExponents[b], out long ea, out long eb);
            alphas[a] = Remember(distances[a], FromExp(ea));
            alphas[b] = Remember(distances[b], FromExp(eb));
        }

        if (p < waiting)
        {
            int last = ordered[p];
            alphas[last] = Remember(distances[last], FromExp(Fx32.ExpSafe(rowExponents[last])));
        }
    }

    /// <summary>Integer parts 0..20 of |exponent| (exp_safe clamps to ±20); larger magnitudes share the last class.</summary>
    private const int LengthClasses = 21;

    private static int LengthClass(long exponent)
    {
        ulong magnitude = exponent < 0 ? 0UL - (ulong)exponent : (ulong)exponent;
        return (int)System.Math.Min(magnitude >> Fx32.FracBits, LengthClasses - 1);
    }

    /// <summary>Per-row temporaries of <see cref="AlphasOfRow"/>, allocated once per <see cref="Ema"/> call.</summary>
    private readonly struct RowScratch(int n)
    {
        public Span<int> Pending => _pending;
        public Span<int> Ordered => _ordered;
        public Span<long> Exponents => _exponents;
        private readonly int[] _pending = new int[n];
        private readonly int[] _ordered = new int[n];
        private readonly long[] _exponents = new long[n];
    }

    /// <summary>
    /// <c>mat_ema_alpha_sparse(Wb, B, liquid_alphas_sparse(Wb, B, C))</c>: for each row only the columns present in
    /// the Wb row produce an entry, <c>min((1−a)·b + max(a·w, 0), 1)</c>, kept if &gt; 0, in Wb order.
    /// The alpha of a cell comes from the reference's merge walk, which assumes rows sorted by column; it is
    /// replayed exactly (cursor per row, only evaluated at the needed columns, which leaves the cursors identical).
    /// </summary>
    /// <remarks>With a <paramref name="workspace"/>, the result's arrays are rented from it.</remarks>
    public SparseMatrix Ema(SparseMatrix weights, SparseMatrix bonds, ReadOnlySpan<long> consensus, EpochWorkspace? workspace = null)
    {
        int n = consensus.Length;
        if (weights.Rows != bonds.Rows || weights.Rows != n) return workspace is null ? weights.Clone() : weights.Clone(workspace);
        var builder = new SparseMatrix.Builder(n, weights.NonZeroCount, workspace);
        var alpha = new long[n];
        var decayed = new long[n];
        var needed = new int[n];      // stamp = row + 1 when column j appears in the Wb row
        var columns = new int[n];
        var distances = new long[n];  // per needed column of the current row, in column order
        var alphas = new long[n];
        var scratch = new RowScratch(n);
        for (int i = 0; i < n; i++)
        {
            var wCols = weights.RowColumns(i);
            var wVals = weights.RowValues(i);
            if (wCols.Length == 0) { builder.EndRow(); continue; }
            int stamp = i + 1;
            int m = 0;
            bool ascending = true;
            for (int k = 0; k < wCols.Length; k++)
            {
                int j = wCols[k];
                if (j >= n || needed[j] == stamp) continue;
                needed[j] = stamp;
                if (m > 0 && columns[m - 1] > j) ascending = false;
                columns[m++] = j;
            }
            if (!ascending) Array.Sort(columns, 0, m);

            var bCols = bonds.RowColumns(i);
            var bVals = bonds.RowValues(i);
            int wi = 0, bi = 0;
            for (int t = 0; t < m; t++)
            {
                int j = columns[t];
                long wv = WalkTo(wCols, wVals, ref wi, j);
                long bv = WalkTo(bCols, bVals, ref bi, j);
                distances[t] = Distance(consensus[j], wv, bv);
                decayed[j] = 0;
            }
            AlphasOfRow(distances.AsSpan(0, m), alphas.AsSpan(0, m), scratch);
            for (int t = 0; t < m; t++) alpha[columns[t]] = alphas[t];
            for (int k = 0; k < bCols.Length; k++)
            {
                int j = bCols[k];
                if (j < n && needed[j] == stamp) decayed[j] = Fx32.SatMul(Fx32.SatSub(Fx32.One, alpha[j]), bVals[k]);
            }
            for (int k = 0; k < wCols.Length; k++)
            {
                int j = wCols[k];
                if (j >= n) continue;
                long increase = System.Math.Max(Fx32.SatMul(alpha[j], wVals[k]), 0);
                long v = System.Math.Min(Fx32.SatAdd(decayed[j], increase), Fx32.One);
                if (v > 0) builder.Add((ushort)j, v);
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    /// <summary>
    /// <c>mat_ema_alpha_sparse(new, old, alpha)</c> with an explicit dense alpha matrix (rows × columns);
    /// the production path above derives the alphas itself. Row counts must agree, otherwise a copy of
    /// <paramref name="next"/> is returned, as the reference does.
    /// </summary>
    public static SparseMatrix EmaWithAlphas(SparseMatrix next, SparseMatrix old, long[][] alpha)
    {
        if (next.Rows != old.Rows || next.Rows != alpha.Length) return next.Clone();
        var builder = new SparseMatrix.Builder(next.Rows, next.NonZeroCount);
        for (int i = 0; i < next.Rows; i++)
        {
            long[] a = alpha[i];
            var decayed = new long[a.Length];
            var oCols = old.RowColumns(i);
            var oVals = old.RowValues(i);
            for (int k = 0; k < oCols.Length; k++)
                if (oCols[k] < a.Length) decayed[oCols[k]] = Fx32.SatMul(Fx32.SatSub(Fx32.One, a[oCols[k]]), oVals[k]);
            var nCols = next.RowColumns(i);
            var nVals = next.RowValues(i);
            for (int k = 0; k < nCols.Length; k++)
            {
                int j = nCols[k];
                if (j >= a.Length) continue;
                long v = System.Math.Min(Fx32.SatAdd(decayed[j], System.Math.Max(Fx32.SatMul(a[j], nVals[k]), 0)), Fx32.One);
                if (v > 0) builder.Add((ushort)j, v);
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    /// <summary>One step of the reference merge walk: skip entries with a smaller column, take the value on a match.</summary>
    private static long WalkTo(ReadOnlySpan<ushort> cols, ReadOnlySpan<long> vals, ref int cursor, int j)
    {
        while (cursor < cols.Length)
        {
            int c = cols[cursor];
            if (c < j) { cursor++; continue; }
            return c == j ? vals[cursor] : 0;
        }
        return 0;
    }
}
