using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// Read models of a subnet's neurons (subtensor's <c>NeuronInfoRuntimeApi</c>, <c>get_subnet_state</c> and the
/// metagraph API). Each call reads the subnet once (<see cref="SubnetSnapshot"/>), never per UID per field.
/// </summary>
public sealed class NeuronQueries(EconomicsProfile profile)
{
    private readonly SubnetQueries _subnets = new(profile);

    public IReadOnlyList<NeuronInfo>? Neurons(IStateReader s, NetUid netuid, bool full)
    {
        if (!SubnetQueries.Exists(s, netuid)) return null;
        var snap = SubnetSnapshot.Read(s, netuid, full);
        var list = new NeuronInfo[snap.State.Hotkeys.Length];
        for (int uid = 0; uid < list.Length; uid++) list[uid] = snap.Neuron(uid, full);
        return list;
    }

    /// <summary>One neuron with weights and bonds; null when the subnet or the uid does not exist.</summary>
    public NeuronInfo? Neuron(IStateReader s, NetUid netuid, ushort uid)
    {
        if (!SubnetQueries.Exists(s, netuid) || uid >= SubtensorStorage.SubnetworkN.Get(s, netuid)) return null;
        // One neuron still needs the subnet's vectors; the rows are read for this uid only.
        var snap = SubnetSnapshot.Read(s, netuid, full: false);
        var n = snap.Neuron(uid, full: false);
        ushort idx = SubtensorStorage.MainIndex(netuid);
        return n with
        {
            Weights = Array.FindAll(SubtensorStorage.Weights.Get(s, idx, uid), e => e.Value > 0),
            Bonds = Array.FindAll(SubtensorStorage.Bonds.Get(s, idx, uid), e => e.Value > 0),
        };
    }

    public SubnetState? State(IStateReader s, NetUid netuid) =>
        SubnetQueries.Exists(s, netuid) ? SubnetSnapshot.Read(s, netuid, full: false).State : null;

    public MetagraphInfo? Metagraph(IStateReader s, NetUid netuid, ulong block, bool full)
    {
        var info = _subnets.Info(s, netuid);
        var dyn = _subnets.Dynamic(s, netuid, block);
        var hparams = _subnets.Hyperparams(s, netuid);
        if (info is null || dyn is null || hparams is null) return null;
        var snap = SubnetSnapshot.Read(s, netuid, full);
        return new MetagraphInfo(
            netuid.Value, block, info.Name, info.Symbol, info, dyn.LastStep, dyn.BlocksSinceLastStep, hparams,
            new MetagraphPool(dyn.AlphaIn, dyn.AlphaOut, dyn.TaoIn, dyn.SubnetVolume, dyn.MovingPrice, dyn.Price),
            new MetagraphEmissions(dyn.AlphaOutEmission, dyn.AlphaInEmission, dyn.TaoInEmission, dyn.PendingAlphaEmission,
                dyn.PendingRootEmission, dyn.TaoInEmission),
            snap.State, snap.Axons, snap.Weights, snap.Bonds);
    }
}
