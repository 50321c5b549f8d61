namespace TaoSharp.Math.Epoch;

/// <summary>
/// Reusable scratch arrays for epoch runs, owned by the caller that runs epochs one after another (one instance
/// per caller; not for concurrent runs). The matrices of a 256-UID epoch are 128 KB arrays, above the
/// large-object threshold: allocated fresh each epoch they make the GC map and fault in new pages every time,
/// which cost more than the arithmetic. With a workspace, an epoch takes its arrays from the previous epoch's.
/// <para>
/// Arena discipline: <see cref="BeginRun"/> hands every array back; arrays rented during a run stay valid until the
/// next <see cref="BeginRun"/>. Nothing rented may outlive the run (the epoch copies its outputs into fresh arrays).
/// Rented arrays hold stale values: every user writes an element before reading it, or clears it.
/// </para>
/// <para>
/// Memory: the arrays of the largest epoch run so far stay referenced (about 30 MB after a 4096 × 256 epoch) until
/// the workspace is dropped. Lengths are rounded up to a power of two so that slightly different sizes from one
/// epoch to the next reuse the same array; a free array too small for a request is dropped in favour of the new one,
/// so each kind holds at most as many arrays as one run uses at once.
/// </para>
/// </summary>
public sealed class EpochWorkspace
{
    private readonly Pool<long> _longs = new();
    private readonly Pool<ushort> _columns = new();
    private readonly Pool<int> _ints = new();

    /// <summary>Starts a run: every array rented so far may be handed out again.</summary>
    public void BeginRun()
    {
        _longs.ReleaseAll();
        _columns.ReleaseAll();
        _ints.ReleaseAll();
    }

    /// <summary>An array of at least <paramref name="length"/> longs with unspecified contents.</summary>
    internal long[] Longs(int length) => _longs.Rent(length);

    /// <summary>An array of at least <paramref name="length"/> column indices with unspecified contents.</summary>
    internal ushort[] Columns(int length) => _columns.Rent(length);

    /// <summary>An array of at least <paramref name="length"/> ints with unspecified contents.</summary>
    internal int[] Ints(int length) => _ints.Rent(length);

    /// <summary>Gives back an array rented in this run before the run ends (e.g. one outgrown by a builder).</summary>
    internal void Return(long[] array) => _longs.Return(array);

    internal void Return(ushort[] array) => _columns.Return(array);

    /// <summary>Arrays of one element type: free ones and the ones rented in the current run.</summary>
    private sealed class Pool<T>
    {
        // Arrays below this length are cheap small-object allocations; pooling them gains nothing.
        private const int MinPooledLength = 1024;

        private readonly List<T[]> _free = [];
        private readonly List<T[]> _rented = [];

        public T[] Rent(int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            if (length < MinPooledLength) return new T[length];

            // Best fit among the free arrays; remember the largest one that is too small.
            int best = -1, tooSmall = -1;
            for (int k = 0; k < _free.Count; k++)
            {
                int have = _free[k].Length;
                if (have >= length)
                {
                    if (best < 0 || have < _free[best].Length) best = k;
                }
                else if (tooSmall < 0 || have > _free[tooSmall].Length)
                {
                    tooSmall = k;
                }
            }

            T[] array;
            if (best >= 0)
            {
                array = _free[best];
                RemoveAt(_free, best);
            }
            else
            {
                if (tooSmall >= 0) RemoveAt(_free, tooSmall);
                array = new T[RoundUp(length)];
            }
            _rented.Add(array);
            return array;
        }

        public void Return(T[] array)
        {
            for (int k = _rented.Count - 1; k >= 0; k--)
            {
                if (!ReferenceEquals(_rented[k], array)) continue;
                RemoveAt(_rented, k);
                _free.Add(array);
                return;
            }
        }

        public void ReleaseAll()
        {
            _free.AddRange(_rented);
            _rented.Clear();
        }

        private static int RoundUp(int length)
        {
            uint p = System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length);
            return p > Array.MaxLength ? length : (int)p;
        }

        // Order in the lists carries no meaning, so the last element fills the gap.
        private static void RemoveAt(List<T[]> list, int k)
        {
            list[k] = list[^1];
            list.RemoveAt(list.Count - 1);
        }
    }
}
