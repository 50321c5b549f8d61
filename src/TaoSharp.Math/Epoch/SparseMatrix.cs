using System.Runtime.CompilerServices;

namespace TaoSharp.Math.Epoch;

/// <summary>
/// A sparse matrix in compressed-row form with raw I32F32 values, used for the epoch's weights and bonds.
/// Entries keep the order in which they were added (the reference stores weights in submission order and
/// some steps depend on it, spec-yuma §3.16); explicit zero entries are kept unless an operation drops them.
/// Column indices are not required to be &lt; the UID count: operations that the reference bounds by n do so.
/// </summary>
public sealed partial class SparseMatrix
{
    private readonly int[] _start;
    private ushort[] _cols;
    private long[] _vals;

    public int Rows { get; }

    private SparseMatrix(int rows, int[] start, ushort[] cols, long[] vals)
    {
        Rows = rows;
        _start = start;
        _cols = cols;
        _vals = vals;
    }

    /// <summary>An empty matrix with <paramref name="rows"/> empty rows.</summary>
    public static SparseMatrix Empty(int rows) => new(rows, new int[rows + 1], [], []);

    public int NonZeroCount => _start[Rows];

    public int RowLength(int row) => _start[row + 1] - _start[row];

    public ReadOnlySpan<ushort> RowColumns(int row) => _cols.AsSpan(_start[row], _start[row + 1] - _start[row]);

    public ReadOnlySpan<long> RowValues(int row) => _vals.AsSpan(_start[row], _start[row + 1] - _start[row]);

    public SparseMatrix Clone() =>
        new(Rows, (int[])_start.Clone(), _cols.AsSpan(0, NonZeroCount).ToArray(), _vals.AsSpan(0, NonZeroCount).ToArray());

    /// <summary>A copy whose arrays come from <paramref name="workspace"/> (valid until its next run).</summary>
    public SparseMatrix Clone(EpochWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int count = NonZeroCount;
        int[] start = workspace.Ints(Rows + 1);
        ushort[] cols = workspace.Columns(count);
        long[] vals = workspace.Longs(count);
        _start.AsSpan(0, Rows + 1).CopyTo(start);
        _cols.AsSpan(0, count).CopyTo(cols);
        _vals.AsSpan(0, count).CopyTo(vals);
        return new SparseMatrix(Rows, start, cols, vals);
    }

    /// <summary>Builds a matrix row by row.</summary>
    public sealed class Builder
    {
        private readonly int _rows;
        private readonly int[] _start;
        private readonly EpochWorkspace? _workspace;
        private ushort[] _cols;
        private long[] _vals;
        private int _row;
        private int _count;

        public Builder(int rows, int capacity = 16)
            : this(rows, capacity, null)
        {
        }

        /// <summary>
        /// A builder whose arrays come from <paramref name="workspace"/> when one is given: the matrix is then valid
        /// only until the workspace's next run.
        /// </summary>
        public Builder(int rows, int capacity, EpochWorkspace? workspace)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rows);
            _rows = rows;
            _workspace = workspace;
            capacity = System.Math.Max(capacity, 4);
            if (workspace is null)
            {
                _start = new int[rows + 1];
                _cols = new ushort[capacity];
                _vals = new long[capacity];
            }
            else
            {
                // Rented arrays are not cleared: EndRow writes every later row start, only the first is set here.
                _start = workspace.Ints(rows + 1);
                _start[0] = 0;
                _cols = workspace.Columns(capacity);
                _vals = workspace.Longs(capacity);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(ushort column, long value)
        {
            // One call per matrix entry (about a million in a 4096-UID epoch): the rare checks live out of line.
            if (_count == _cols.Length || _row >= _rows) GrowOrThrow();
            _cols[_count] = column;
            _vals[_count] = value;
            _count++;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void GrowOrThrow()
        {
            if (_row >= _rows) throw new InvalidOperationException("all rows of the matrix are already complete");
            if (_workspace is null)
            {
                Array.Resize(ref _cols, _cols.Length * 2);
                Array.Resize(ref _vals, _vals.Length * 2);
                return;
            }
            ushort[] cols = _workspace.Columns(_cols.Length * 2);
            long[] vals = _workspace.Longs(_vals.Length * 2);
            _cols.AsSpan(0, _count).CopyTo(cols);
            _vals.AsSpan(0, _count).CopyTo(vals);
            _workspace.Return(_cols);
            _workspace.Return(_vals);
            _cols = cols;
            _vals = vals;
        }

        /// <summary>Closes the current row; the next <see cref="Add"/> goes to the following row.</summary>
        public void EndRow()
        {
            if (_row >= _rows) throw new InvalidOperationException("all rows of the matrix are already complete");
            _row++;
            _start[_row] = _count;
        }

        /// <summary>Completes any remaining rows as empty and returns the matrix.</summary>
        public SparseMatrix Build()
        {
            while (_row < _rows) EndRow();
            return new SparseMatrix(_rows, _start, _cols, _vals);
        }
    }

    /// <summary>Decides per entry whether an in-place filter keeps it (a struct so the JIT inlines it).</summary>
    public interface IEntryFilter
    {
        bool Keep(int row, ushort column, long value);
    }

    /// <summary>Removes the entries the filter rejects, keeping the order of the others.</summary>
    public void RemoveWhere<TFilter>(TFilter filter) where TFilter : struct, IEntryFilter
    {
        int write = 0;
        int read = 0;
        for (int i = 0; i < Rows; i++)
        {
            int end = _start[i + 1];
            _start[i] = write;
            for (; read < end; read++)
            {
                if (!filter.Keep(i, _cols[read], _vals[read])) continue;
                _cols[write] = _cols[read];
                _vals[write] = _vals[read];
                write++;
            }
        }
        _start[Rows] = write;
    }
}
