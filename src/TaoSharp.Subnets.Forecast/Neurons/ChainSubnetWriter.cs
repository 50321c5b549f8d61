using System.Net;
using TaoSharp.Primitives;
using TaoSharp.Sdk;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Subnets.Forecast.Neurons;

/// <summary>Sends a neuron's extrinsics (set_weights, commit/reveal_weights, serve_axon) signed by its hotkey and waits for inclusion.</summary>
public sealed class ChainSubnetWriter(TaoClient client, ITransactionSigner hotkey, ushort netuid) : ISubnetWriter
{
    private readonly TransactionSubmitter _submitter = new(client);

    /// <summary>serve_axon's version field: the protocol version we speak (bittensor's version_as_int).</summary>
    public uint AxonVersion { get; init; } = (uint)ProtocolVersion.Current;

    public Task<ChainWriteResult> SetWeightsAsync(IReadOnlyList<(ushort Uid, ushort Weight)> weights, ulong versionKey, CancellationToken cancellationToken) =>
        SubmitAsync(Calls.SetWeights(new NetUid(netuid), weights.Select(w => w.Uid).ToArray(), weights.Select(w => w.Weight).ToArray(), versionKey),
            cancellationToken);

    public Task<ChainWriteResult> CommitWeightsAsync(Hash256 commitHash, CancellationToken cancellationToken) =>
        SubmitAsync(Calls.CommitWeights(new NetUid(netuid), commitHash), cancellationToken);

    public Task<ChainWriteResult> RevealWeightsAsync(IReadOnlyList<ushort> uids, IReadOnlyList<ushort> values, IReadOnlyList<ushort> salt,
        ulong versionKey, CancellationToken cancellationToken) =>
        SubmitAsync(Calls.RevealWeights(new NetUid(netuid), uids, values, salt, versionKey), cancellationToken);

    public Task<ChainWriteResult> ServeAxonAsync(IPAddress ip, int port, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
        var endpoint = AxonEndpoint.Parse(ip.ToString());
        return SubmitAsync(Calls.ServeAxon(new NetUid(netuid), AxonVersion, endpoint.Ip, (ushort)port, endpoint.IpType), cancellationToken);
    }

    private async Task<ChainWriteResult> SubmitAsync(byte[] call, CancellationToken ct)
    {
        try
        {
            var result = await _submitter.SubmitAsync(hotkey, call, WaitFor.InBlock, ct: ct).ConfigureAwait(false);
            return result.Success ? ChainWriteResult.Ok : ChainWriteResult.Failed(result.Error ?? "failed");
        }
        catch (TransactionRejectedException e)
        {
            return ChainWriteResult.Failed(e.Reason);
        }
        catch (ChainConnectionException e)
        {
            return ChainWriteResult.Failed("chain unreachable: " + e.Message);
        }
    }
}
