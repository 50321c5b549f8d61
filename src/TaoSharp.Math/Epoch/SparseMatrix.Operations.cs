namespace TaoSharp.Math.Epoch;

/// <summary>The sparse operations of <c>epoch/math.rs</c> used by the production epoch (spec-yuma §3.6–3.12).</summary>
public sealed partial class SparseMatrix
{
    /// <summary><c>inplace_row_normalize_sparse</c>: rows with a positive (wrapping) sum are divided by it.</summary>
    public void RowNormalize()
    {
        for (int i = 0; i < Rows; i++)
        {
            var row = _vals.AsSpan(_start[i], _start[i + 1] - _start[i]);
            long s = EpochVector.Sum(row);
            if (s <= 0) continue;
            for (int k = 0; k < row.Length; k++) row[k] = Fx32.SafeDiv(row[k], s);
        }
    }

    /// <summary>Row sums with plain (wrapping) addition (<c>row_sum_sparse</c>).</summary>
    public long[] RowSums()
    {
        var r = new long[Rows];
        for (int i = 0; i < Rows; i++) r[i] = EpochVector.Sum(RowValues(i));
        return r;
    }

    /// <summary>
    /// <c>inplace_col_normalize_sparse(m, n)</c>: saturating column sums over columns &lt; n; entries of columns
    /// with a non-zero sum are divided by it, all others (including columns ≥ n) stay as they are.
    /// </summary>
    public void ColNormalize(int n)
    {
        long[] colSum = ColumnSums(n);
        int count = NonZeroCount;
        for (int e = 0; e < count; e++)
        {
            int j = _cols[e];
            if (j < n && colSum[j] != 0) _vals[e] = Fx32.SafeDiv(_vals[e], colSum[j]);
        }
    }

    /// <summary>Saturating sums of the columns &lt; n (the divisors of <see cref="ColNormalize"/>).</summary>
    private long[] ColumnSums(int n)
    {
        var colSum = new long[n];
        int count = NonZeroCount;
        for (int e = 0; e < count; e++)
        {
            int j = _cols[e];
            if (j < n) colSum[j] = Fx32.SatAdd(colSum[j], _vals[e]);
        }
        return colSum;
    }

    /// <summary>
    /// <see cref="RowSumsOfProducts"/> of the matrix as <see cref="ColNormalize"/> would leave it, computed entry by
    /// entry from the same column sums without changing (or copying) this matrix: same values, bit for bit.
    /// </summary>
    public long[] ColNormalizedRowSumsOfProducts(int n, ReadOnlySpan<long> v)
    {
        long[] colSum = ColumnSums(n);
        var r = new long[Rows];
        for (int i = 0; i < Rows; i++)
        {
            long acc = 0;
            for (int e = _start[i]; e < _start[i + 1]; e++)
            {
                int j = _cols[e];
                if (j >= v.Length) continue;
                long x = _vals[e];
                if (j < n && colSum[j] != 0) x = Fx32.SafeDiv(x, colSum[j]);
                acc = unchecked(acc + Fx32.SatMul(x, v[j]));
            }
            r[i] = acc;
        }
        return r;
    }

    /// <summary><c>inplace_col_max_upscale_sparse(m, n)</c>: entries divided by their column's maximum when it is non-zero.</summary>
    public void ColMaxUpscale(int n)
    {
        var colMax = new long[n];
        int count = NonZeroCount;
        for (int e = 0; e < count; e++)
        {
            int j = _cols[e];
            if (j < n && colMax[j] < _vals[e]) colMax[j] = _vals[e];
        }
        for (int e = 0; e < count; e++)
        {
            int j = _cols[e];
            if (j < n && colMax[j] != 0) _vals[e] = Fx32.SafeDiv(_vals[e], colMax[j]);
        }
    }

    /// <summary><c>row_hadamard_sparse</c>: every entry of row i multiplied (saturating) by v_i.</summary>
    public void RowHadamard(ReadOnlySpan<long> v)
    {
        for (int i = 0; i < Rows; i++)
        {
            long s = i < v.Length ? v[i] : 0;
            for (int e = _start[i]; e < _start[i + 1]; e++) _vals[e] = Fx32.SatMul(_vals[e], s);
        }
    }

    /// <summary>
    /// <c>col_clip_sparse</c>: an entry above its column threshold becomes the threshold, or disappears when the
    /// threshold is ≤ 0; entries at or below it (explicit zeros included) are kept.
    /// </summary>
    public void ColClip(ReadOnlySpan<long> threshold)
    {
        int write = 0;
        int read = 0;
        for (int i = 0; i < Rows; i++)
        {
            int end = _start[i + 1];
            _start[i] = write;
            for (; read < end; read++)
            {
                int j = _cols[read];
                long t = j < threshold.Length ? threshold[j] : 0;
                long v = _vals[read];
                if (t < v)
                {
                    if (t <= 0) continue;
                    v = t;
                }
                _cols[write] = (ushort)j;
                _vals[write] = v;
                write++;
            }
        }
        _start[Rows] = write;
    }

    /// <summary><c>matmul_sparse</c>: r_j = Σ_i v_i·m_ij over columns &lt; n (saturating; rows in order).</summary>
    public long[] MatMul(ReadOnlySpan<long> v, int n)
    {
        var r = new long[n];
        for (int i = 0; i < Rows; i++)
        {
            long s = i < v.Length ? v[i] : 0;
            for (int e = _start[i]; e < _start[i + 1]; e++)
            {
                int j = _cols[e];
                if (j < n) r[j] = Fx32.SatAdd(r[j], Fx32.SatMul(s, _vals[e]));
            }
        }
        return r;
    }

    /// <summary><c>matmul_transpose_sparse</c>: r_i = Σ_j v_j·m_ij (saturating).</summary>
    public long[] MatMulTranspose(ReadOnlySpan<long> v)
    {
        var r = new long[Rows];
        for (int i = 0; i < Rows; i++)
        {
            long acc = 0;
            for (int e = _start[i]; e < _start[i + 1]; e++)
            {
                int j = _cols[e];
                long x = j < v.Length ? v[j] : 0;
                acc = Fx32.SatAdd(acc, Fx32.SatMul(x, _vals[e]));
            }
            r[i] = acc;
        }
        return r;
    }

    /// <summary>
    /// <c>row_sum_sparse(mat_vec_mul_sparse(m, v))</c>: per row the plain sum of the saturating products
    /// m_ij·v_j for columns &lt; |v| (the reference drops zero products, which does not change the sum).
    /// </summary>
    public long[] RowSumsOfProducts(ReadOnlySpan<long> v)
    {
        var r = new long[Rows];
        for (int i = 0; i < Rows; i++)
        {
            long acc = 0;
            for (int e = _start[i]; e < _start[i + 1]; e++)
            {
                int j = _cols[e];
                if (j < v.Length) acc = unchecked(acc + Fx32.SatMul(_vals[e], v[j]));
            }
            r[i] = acc;
        }
        return r;
    }

    /// <summary>
    /// <c>interpolate_sparse(m1, m2, n, ratio)</c>: ratio 0 → copy of m1, ratio 1 → copy of m2, otherwise the
    /// dense cell-wise m1 + ratio·(m2 − m1) over columns &lt; n, keeping cells &gt; 0 in ascending column order.
    /// </summary>
    /// <remarks>With a <paramref name="workspace"/>, the result's arrays are rented from it.</remarks>
    public static SparseMatrix Interpolate(SparseMatrix m1, SparseMatrix m2, int n, long ratio, EpochWorkspace? workspace = null)
    {
        if (ratio == 0) return workspace is null ? m1.Clone() : m1.Clone(workspace);
        if (ratio == Fx32.One || m1.Rows != m2.Rows) return workspace is null ? m2.Clone() : m2.Clone(workspace);
        var b = new Builder(m1.Rows, m1.NonZeroCount, workspace);
        var d1 = new long[n];
        var d2 = new long[n];
        for (int i = 0; i < m1.Rows; i++)
        {
            Array.Clear(d1);
            Array.Clear(d2);
            Scatter(m1, i, d1, n);
            Scatter(m2, i, d2, n);
            for (int j = 0; j < n; j++)
            {
                long x = Fx32.SatAdd(d1[j], Fx32.SatMul(ratio, Fx32.SatSub(d2[j], d1[j])));
                if (x > 0) b.Add((ushort)j, x);
            }
            b.EndRow();
        }
        return b.Build();
    }

    private static void Scatter(SparseMatrix m, int row, long[] dense, int n)
    {
        for (int e = m._start[row]; e < m._start[row + 1]; e++)
        {
            int j = m._cols[e];
            if (j < n) dense[j] = m._vals[e];
        }
    }

    /// <summary>
    /// <c>mat_ema_sparse(new, old, alpha)</c>: per row a dense accumulator over columns &lt; rows(new):
    /// acc += α·new then acc += (1−α)·old (saturating); cells &gt; 0 emitted in ascending column order.
    /// </summary>
    /// <remarks>With a <paramref name="workspace"/>, the result's arrays are rented from it.</remarks>
    public static SparseMatrix Ema(SparseMatrix next, SparseMatrix old, long alpha, EpochWorkspace? workspace = null)
    {
        int n = next.Rows;
        long oneMinusAlpha = Fx32.SatSub(Fx32.One, alpha);
        var b = new Builder(n, System.Math.Max(next.NonZeroCount, old.NonZeroCount), workspace);
        var acc = new long[n];
        var touched = new bool[n];
        for (int i = 0; i < n; i++)
        {
            int lo = int.MaxValue, hi = -1;
            for (int e = next._start[i]; e < next._start[i + 1]; e++)
            {
                int j = next._cols[e];
                if (j >= n) continue;
                acc[j] = Fx32.SatAdd(acc[j], Fx32.SatMul(alpha, next._vals[e]));
                touched[j] = true;
                if (j < lo) lo = j;
                if (j > hi) hi = j;
            }
            if (i < old.Rows)
            {
                for (int e = old._start[i]; e < old._start[i + 1]; e++)
                {
                    int j = old._cols[e];
                    if (j >= n) continue;
                    acc[j] = Fx32.SatAdd(acc[j], Fx32.SatMul(oneMinusAlpha, old._vals[e]));
                    touched[j] = true;
                    if (j < lo) lo = j;
                    if (j > hi) hi = j;
                }
            }
            for (int j = lo; j <= hi; j++)
            {
                if (!touched[j]) continue;
                if (acc[j] > 0) b.Add((ushort)j, acc[j]);
                acc[j] = 0;
                touched[j] = false;
            }
            b.EndRow();
        }
        return b.Build();
    }
}

/// <summary>Entry filters for <see cref="SparseMatrix.RemoveWhere{TFilter}"/> that implement the epoch's weight masks (spec-yuma §3.6).</summary>
public static class EpochMasks
{
    /// <summary><c>mask_rows_sparse</c>: rows whose mask entry is true (or missing) lose all entries.</summary>
    public readonly struct MaskedRows(bool[] masked) : SparseMatrix.IEntryFilter
    {
        public bool Keep(int row, ushort column, long value) => row < masked.Length && !masked[row];
    }

    /// <summary><c>mask_diag_sparse</c>: drop (i, i) except for the given row (the subnet owner; −1 for none).</summary>
    public readonly struct Diagonal(int exceptRow) : SparseMatrix.IEntryFilter
    {
        public bool Keep(int row, ushort column, long value) => row != column || row == exceptRow;
    }

    /// <summary>
    /// <c>vec_mask_sparse(m, first, second, a ≤ b)</c> — drop (i, j) when first_i ≤ second_j; with first = LastUpdate and
    /// second = BlockAtRegistration this masks weights set before the target's current registration. Missing entries read 0.
    /// </summary>
    public readonly struct AtOrBefore(ulong[] first, ulong[] second) : SparseMatrix.IEntryFilter
    {
        public bool Keep(int row, ushort column, long value)
        {
            ulong f = row < first.Length ? first[row] : 0;
            ulong s = column < second.Length ? second[column] : 0;
            return !(f <= s);
        }
    }

    /// <summary>Drop (i, j) when first_i &lt; second_j (commit-reveal: a pending commit made before j registered).</summary>
    public readonly struct StrictlyBefore(ulong[] first, ulong[] second) : SparseMatrix.IEntryFilter
    {
        public bool Keep(int row, ushort column, long value)
        {
            ulong f = row < first.Length ? first[row] : 0;
            ulong s = column < second.Length ? second[column] : 0;
            return !(f < s);
        }
    }

    /// <summary><c>scalar_vec_mask_sparse(m, scalar, vec, a ≤ b)</c>: drop (i, j) when scalar ≤ vec_j (bonds of re-registered columns).</summary>
    public readonly struct ScalarAtOrBefore(ulong scalar, ulong[] vec) : SparseMatrix.IEntryFilter
    {
        public bool Keep(int row, ushort column, long value)
        {
            ulong s = column < vec.Length ? vec[column] : 0;
            return !(scalar <= s);
        }
    }
}
