using TaoSharp.Sdk;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Subnets.Forecast.Neurons;

/// <summary>
/// Reads the subnet through the SDK's <see cref="Metagraph"/> (lite sync over the node's domain RPC; a re-sync only
/// fetches when the head moved). One instance per neuron loop: it is not thread-safe.
/// </summary>
public sealed class MetagraphSubnetView(TaoClient client, ushort netuid) : ISubnetView
{
    private Metagraph? _metagraph;

    public ushort NetUid { get; } = netuid;

    public async Task<SubnetSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        if (_metagraph is null)
            _metagraph = await Metagraph.SyncAsync(client, NetUid, lite: true, cancellationToken).ConfigureAwait(false);
        else
            await _metagraph.ResyncAsync(client, cancellationToken).ConfigureAwait(false);
        return _metagraph is null ? SubnetSnapshot.Empty(NetUid) : ToSnapshot(NetUid, _metagraph);
    }

    public static SubnetSnapshot ToSnapshot(ushort netuid, Metagraph m)
    {
        var neurons = new NeuronEntry[m.Uids.Length];
        for (var i = 0; i < neurons.Length; i++)
        {
            var axon = i < m.Axons.Length ? m.Axons[i] : null;
            neurons[i] = new NeuronEntry(m.Uids[i], m.Hotkeys[i], m.TotalStakeRaw[i].Rao, m.ValidatorPermit[i],
                axon?.Ip ?? "0.0.0.0", axon?.Port ?? 0, m.LastUpdate[i]);
        }
        var h = m.Hparams;
        return new SubnetSnapshot(netuid, m.Block, neurons, h?.Tempo ?? 0, h?.WeightsRateLimit ?? 0, h?.WeightsVersion ?? 0,
            h?.CommitRevealWeightsEnabled ?? false, h?.CommitRevealPeriod ?? 1, m.Info.LastStep ?? 0);
    }
}
