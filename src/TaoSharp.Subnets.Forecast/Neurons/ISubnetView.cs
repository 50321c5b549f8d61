namespace TaoSharp.Subnets.Forecast.Neurons;

/// <summary>
/// Where a neuron reads the subnet from (the chain's metagraph in production, a fixed snapshot in tests), so the
/// neuron loops do not depend on how the metagraph is fetched.
/// </summary>
public interface ISubnetView
{
    Task<SubnetSnapshot> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of an extrinsic a neuron sent: included and succeeded, or the chain's error name.</summary>
public sealed record ChainWriteResult(bool Success, string? Error)
{
    public static ChainWriteResult Ok { get; } = new(true, null);

    public static ChainWriteResult Failed(string error) => new(false, error);
}

/// <summary>What neurons write to the chain, signed by their hotkey.</summary>
public interface ISubnetWriter
{
    /// <summary>set_weights(netuid, uids, values, version_key). Values are already u16-normalised (max = 65535).</summary>
    Task<ChainWriteResult> SetWeightsAsync(IReadOnlyList<(ushort Uid, ushort Weight)> weights, ulong versionKey, CancellationToken cancellationToken);

    /// <summary>commit_weights(netuid, hash): the hash of a weight vector to reveal later (commit-reveal subnets).</summary>
    Task<ChainWriteResult> CommitWeightsAsync(TaoSharp.Primitives.Hash256 commitHash, CancellationToken cancellationToken);

    /// <summary>reveal_weights(netuid, uids, values, salt, version_key): the vector behind an earlier commit.</summary>
    Task<ChainWriteResult> RevealWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, IReadOnlyList<ushort> salt,
        ulong versionKey, CancellationToken cancellationToken);

    /// <summary>serve_axon: announce where the axon listens so validators can find it in the metagraph.</summary>
    Task<ChainWriteResult> ServeAxonAsync(System.Net.IPAddress ip, int port, CancellationToken cancellationToken);
}
