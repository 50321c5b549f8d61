using System.Collections.Immutable;

namespace TaoSharp.Storage.KeyValue;

/// <summary>
/// Sorted in-memory store for tests and simulation. Each column is an immutable sorted set, so a
/// snapshot is just the current set references (O(1)) and a batch becomes visible by swapping them
/// in one reference assignment: readers never see half a batch. Writers are serialised by a lock.
/// </summary>
public sealed class InMemoryKeyValueStore : IKeyValueStore, IVersionedReader
{
    // Bumped after each applied batch (see IVersionedReader).
    private long _writeVersion;

    public long? ReadVersion => Volatile.Read(ref _writeVersion);

    private readonly Lock _writeLock = new();
    private volatile ImmutableSortedSet<Entry>[] _columns;
    private bool _disposed;

    public InMemoryKeyValueStore()
    {
        _columns = new ImmutableSortedSet<Entry>[KvColumns.Count];
        for (int i = 0; i < _columns.Length; i++)
            _columns[i] = ImmutableSortedSet<Entry>.Empty.WithComparer(EntryKeyComparer.Instance);
    }

    /// <summary>Number of entries in one column (for tests and diagnostics).</summary>
    public int Count(KvColumn column) => Columns[KvColumns.Index(column)].Count;

    public byte[]? Get(KvColumn column, ReadOnlySpan<byte> key) => ColumnReads.Get(Columns, column, key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(KvColumn column, byte[] prefix) =>
        ColumnReads.IteratePrefix(Columns, column, prefix);

    public IWriteBatch CreateBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Batch();
    }

    public void Write(IWriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch is not Batch ours)
            throw new ArgumentException("batch was not created by this in-memory store", nameof(batch));
        lock (_writeLock)
        {
            var current = Columns;
            var builders = new ImmutableSortedSet<Entry>.Builder?[current.Length];
            foreach (var op in ours.Operations)
            {
                int index = (int)op.Column;
                var builder = builders[index] ??= current[index].ToBuilder();
                var entry = new Entry(op.Key, op.Value);
                // Remove first: the set's equality is by key only, so Add alone would keep the old value.
                builder.Remove(entry);
                if (op.Value is not null) builder.Add(entry);
            }
            var next = (ImmutableSortedSet<Entry>[])current.Clone();
            for (int i = 0; i < next.Length; i++)
                if (builders[i] is { } b) next[i] = b.ToImmutable();
            _columns = next;
            // After the new contents are visible, so a reader that saw the old version re-reads.
            Interlocked.Increment(ref _writeVersion);
        }
    }

    public IKeyValueSnapshot GetSnapshot() => new Snapshot(Columns);

    public void Dispose() => _disposed = true;

    private ImmutableSortedSet<Entry>[] Columns
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _columns;
        }
    }

    internal sealed class Entry(byte[] key, byte[]? value)
    {
        public byte[] Key { get; } = key;
        public byte[]? Value { get; } = value;
    }

    private sealed class EntryKeyComparer : IComparer<Entry>
    {
        public static readonly EntryKeyComparer Instance = new();

        public int Compare(Entry? x, Entry? y) => ByteKeyComparer.Instance.Compare(x?.Key, y?.Key);
    }

    /// <summary>Reads shared by the live store and its snapshots; values are copied so callers cannot corrupt the store.</summary>
    private static class ColumnReads
    {
        public static byte[]? Get(ImmutableSortedSet<Entry>[] columns, KvColumn column, ReadOnlySpan<byte> key)
        {
            var set = columns[KvColumns.Index(column)];
            return set.TryGetValue(new Entry(key.ToArray(), null), out var found) ? (byte[])found.Value!.Clone() : null;
        }

        public static IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(
            ImmutableSortedSet<Entry>[] columns, KvColumn column, byte[] prefix)
        {
            ArgumentNullException.ThrowIfNull(prefix);
            var set = columns[KvColumns.Index(column)];
            return Iterate(set, (byte[])prefix.Clone());
        }

        private static IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ImmutableSortedSet<Entry> set, byte[] prefix)
        {
            int index = set.IndexOf(new Entry(prefix, null));
            if (index < 0) index = ~index;
            for (; index < set.Count; index++)
            {
                var entry = set[index];
                if (!entry.Key.AsSpan().StartsWith(prefix)) yield break;
                yield return new((byte[])entry.Key.Clone(), (byte[])entry.Value!.Clone());
            }
        }
    }

    private sealed class Snapshot(ImmutableSortedSet<Entry>[] columns) : IKeyValueSnapshot, IVersionedReader
    {
        private bool _disposed;

        public long? ReadVersion => 0;

        public byte[]? Get(KvColumn column, ReadOnlySpan<byte> key) => ColumnReads.Get(Columns, column, key);

        public IEnumerable<KeyValuePair<byte[], byte[]>> IteratePrefix(KvColumn column, byte[] prefix) =>
            ColumnReads.IteratePrefix(Columns, column, prefix);

        public void Dispose() => _disposed = true;

        private ImmutableSortedSet<Entry>[] Columns
        {
            get
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return columns;
            }
        }
    }

    private readonly record struct Operation(KvColumn Column, byte[] Key, byte[]? Value);

    private sealed class Batch : IWriteBatch
    {
        public List<Operation> Operations { get; } = [];

        public int Count => Operations.Count;

        public void Put(KvColumn column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            KvColumns.Index(column);
            Operations.Add(new(column, key.ToArray(), value.ToArray()));
        }

        public void Delete(KvColumn column, ReadOnlySpan<byte> key)
        {
            KvColumns.Index(column);
            Operations.Add(new(column, key.ToArray(), null));
        }

        public void Dispose() => Operations.Clear();
    }
}
