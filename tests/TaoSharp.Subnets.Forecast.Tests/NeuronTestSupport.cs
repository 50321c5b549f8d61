using System.Security.Cryptography;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;

namespace TaoSharp.Subnets.Forecast.Tests;

/// <summary>A subnet held in memory: tests set the snapshot; writes are recorded (the chain side is not under test here).</summary>
internal sealed class InMemorySubnet : ISubnetView, ISubnetWriter
{
    private SubnetSnapshot _snapshot = SubnetSnapshot.Empty(1);

    public SubnetSnapshot Snapshot
    {
        get => Volatile.Read(ref _snapshot);
        set => Volatile.Write(ref _snapshot, value);
    }

    public List<IReadOnlyList<(ushort Uid, ushort Weight)>> WeightSets { get; } = [];

    public List<(System.Net.IPAddress Ip, int Port)> Served { get; } = [];

    public Task<SubnetSnapshot> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot);

    public Task<ChainWriteResult> SetWeightsAsync(IReadOnlyList<(ushort Uid, ushort Weight)> weights, ulong versionKey, CancellationToken cancellationToken)
    {
        lock (WeightSets)
            WeightSets.Add(weights);
        return Task.FromResult(ChainWriteResult.Ok);
    }

    public List<TaoSharp.Primitives.Hash256> Commits { get; } = [];

    public List<(ushort[] Uids, ushort[] Values, ushort[] Salt, ulong Version)> Reveals { get; } = [];

    /// <summary>What the next reveal answers (null = success); lets tests play the chain's RevealTooEarly and friends.</summary>
    public string? RevealError { get; set; }

    public Task<ChainWriteResult> CommitWeightsAsync(TaoSharp.Primitives.Hash256 commitHash, CancellationToken cancellationToken)
    {
        lock (Commits)
            Commits.Add(commitHash);
        return Task.FromResult(ChainWriteResult.Ok);
    }

    public Task<ChainWriteResult> RevealWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, IReadOnlyList<ushort> salt,
        ulong versionKey, CancellationToken cancellationToken)
    {
        lock (Reveals)
            Reveals.Add(([.. uids], [.. values], [.. salt], versionKey));
        return Task.FromResult(RevealError is { } e ? ChainWriteResult.Failed(e) : ChainWriteResult.Ok);
    }

    public Task<ChainWriteResult> ServeAxonAsync(System.Net.IPAddress ip, int port, CancellationToken cancellationToken)
    {
        lock (Served)
            Served.Add((ip, port));
        return Task.FromResult(ChainWriteResult.Ok);
    }
}

internal static class Keys
{
    public static Sr25519KeyPair New() => Sr25519KeyPair.FromMiniSecret(RandomNumberGenerator.GetBytes(32));

    public static string Ss58(Sr25519KeyPair key) => Ss58Address.Encode(key.PublicKey);
}

/// <summary>Answers every task with a constant far from any series: a miner of known bad quality.</summary>
internal sealed class ConstantForecaster(double value) : IForecaster
{
    public string Name => "constant";

    public double[] Forecast(IReadOnlyList<double> history, int horizon) => Enumerable.Repeat(value, horizon).ToArray();
}

/// <summary>Blocks until released: shows that a slow model is cut off by the time limit.</summary>
internal sealed class StuckForecaster(ManualResetEventSlim release) : IForecaster
{
    public string Name => "stuck";

    public double[] Forecast(IReadOnlyList<double> history, int horizon)
    {
        release.Wait(TimeSpan.FromSeconds(30));
        return new double[horizon];
    }
}
