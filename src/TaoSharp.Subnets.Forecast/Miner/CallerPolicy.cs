using TaoSharp.Sdk;
using TaoSharp.Subnets.Forecast.Neurons;

namespace TaoSharp.Subnets.Forecast.Miner;

/// <summary>
/// Who may call the miner and in which order, decided from the latest metagraph: a caller must be registered on the
/// subnet (unless allowed otherwise) and hold at least the minimum stake; priority is its stake.
/// </summary>
public sealed class CallerPolicy(MinerOptions options)
{
    private SubnetSnapshot? _snapshot;

    /// <summary>Swapped in whole by the refresh loop; readers see one consistent snapshot.</summary>
    public void Update(SubnetSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    public SubnetSnapshot? Snapshot => Volatile.Read(ref _snapshot);

    public BlacklistVerdict Check(string? hotkey)
    {
        if (string.IsNullOrEmpty(hotkey))
            return BlacklistVerdict.Deny("missing hotkey");
        var neuron = Snapshot?.ByHotkey(hotkey);
        if (neuron is null)
            return options.AllowUnregistered ? BlacklistVerdict.Allow("unregistered, allowed") : BlacklistVerdict.Deny("unregistered hotkey " + hotkey);
        if (neuron.Stake < options.MinCallerStake)
            return BlacklistVerdict.Deny($"stake {neuron.Stake} RAO below the miner's minimum {options.MinCallerStake} RAO");
        return BlacklistVerdict.Allow();
    }

    /// <summary>The caller's stake in RAO (0 when unknown): larger stakes are served first.</summary>
    public double Priority(string? hotkey) =>
        hotkey is not null && Snapshot?.ByHotkey(hotkey) is { } n ? n.Stake : 0;
}
