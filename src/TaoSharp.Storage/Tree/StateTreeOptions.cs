namespace TaoSharp.Storage.Tree;

/// <summary>Memory policy of the state tree's node cache.</summary>
public sealed record StateTreeOptions
{
    public static readonly StateTreeOptions Default = new();

    /// <summary>Nodes loaded or created before the cache is trimmed back to the pinned top levels.</summary>
    public int ResidentNodeBudget { get; init; } = 4_000_000;

    /// <summary>Levels below the root that stay cached across trims (2^depth branches at most).</summary>
    public int PinnedDepth { get; init; } = 14;
}
