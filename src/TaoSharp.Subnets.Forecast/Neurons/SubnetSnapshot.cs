namespace TaoSharp.Subnets.Forecast.Neurons;

/// <summary>
/// One neuron as a miner or validator needs it: who it is, how much stake backs it, where its axon listens, and when it
/// last set weights. Stake is in RAO of the subnet's alpha (plus root TAO × TaoWeight, as the chain's total_stake).
/// </summary>
public sealed record NeuronEntry(ushort Uid, string Hotkey, ulong Stake, bool ValidatorPermit, string AxonIp, int AxonPort, ulong LastUpdate)
{
    /// <summary>Bittensor's is_serving: an axon was announced on chain (ip 0.0.0.0 means never served).</summary>
    public bool IsServing => AxonPort > 0 && AxonIp is not ("0.0.0.0" or "" or "::");
}

/// <summary>
/// The subnet at one block: its neurons (indexed by uid) and the hyperparameters the neuron loops obey.
/// <paramref name="LastStep"/> is the block of the subnet's last epoch; with <paramref name="CommitRevealEnabled"/> weights
/// are committed as a hash and revealed <paramref name="CommitRevealPeriod"/> epochs later.
/// </summary>
public sealed record SubnetSnapshot(
    ushort NetUid, ulong Block, IReadOnlyList<NeuronEntry> Neurons, ulong Tempo, ulong WeightsRateLimit, ulong WeightsVersion,
    bool CommitRevealEnabled = false, ulong CommitRevealPeriod = 1, ulong LastStep = 0)
{
    public static SubnetSnapshot Empty(ushort netuid) => new(netuid, 0, [], 0, 0, 0);

    public NeuronEntry? ByHotkey(string hotkey)
    {
        foreach (var n in Neurons)
        {
            if (n.Hotkey == hotkey)
                return n;
        }
        return null;
    }
}
