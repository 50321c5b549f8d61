using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Queries;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// serve_prometheus (SubtensorModule 5), sudo_trim_to_max_allowed_uids (AdminUtils 78) and sudo_set_min_allowed_uids
/// (AdminUtils 79) through the executor: success, the reference's errors in its order, nothing changed on failure.
/// </summary>
public class ServingAndTrimCallTests
{
    private const ushort Net = 1;
    private static readonly NetUid N = new(Net);

    private static byte[] ServePrometheus(ushort netuid, UInt128 ip, ushort port, byte ipType = 4, uint version = 1)
    {
        var w = CallBuilder.Begin(PalletIndices.SubtensorModule, 5);
        w.WriteU16(netuid);
        w.WriteU32(version);
        w.WriteU128(ip);
        w.WriteU16(port);
        w.WriteU8(ipType);
        return w.ToArray();
    }

    private static byte[] AdminNetU16(byte index, ushort netuid, ushort value)
    {
        var w = CallBuilder.Begin(PalletIndices.AdminUtils, index);
        w.WriteU16(netuid);
        w.WriteU16(value);
        return w.ToArray();
    }

    private static byte[] Trim(ushort netuid, ushort maxUids) => AdminNetU16(78, netuid, maxUids);

    private static byte[] SetMinAllowedUids(ushort netuid, ushort minUids) => AdminNetU16(79, netuid, minUids);

    /// <summary>Subnet 1 owned by coldkey 1 (owner hotkey 0 = UID 0) with hotkeys 1..<paramref name="miners"/> registered by coldkeys 2...</summary>
    private static RuntimeChain Subnet(int miners)
    {
        var c = new RuntimeChain(coldkeys: miners + 2, hotkeys: miners + 2);
        c.RunOk(c.Coldkeys[1], RegisterNetwork(c.Hot(0)));
        c.RunOk(c.Coldkeys[1], StartCall(Net));
        c.Sudo(AdminGlobalU16(74, 0)); // admin freeze window 0
        c.Sudo(AdminU64(7, Net, 0)); // weights rate limit 0
        c.Sudo(AdminBool(49, Net, false)); // commit-reveal off
        for (var k = 1; k <= miners; k++) c.RunOk(c.Coldkeys[1 + k], BurnedRegister(Net, c.Hot(k)));
        return c;
    }

    [Fact]
    public void Serve_prometheus_stores_the_endpoint_with_its_own_rate_limit_and_the_reference_error_order()
    {
        using var c = Subnet(miners: 2);
        var ip = (UInt128)0x0808_0404;
        var r = c.RunOk(c.Hotkeys[1], ServePrometheus(Net, ip, 9100, version: 7));
        Assert.Equal(0UL, r.Fee);
        Assert.Equal(new PrometheusInfo(c.Head, 7, ip, 9100, 4), SubtensorStorage.Prometheus.Get(c.State, N, c.Hot(1)));
        Assert.Contains(r.Events, e => e.Name == "PrometheusServed" && e["hotkey"] == c.Hot(1).ToHex());

        // Its own rate limit: a second Prometheus serve is refused, an axon serve is not.
        c.AssertFailsUnchanged(c.Hotkeys[1], ServePrometheus(Net, ip, 9101), "ServingRateLimitExceeded", paysFee: false);
        c.RunOk(c.Hotkeys[1], ServeAxon(Net, ip, 8091));

        // Address checks come before registration (the reverse of serve_axon), and zero is refused.
        c.AssertFailsUnchanged(c.Hotkeys[3], ServePrometheus(Net, 0, 9100), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[3], ServePrometheus(Net, ip, 9100, ipType: 5), "InvalidIpType", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[3], ServePrometheus(Net, 0x7f00_0001, 9100), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[3], ServePrometheus(Net, ip, 9100), "HotKeyNotRegisteredInNetwork", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServePrometheus(Net, 0, 9100), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServePrometheus(Net, 1, 9100, ipType: 6), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServePrometheus(Net, ip, 0), "InvalidPort", paysFee: false);
        c.RunOk(c.Hotkeys[2], ServePrometheus(Net, (UInt128)0x2001_0db8 << 96, 9100, ipType: 6));

        // Neuron info reports it (the never-served neuron reports zeros).
        var neurons = new NeuronQueries(EconomicsProfile.Current).Neurons(c.State, N, full: false)!;
        Assert.Equal((ushort)9100, neurons[1].PrometheusInfo.Port);
        Assert.Equal((byte)6, neurons[2].PrometheusInfo.IpType);
        Assert.Equal(default, neurons[0].PrometheusInfo);
        Assert.Equal((ushort)9100, new NeuronQueries(EconomicsProfile.Current).Neuron(c.State, N, 1)!.PrometheusInfo.Port);

        // Rate limit 0 lifts the limit.
        c.Sudo(AdminU64(3, Net, 0));
        c.RunOk(c.Hotkeys[1], ServePrometheus(Net, ip, 9200));
        Assert.Equal((ushort)9200, SubtensorStorage.Prometheus.Get(c.State, N, c.Hot(1)).Port);
    }

    private sealed record NeuronView(
        ulong Emission, bool Active, ushort Consensus, ushort Incentive, ushort Dividends, ushort ValidatorTrust, bool Permit,
        ulong LastUpdate, ulong RegisteredAt, (AccountId Target, ushort Value)[] Weights, (AccountId Target, ushort Value)[] Bonds);

    /// <summary>Every per-UID item of one neuron, with weight and bond targets named by hotkey so renumbering cancels out.</summary>
    private static Dictionary<AccountId, NeuronView> ByHotkey(Storage.IStateReader s)
    {
        int n = SubtensorStorage.SubnetworkN.Get(s, N);
        var keys = Enumerable.Range(0, n).Select(u => SubtensorStorage.Keys.Get(s, N, (ushort)u)).ToArray();
        T At<T>(T[] v, int u) => u < v.Length ? v[u] : default!;
        (AccountId, ushort)[] Named((ushort Uid, ushort Value)[] row) =>
            [.. row.Where(e => e.Uid < n).Select(e => (keys[e.Uid], e.Value)).OrderBy(e => e.Item1.ToHex())];
        var result = new Dictionary<AccountId, NeuronView>();
        for (int u = 0; u < n; u++)
        {
            var uid = (ushort)u;
            result[keys[u]] = new NeuronView(
                At(SubtensorStorage.Emission.Get(s, N), u), At(SubtensorStorage.Active.Get(s, N), u),
                At(SubtensorStorage.Consensus.Get(s, N), u), At(SubtensorStorage.Incentive.Get(s, Net), u),
                At(SubtensorStorage.Dividends.Get(s, N), u), At(SubtensorStorage.ValidatorTrust.Get(s, N), u),
                At(SubtensorStorage.ValidatorPermit.Get(s, N), u), At(SubtensorStorage.LastUpdate.Get(s, Net), u),
                SubtensorStorage.BlockAtRegistration.Get(s, N, uid),
                Named(SubtensorStorage.Weights.Get(s, Net, uid)), Named(SubtensorStorage.Bonds.Get(s, Net, uid)));
        }
        return result;
    }

    [Fact]
    public void Trim_removes_the_lowest_emitters_and_compacts_every_per_uid_item()
    {
        using var c = Subnet(miners: 6);

        // ---- sudo_set_min_allowed_uids (root) ----
        c.AssertFailsUnchanged(c.Coldkeys[1], SetMinAllowedUids(Net, 2), "BadOrigin", paysFee: true);
        c.Sudo(SetMinAllowedUids(Net, 256), "Err(MinAllowedUidsGreaterThanMaxAllowedUids)");
        c.Sudo(SetMinAllowedUids(Net, 7), "Err(MinAllowedUidsGreaterThanCurrentUids)");
        c.Sudo(SetMinAllowedUids(9, 2), "Err(SubnetDoesNotExist)");
        c.Sudo(SetMinAllowedUids(Net, 2));
        Assert.Equal((ushort)2, SubtensorStorage.MinAllowedUids.Get(c.State, N));

        // ---- errors, each changing nothing but fee and nonce ----
        c.AssertFailsUnchanged(c.Coldkeys[2], Trim(Net, 4), "BadOrigin", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], Trim(Net, 1), "InvalidValue", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], Trim(Net, 257), "InvalidValue", paysFee: true);
        // Every neuron is still in its immunity period: 7 immune of at most 4 is over 80 %.
        c.AssertFailsUnchanged(c.Coldkeys[1], Trim(Net, 4), "TrimmingWouldExceedMaxImmunePercentage", paysFee: true);
        c.Sudo(Trim(9, 4), "Err(SubnetNotExists)");

        // ---- emissions that differ from UID order ----
        c.Sudo(AdminU16(13, Net, 1)); // immunity period 1 block
        c.Sudo(AdminU16(30, Net, 5)); // tempo 5
        ushort[] miners = [1, 2, 3, 4, 5, 6], values = [10, 60, 20, 50, 30, 40];
        c.RunOk(c.Hotkeys[0], SetWeights(Net, miners, values));
        c.RunOk(c.Hotkeys[2], ServeAxon(Net, 0x0a00_0002, 8091));
        c.RunOk(c.Hotkeys[3], ServeAxon(Net, 0x0a00_0003, 8091));
        c.RunOk(c.Hotkeys[3], ServePrometheus(Net, 0x0a00_0003, 9100));
        for (int epochs = 0; epochs < 2; epochs++)
        {
            var epoch = SubtensorStorage.SubnetEpochIndex.Get(c.State, N);
            while (SubtensorStorage.SubnetEpochIndex.Get(c.State, N) == epoch) c.Author();
        }
        var emission = SubtensorStorage.Emission.Get(c.State, N);
        Assert.True(emission[2] > emission[6] && emission[6] > emission[5] && emission[5] > emission[1],
            $"emissions follow the weights: {string.Join(",", emission)}");

        var before = ByHotkey(c.State);
        var r = c.RunOk(c.Coldkeys[1], Trim(Net, 4));

        // UIDs 1, 3 and 5 (weights 10, 20, 30) are the lowest emitters; 0 is the owner's. Survivors keep their order.
        Assert.Contains(r.Events, e => e.Name == "UidsTrimmed" && e["removed"] == "1,3,5");
        var s = c.State;
        Assert.Equal((ushort)4, SubtensorStorage.SubnetworkN.Get(s, N));
        Assert.Equal((ushort)4, SubtensorStorage.MaxAllowedUids.Get(s, N));
        AccountId[] survivors = [c.Hot(0), c.Hot(2), c.Hot(4), c.Hot(6)];
        for (ushort u = 0; u < 4; u++)
        {
            Assert.Equal(survivors[u], SubtensorStorage.Keys.Get(s, N, u));
            Assert.Equal(u, SubtensorStorage.Uids.Get(s, N, survivors[u]));
        }
        Assert.Equal(4, SubtensorStorage.Uids.IteratePrefix(s, N).Count());
        Assert.Equal([0, 1, 2, 3], SubtensorStorage.Keys.IteratePrefix(s, N).Select(k => (int)k.Key2).Order());
        Assert.Equal([0, 1, 2, 3], SubtensorStorage.BlockAtRegistration.IteratePrefix(s, N).Select(k => (int)k.Key2).Order());
        Assert.All(SubtensorStorage.Weights.IteratePrefix(s, Net), row => Assert.True(row.Key2 < 4));
        Assert.All(SubtensorStorage.Bonds.IteratePrefix(s, Net), row => Assert.True(row.Key2 < 4));
        foreach (var v in new[] { SubtensorStorage.Emission.Get(s, N).Length, SubtensorStorage.Active.Get(s, N).Length,
                     SubtensorStorage.Consensus.Get(s, N).Length, SubtensorStorage.Dividends.Get(s, N).Length,
                     SubtensorStorage.ValidatorTrust.Get(s, N).Length, SubtensorStorage.ValidatorPermit.Get(s, N).Length,
                     SubtensorStorage.StakeWeight.Get(s, N).Length, SubtensorStorage.Incentive.Get(s, Net).Length,
                     SubtensorStorage.LastUpdate.Get(s, Net).Length })
            Assert.Equal(4, v);

        // Each survivor has exactly what it had, and its weights and bonds on removed neurons are gone.
        var removedKeys = new HashSet<AccountId> { c.Hot(1), c.Hot(3), c.Hot(5) };
        var after = ByHotkey(s);
        Assert.Equal(survivors.ToHashSet(), after.Keys.ToHashSet());
        foreach (var hk in survivors)
        {
            var old = before[hk];
            var expected = old with
            {
                Weights = [.. old.Weights.Where(e => !removedKeys.Contains(e.Target))],
                Bonds = [.. old.Bonds.Where(e => !removedKeys.Contains(e.Target))],
            };
            Assert.Equal(expected with { Weights = [], Bonds = [] }, after[hk] with { Weights = [], Bonds = [] });
            Assert.Equal(expected.Weights, after[hk].Weights);
            Assert.Equal(expected.Bonds, after[hk].Bonds);
        }
        Assert.NotEmpty(after[c.Hot(0)].Weights);

        // Removed neurons lose their endpoints; survivors keep theirs.
        Assert.False(SubtensorStorage.Axons.Contains(s, N, c.Hot(3)));
        Assert.False(SubtensorStorage.Prometheus.Contains(s, N, c.Hot(3)));
        Assert.True(SubtensorStorage.Axons.Contains(s, N, c.Hot(2)));

        // The owner is rate limited; root is not.
        c.AssertFailsUnchanged(c.Coldkeys[1], Trim(Net, 3), "TxRateLimitExceeded", paysFee: true);

        // The trimmed subnet runs epochs, answers neuron queries consistently, and a registration now replaces a UID.
        var next = SubtensorStorage.SubnetEpochIndex.Get(c.State, N);
        while (SubtensorStorage.SubnetEpochIndex.Get(c.State, N) == next) c.Author();
        var neurons = new NeuronQueries(EconomicsProfile.Current).Neurons(c.State, N, full: true)!;
        Assert.Equal(4, neurons.Count);
        Assert.Equal(survivors, neurons.Select(x => x.Hotkey));
        Assert.Equal((ushort)8091, neurons[1].AxonInfo.Port);
        Assert.True(neurons[1].Incentive > neurons[2].Incentive && neurons[2].Incentive > neurons[3].Incentive,
            "incentives follow the weights 60 > 50 > 40 under the new numbering");
        c.Sudo(AdminU16(84, Net, 0)); // MinNonImmuneUids 0: with 3 replaceable neurons the candidate is not protected
        c.RunOk(c.Coldkeys[2], BurnedRegister(Net, c.Hot(7)));
        Assert.Equal((ushort)4, SubtensorStorage.SubnetworkN.Get(c.State, N));
        Assert.True(SubtensorStorage.Uids.Get(c.State, N, c.Hot(7)) < 4);

        c.Sudo(Trim(Net, 3));
        Assert.Equal((ushort)3, SubtensorStorage.SubnetworkN.Get(c.State, N));
    }
}
