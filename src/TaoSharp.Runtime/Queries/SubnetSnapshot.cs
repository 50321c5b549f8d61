using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// All per-UID data of one subnet read in one pass: each per-subnet vector once, the UID-keyed maps by prefix scans,
/// and per hotkey only what is keyed by hotkey (owner, stake). Every array has length n; vectors the epoch has not
/// written yet are padded with defaults so index = uid always holds.
/// </summary>
internal sealed class SubnetSnapshot
{
    /// <summary>Rank and trust are no longer computed by the reference; pruning score is reported as u16::MAX.</summary>
    public const ushort DeprecatedPruningScore = ushort.MaxValue;

    public required SubnetState State { get; init; }
    public required AxonInfo[] Axons { get; init; }
    public required PrometheusInfo[] Prometheus { get; init; }
    public (ushort Uid, ushort Value)[][]? Weights { get; init; }
    public (ushort Uid, ushort Value)[][]? Bonds { get; init; }

    public static SubnetSnapshot Read(IStateReader s, NetUid netuid, bool full)
    {
        int n = SubtensorStorage.SubnetworkN.Get(s, netuid);
        ushort idx = SubtensorStorage.MainIndex(netuid);

        var hotkeys = new AccountId[n];
        foreach (var (uid, hotkey) in SubtensorStorage.Keys.IteratePrefix(s, netuid))
            if (uid < n) hotkeys[uid] = hotkey;
        var registeredAt = new ulong[n];
        foreach (var (uid, block) in SubtensorStorage.BlockAtRegistration.IteratePrefix(s, netuid))
            if (uid < n) registeredAt[uid] = block;
        var served = new Dictionary<AccountId, AxonInfo>();
        foreach (var (hotkey, axon) in SubtensorStorage.Axons.IteratePrefix(s, netuid)) served[hotkey] = axon;
        var metrics = new Dictionary<AccountId, PrometheusInfo>();
        foreach (var (hotkey, p) in SubtensorStorage.Prometheus.IteratePrefix(s, netuid)) metrics[hotkey] = p;

        var coldkeys = new AccountId[n];
        var axons = new AxonInfo[n];
        var prometheus = new PrometheusInfo[n];
        var alpha = new ulong[n];
        var tao = new ulong[n];
        var total = new ulong[n];
        var taoWeight = StakeWeights.TaoWeightBits(SubtensorStorage.TaoWeight.Get(s));
        for (int uid = 0; uid < n; uid++)
        {
            var hotkey = hotkeys[uid];
            coldkeys[uid] = SubtensorStorage.Owner.Get(s, hotkey);
            axons[uid] = served.TryGetValue(hotkey, out var a) ? a : default;
            prometheus[uid] = metrics.TryGetValue(hotkey, out var p) ? p : default;
            alpha[uid] = Staking.StakeView.Instance.AlphaStake(s, netuid, hotkey);
            tao[uid] = Staking.StakeView.Instance.RootStake(s, hotkey);
            total[uid] = StakeWeights.ToU64(StakeWeights.TotalStake(alpha[uid], tao[uid], taoWeight));
        }

        var state = new SubnetState(
            netuid.Value,
            hotkeys,
            coldkeys,
            Fit(SubtensorStorage.Active.Get(s, netuid), n),
            Fit(SubtensorStorage.ValidatorPermit.Get(s, netuid), n),
            Filled(n, DeprecatedPruningScore),
            Fit(SubtensorStorage.LastUpdate.Get(s, idx), n),
            Fit(SubtensorStorage.Emission.Get(s, netuid), n),
            Fit(SubtensorStorage.Dividends.Get(s, netuid), n),
            Fit(SubtensorStorage.Incentive.Get(s, idx), n),
            Fit(SubtensorStorage.Consensus.Get(s, netuid), n),
            new ushort[n],
            new ushort[n],
            Fit(SubtensorStorage.ValidatorTrust.Get(s, netuid), n),
            registeredAt,
            alpha,
            tao,
            total);

        return new SubnetSnapshot
        {
            State = state,
            Axons = axons,
            Prometheus = prometheus,
            Weights = full ? Rows(s, SubtensorStorage.Weights, idx, n) : null,
            Bonds = full ? Rows(s, SubtensorStorage.Bonds, idx, n) : null,
        };
    }

    /// <summary>The non-zero entries of every row (the reference drops zeros from neuron info).</summary>
    private static (ushort Uid, ushort Value)[][] Rows(
        IStateReader s, StorageDoubleMap<ushort, ushort, (ushort Uid, ushort Value)[]> map, ushort idx, int n)
    {
        var rows = new (ushort Uid, ushort Value)[n][];
        foreach (var (uid, row) in map.IteratePrefix(s, idx))
            if (uid < n) rows[uid] = Array.FindAll(row, e => e.Value > 0);
        for (int i = 0; i < n; i++) rows[i] ??= [];
        return rows;
    }

    public NeuronInfo Neuron(int uid, bool full)
    {
        var st = State;
        return new NeuronInfo(
            st.Hotkeys[uid], st.Coldkeys[uid], (ushort)uid, st.Netuid, st.Active[uid], Axons[uid],
            st.AlphaStake[uid], st.TaoStake[uid], st.TotalStake[uid],
            Rank: st.Rank[uid], Emission: st.Emission[uid], Incentive: st.Incentives[uid], Consensus: st.Consensus[uid],
            Trust: st.Trust[uid], ValidatorTrust: st.ValidatorTrust[uid], Dividends: st.Dividends[uid],
            LastUpdate: st.LastUpdate[uid], ValidatorPermit: st.ValidatorPermit[uid], PruningScore: st.PruningScore[uid],
            BlockAtRegistration: st.BlockAtRegistration[uid],
            Weights: full ? Weights![uid] : null,
            Bonds: full ? Bonds![uid] : null)
        {
            PrometheusInfo = Prometheus[uid],
        };
    }

    private static T[] Fit<T>(T[] v, int n)
    {
        if (v.Length == n) return v;
        var r = new T[n];
        Array.Copy(v, r, System.Math.Min(v.Length, n));
        return r;
    }

    private static T[] Filled<T>(int n, T value)
    {
        var r = new T[n];
        Array.Fill(r, value);
        return r;
    }
}
