namespace TaoSharp.Node.Configuration;

/// <summary>How blocks are authored: on a fixed interval, or as soon as transactions are ready.</summary>
public enum SealingMode { Interval, Instant }

/// <summary>Everything `tao node` can be told; defaults are those of `--dev`.</summary>
public sealed record NodeOptions
{
    /// <summary>Data directory (RocksDB lives in &lt;dir&gt;/db). Null = in-memory store (tests only).</summary>
    public string? DataDir { get; init; }

    /// <summary>Genesis config file; null = the built-in dev genesis.</summary>
    public string? GenesisPath { get; init; }

    public string RpcHost { get; init; } = "127.0.0.1";

    /// <summary>RPC port; 0 picks a free port (the chosen one is logged and written to &lt;dataDir&gt;/rpc-port).</summary>
    public int RpcPort { get; init; } = 9944;

    public SealingMode Sealing { get; init; } = SealingMode.Interval;

    /// <summary>Block interval for <see cref="SealingMode.Interval"/>; 12 s like mainnet, 250 ms for fast blocks.</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(12);

    public int MaxExtrinsicsPerBlock { get; init; } = 20_000;

    /// <summary>Secret URI of the block author (the dev authority).</summary>
    public string AuthorUri { get; init; } = "//Alice";

    public int MaxRpcConnections { get; init; } = 256;

    public int MaxSubscriptionsPerConnection { get; init; } = 1024;

    public int MaxPoolTransactions { get; init; } = 50_000;
}
