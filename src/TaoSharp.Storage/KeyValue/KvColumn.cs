namespace TaoSharp.Storage.KeyValue;

/// <summary>
/// Independent key spaces of one store. RocksDB maps each to a column family so the state, the
/// state tree's nodes and block data get their own tuning and never collide on keys.
/// </summary>
public enum KvColumn : byte
{
    /// <summary>Runtime state: Substrate-style keys to SCALE values.</summary>
    State = 0,

    /// <summary>State tree nodes (keyed by node hash) and the tree's head-root record.</summary>
    StateTree = 1,

    /// <summary>Block data written by the chain layer alongside a state commit (headers, bodies, indexes).</summary>
    Chain = 2,
}

public static class KvColumns
{
    public static readonly IReadOnlyList<KvColumn> All = [KvColumn.State, KvColumn.StateTree, KvColumn.Chain];

    public static int Count => 3;

    /// <summary>Dense index 0..Count-1 of a column; throws for values outside the enum.</summary>
    public static int Index(KvColumn column) => (int)column < Count
        ? (int)column
        : throw new ArgumentOutOfRangeException(nameof(column), column, "unknown key-value column");
}
