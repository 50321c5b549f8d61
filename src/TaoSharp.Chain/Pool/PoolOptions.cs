namespace TaoSharp.Chain.Pool;

/// <summary>Limits of the transaction pool.</summary>
public sealed record PoolOptions
{
    /// <summary>Most transactions held (ready + future); beyond it the lowest-priority one is evicted or the new one refused.</summary>
    public int MaxTransactions { get; init; } = 50_000;

    /// <summary>How far ahead of the account's nonce a future transaction may be.</summary>
    public uint MaxFutureNonceGap { get; init; } = 256;

    /// <summary>Most transactions one signer may hold in the pool.</summary>
    public int MaxPerSigner { get; init; } = 4_096;
}
