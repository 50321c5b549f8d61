namespace TaoSharp.Storage.Tree;

/// <summary>Memory policy of the state tree's node cache.</summary>
public sealed record StateTreeOptions
{
    public static readonly StateTreeOptions Default = new();

    /// <summary>
    /// Estimated nodes held in memory before the cache is trimmed back to the pinned top levels.
    /// A node costs roughly 200–250 bytes; the default keeps a 1M-entry state (≈2M nodes) fully cached.
    /// </summary>
    public long ResidentNodeBudget { get; init; } = 3_000_000;

    /// <summary>Levels below the root that stay cached across trims (2^depth branches at most).</summary>
    public int PinnedDepth { get; init; } = 14;
}
