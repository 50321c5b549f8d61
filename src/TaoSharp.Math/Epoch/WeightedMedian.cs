namespace TaoSharp.Math.Epoch;

/// <summary>
/// The stake-weighted median of the reference consensus (spec-yuma §3.7): a quickselect that always takes
/// the middle element of the current candidate list as pivot and keeps candidates in their original order.
/// The pivot choice depends on that order, so the partitions must be stable. Holds scratch buffers so a
/// column-by-column run does not allocate; one instance per thread.
/// </summary>
public sealed class WeightedMedian
{
    /// <summary>Columns whose voter scores are laid out together (128 columns × 256 voters = 256 KB).</summary>
    private const int ColumnsPerBlock = 128;

    private int[] _a = [];
    private int[] _b = [];
    private int[] _c = [];

    private void Ensure(int n)
    {
        if (_a.Length >= n) return;
        _a = new int[n];
        _b = new int[n];
        _c = new int[n];
    }

    /// <summary>
    /// <c>weighted_median(stake, score, partition_idx, minority, lo, hi)</c> on raw I32F32 bits.
    /// </summary>
    public long Compute(ReadOnlySpan<long> stake, ReadOnlySpan<long> score, ReadOnlySpan<int> partition, long minority, long lo, long hi)
    {
        Ensure(partition.Length);
        int[] cur = _a, lower = _b, upper = _c;
        partition.CopyTo(cur);
        int count = partition.Length;
        while (true)
        {
            if (count == 0) return 0;
            if (count == 1) return score[cur[0]];
            long pivot = score[cur[count / 2]];
            long loSum = 0, hiSum = 0;
            int nl = 0, nu = 0;
            for (int t = 0; t < count; t++)
            {
                int k = cur[t];
                long s = score[k];
                if (s < pivot) { loSum = Fx32.SatAdd(loSum, stake[k]); lower[nl++] = k; }
                else if (s > pivot) { hiSum = Fx32.SatAdd(hiSum, stake[k]); upper[nu++] = k; }
            }
            long loBound = Fx32.SatAdd(lo, loSum);
            long hiBound = Fx32.SatSub(hi, hiSum);
            if (minority < loBound && nl > 0)
            {
                (cur, lower) = (lower, cur);
                count = nl;
                hi = loBound;
            }
            else if (hiBound <= minority && nu > 0)
            {
                (cur, upper) = (upper, cur);
                count = nu;
                lo = hiBound;
            }
            else
            {
                return pivot;
            }
            // Every step strictly shrinks the candidate list, so the reference's iteration cap never triggers.
        }
    }

    /// <summary>
    /// <c>weighted_median_col_sparse</c> (spec-yuma §3.7): per column j &lt; n the stake-weighted median of the
    /// scores of the rows with positive stake, that stake normalized a second time and minority = Σ − majority.
    /// </summary>
    /// <remarks>With a <paramref name="workspace"/>, the score block is rented from it.</remarks>
    public static long[] OfColumns(ReadOnlySpan<long> stake, SparseMatrix scores, int n, long majority, EpochWorkspace? workspace = null)
    {
        int voters = 0;
        foreach (long s in stake) if (s > 0) voters++;
        var result = new long[n];
        if (voters == 0) return result;

        var voterStake = new long[voters];
        var voterRow = new int[voters];
        for (int i = 0, k = 0; i < stake.Length; i++)
            if (stake[i] > 0) { voterStake[k] = stake[i]; voterRow[k] = i; k++; }
        EpochVector.NormalizeInPlace(voterStake);
        long stakeSum = EpochVector.Sum(voterStake);
        long minority = Fx32.SatSub(stakeSum, majority);

        // Column-major dense scores of the voters, one block of columns at a time: block[(j − first)·voters + k] =
        // score of voter k on column j (0 when absent; the last entry wins when a row repeats a column, as a dense
        // fill does). A block of 128 columns stays in cache, where one n × voters buffer (8 MB at 4096 × 256) does
        // not. Rows stored in column order (what set_weights produces) are consumed by a cursor each; any other row
        // order falls back to a single block of all n columns, filled by a full scatter.
        bool inColumnOrder = true;
        for (int k = 0; k < voters && inColumnOrder; k++)
        {
            if (voterRow[k] >= scores.Rows) continue;
            var cols = scores.RowColumns(voterRow[k]);
            for (int e = 1; e < cols.Length; e++)
                if (cols[e] < cols[e - 1]) { inColumnOrder = false; break; }
        }
        int blockColumns = inColumnOrder ? System.Math.Min(n, ColumnsPerBlock) : n;
        long blockLength = (long)blockColumns * voters;
        var block = workspace is not null && blockLength <= Array.MaxLength
            ? workspace.Longs((int)blockLength).AsSpan(0, (int)blockLength)
            : new long[blockLength];
        var cursor = new int[voters];

        var partition = new int[voters];
        for (int k = 0; k < voters; k++) partition[k] = k;
        var median = new WeightedMedian();
        for (int first = 0; first < n; first += blockColumns)
        {
            int end = System.Math.Min(n, first + blockColumns);
            // Absent scores read 0: the block is cleared before each fill (a rented block holds old values).
            if (first > 0 || workspace is not null) block.Clear();
            for (int k = 0; k < voters; k++)
            {
                int row = voterRow[k];
                if (row >= scores.Rows) continue;
                var cols = scores.RowColumns(row);
                var vals = scores.RowValues(row);
                if (inColumnOrder)
                {
                    int e = cursor[k];
                    for (; e < cols.Length && cols[e] < end; e++) block[(cols[e] - first) * voters + k] = vals[e];
                    cursor[k] = e;
                }
                else
                {
                    for (int e = 0; e < cols.Length; e++)
                        if (cols[e] < n) block[cols[e] * voters + k] = vals[e];
                }
            }
            for (int j = first; j < end; j++)
            {
                var column = block.Slice((j - first) * voters, voters);
                // An all-zero column has median 0 (the first pivot is 0 and nothing lies below or above it).
                result[j] = column.ContainsAnyExcept(0L) ? median.Compute(voterStake, column, partition, minority, 0, stakeSum) : 0;
            }
        }
        return result;
    }
}
