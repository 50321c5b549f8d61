using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// SubtensorModule calls for neurons (spec-yuma §5–6, spec-client §3.10) with subtensor's call indices, Pays flags
/// and benchmarked weights: weights (set / batch set / commit / reveal / batch reveal), registration (burned_register,
/// the vestigial PoW <c>register</c> on the same path, register_limit), axon and Prometheus serving.
/// </summary>
public static class SubnetCalls
{
    private const byte P = PalletIndices.SubtensorModule;
    private const string Name = "SubtensorModule";

    // Ref-time weights: the reference's benchmark constant plus its RocksDB reads/writes (25 µs / 100 µs).
    private const ulong ReadWeight = 25_000_000;
    private const ulong WriteWeight = 100_000_000;
    private const ulong CommitWeightsWeight = 69_049_000 + 13 * ReadWeight + 2 * WriteWeight;
    private const ulong RevealWeightsWeight = 111_227_000 + 19 * ReadWeight + 2 * WriteWeight;
    private const ulong BatchRevealWeight = 421_363_000 + 19 * ReadWeight + 2 * WriteWeight;
    private const ulong RegisterWeight = 349_872_000 + 34 * ReadWeight + 29 * WriteWeight;
    private const ulong BurnedRegisterWeight = 336_815_000 + 34 * ReadWeight + 29 * WriteWeight;
    private const ulong RegisterLimitWeight = 354_200_000 + 47 * ReadWeight + 40 * WriteWeight;
    private const ulong ServeAxonWeight = 31_278_000 + 3 * ReadWeight + WriteWeight;
    private const ulong ServeAxonTlsWeight = 30_617_000 + 3 * ReadWeight + WriteWeight;
    private const ulong ServePrometheusWeight = 29_294_000 + 3 * ReadWeight + WriteWeight;

    /// <summary>Longest weight vector a call may carry (a subnet has at most 4096 UIDs).</summary>
    private const int MaxUids = 4096;

    /// <summary>Most subnets in one batch_set_weights or reveals in one batch_reveal_weights (bounds decoding work).</summary>
    private const int MaxBatch = 128;

    public static IEnumerable<CallDescriptor> Descriptors(EconomicsProfile? profile = null)
    {
        var economics = profile ?? EconomicsProfile.Current;
        var weights = new WeightsCalls(StakeView.Instance);
        var registration = new NeuronRegistration(new PoolRegistrationPayment(economics));

        yield return new(P, 0, Name, "set_weights", SetWeightsWeight(MaxUids), Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var (n, uids, values, version) = (Net(ref r), U16s(ref r), U16s(ref r), r.ReadU64());
            return new Call(c => SetWeights(c, weights, n, uids, values, version), SetWeightsWeight(uids.Length));
        });
        yield return new(P, 80, Name, "batch_set_weights", SetWeightsWeight(MaxUids), Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var netuids = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) => new NetUid(x.ReadCompactU16()));
            var rows = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) =>
                ReadVec(ref x, MaxUids, static (ref ScaleReader y) => (y.ReadCompactU16(), y.ReadCompactU16())));
            var versions = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) => x.ReadCompactU64());
            var weight = rows.Aggregate(103_092_000 + 16 * ReadWeight + 2 * WriteWeight, (w, row) => w + SetWeightsWeight(row.Length));
            return new Call(c => BatchSetWeights(c, weights, netuids, rows, versions), weight);
        });
        yield return new(P, 96, Name, "commit_weights", CommitWeightsWeight, Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var (n, hash) = (Net(ref r), Hash256.FromBytes(r.ReadFixed(32)));
            return new Call(c =>
            {
                var hotkey = c.Origin.EnsureSigned();
                WeightsCalls.CommitWeights(c.State, hotkey, n, hash, c.Block.Value);
                c.Events.Deposit(Name, "WeightsCommitted", ("hotkey", hotkey.ToHex()), ("netuid", n.Value.ToString()), ("commit_hash", hash.ToString()));
            });
        });
        yield return new(P, 97, Name, "reveal_weights", RevealWeightsWeight, Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var (n, uids, values, salt, version) = (Net(ref r), U16s(ref r), U16s(ref r), U16s(ref r), r.ReadU64());
            return new Call(c => Reveal(c, weights, n, uids, values, salt, version));
        });
        yield return new(P, 98, Name, "batch_reveal_weights", BatchRevealWeight, Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var n = Net(ref r);
            var uids = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) => U16s(ref x));
            var values = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) => U16s(ref x));
            var salts = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) => U16s(ref x));
            var versions = ReadVec(ref r, MaxBatch, static (ref ScaleReader x) => x.ReadU64());
            return new Call(c =>
            {
                c.Origin.EnsureSigned();
                if (uids.Length != values.Length || uids.Length != salts.Length || uids.Length != versions.Length)
                    throw new DispatchException(DispatchError.InputLengthsUnequal);
                // All or nothing: the call's transaction undoes earlier reveals when a later one fails.
                for (var k = 0; k < uids.Length; k++) Reveal(c, weights, n, uids[k], values[k], salts[k], versions[k]);
            });
        });
        yield return new(P, 6, Name, "register", RegisterWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            // The proof-of-work arguments are vestigial (spec-client §9): decoded for the byte layout, then ignored.
            var n = Net(ref r);
            r.ReadU64();
            r.ReadU64();
            r.ReadBytes(MaxPowWorkBytes);
            var hotkey = Id(ref r);
            Id(ref r);
            return new Call(c => Register(c, registration, n, hotkey, null));
        });
        yield return new(P, 7, Name, "burned_register", BurnedRegisterWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (n, hotkey) = (Net(ref r), Id(ref r));
            return new Call(c => Register(c, registration, n, hotkey, null));
        });
        yield return new(P, 134, Name, "register_limit", RegisterLimitWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (n, hotkey, limit) = (Net(ref r), Id(ref r), r.ReadU64());
            return new Call(c => Register(c, registration, n, hotkey, limit));
        });
        yield return new(P, 4, Name, "serve_axon", ServeAxonWeight, Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var a = ReadAxonArgs(ref r);
            return new Call(c => Serve(c, a, null));
        });
        yield return new(P, 40, Name, "serve_axon_tls", ServeAxonTlsWeight, Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var a = ReadAxonArgs(ref r);
            var certificate = r.ReadBytes(MaxCertificateBytes);
            return new Call(c => Serve(c, a, certificate));
        });
        yield return new(P, 5, Name, "serve_prometheus", ServePrometheusWeight, Pays.No, (ref ScaleReader r, CallTable _) =>
        {
            var (n, version, ip, port, ipType) = (Net(ref r), r.ReadU32(), r.ReadU128(), r.ReadU16(), r.ReadU8());
            return new Call(c => AxonServing.ServePrometheus(c.State, c.Origin.EnsureSigned(), n, version, ip, port, ipType,
                c.Block.Value, c.Events));
        });
    }

    /// <summary>
    /// set_weights' ref-time weight for <paramref name="entries"/> weights. Decision: the reference charges a constant
    /// benchmarked on a 4096-UID subnet (15.5 ms + 4112 reads); we scale that constant by the row's length so a block's
    /// weight budget admits as many short weight rows as the node can process (docs/node.md, "Block weight").
    /// </summary>
    public static ulong SetWeightsWeight(int entries)
    {
        const ulong fullRow = 15_513_610_000 + 4112 * ReadWeight + 2 * WriteWeight;
        return 50_000_000 + fullRow * (ulong)System.Math.Clamp(entries, 1, MaxUids) / MaxUids;
    }

    private const int MaxPowWorkBytes = 1024;
    private const int MaxCertificateBytes = 1024;

    private static void SetWeights(CallContext c, WeightsCalls weights, NetUid n, ushort[] uids, ushort[] values, ulong version)
    {
        var hotkey = c.Origin.EnsureSigned();
        weights.SetWeights(c.State, hotkey, n, uids, values, version, c.Block.Value);
        c.Events.Deposit(Name, "WeightsSet", ("netuid", n.Value.ToString()), ("uid", SubtensorStorage.Uids.Get(c.State, n, hotkey).ToString()));
    }

    /// <summary>batch_set_weights: each subnet independently; failures are reported as events and do not fail the call.</summary>
    private static void BatchSetWeights(CallContext c, WeightsCalls weights, NetUid[] netuids, (ushort, ushort)[][] rows, ulong[] versions)
    {
        var hotkey = c.Origin.EnsureSigned();
        if (netuids.Length != rows.Length || netuids.Length != versions.Length)
            throw new DispatchException(DispatchError.InputLengthsUnequal);
        var reportedBatchError = false;
        for (var k = 0; k < netuids.Length; k++)
        {
            var (n, row, version) = (netuids[k], rows[k], versions[k]);
            var error = c.Transactional(() => SetWeights(c, weights, n, [.. row.Select(e => e.Item1)], [.. row.Select(e => e.Item2)], version));
            if (error is null) continue;
            if (!reportedBatchError) c.Events.Deposit(Name, "BatchCompletedWithErrors");
            reportedBatchError = true;
            c.Events.Deposit(Name, "BatchWeightItemFailed", ("netuid", n.Value.ToString()), ("error", error.Error.ToString()));
        }
        c.Events.Deposit(Name, "BatchWeightsCompleted", ("netuids", string.Join(",", netuids.Select(n => n.Value))), ("hotkey", hotkey.ToHex()));
    }

    private static void Reveal(CallContext c, WeightsCalls weights, NetUid n, ushort[] uids, ushort[] values, ushort[] salt, ulong version)
    {
        var hotkey = c.Origin.EnsureSigned();
        weights.RevealWeights(c.State, hotkey, n, uids, values, salt, version, c.Block.Value);
        c.Events.Deposit(Name, "WeightsRevealed", ("hotkey", hotkey.ToHex()), ("netuid", n.Value.ToString()));
    }

    private static void Register(CallContext c, NeuronRegistration registration, NetUid n, AccountId hotkey, ulong? limit)
    {
        var coldkey = c.Origin.EnsureSigned();
        var uid = registration.BurnedRegister(c.State, coldkey, n, hotkey, c.Block.Value, limit);
        c.Events.Deposit(Name, "NeuronRegistered", ("netuid", n.Value.ToString()), ("uid", uid.ToString()), ("hotkey", hotkey.ToHex()));
    }

    private readonly record struct AxonArgs(NetUid Netuid, uint Version, UInt128 Ip, ushort Port, byte IpType, byte Protocol, byte P1, byte P2);

    private static AxonArgs ReadAxonArgs(ref ScaleReader r) =>
        new(Net(ref r), r.ReadU32(), r.ReadU128(), r.ReadU16(), r.ReadU8(), r.ReadU8(), r.ReadU8(), r.ReadU8());

    private static void Serve(CallContext c, AxonArgs a, byte[]? certificate) =>
        AxonServing.Serve(c.State, c.Origin.EnsureSigned(), a.Netuid, a.Version, a.Ip, a.Port, a.IpType, a.Protocol, a.P1, a.P2,
            certificate, c.Block.Value, c.Events);

    private static AccountId Id(ref ScaleReader r) => AccountId.FromBytes(r.ReadFixed(32));

    private static NetUid Net(ref ScaleReader r) => new(r.ReadU16());

    private static ushort[] U16s(ref ScaleReader r) => ReadVec(ref r, MaxUids, static (ref ScaleReader x) => x.ReadU16());

    private delegate T ItemReader<T>(ref ScaleReader r);

    /// <summary>A SCALE Vec whose declared length is checked against a bound before anything is allocated.</summary>
    private static T[] ReadVec<T>(ref ScaleReader r, int max, ItemReader<T> item)
    {
        var n = r.ReadLength(max);
        var result = new T[n];
        for (var k = 0; k < n; k++) result[k] = item(ref r);
        return result;
    }

    /// <summary>A decoded call: its arguments are captured by the closure; the weight may depend on them.</summary>
    private sealed class Call(Action<CallContext> run, ulong? weight = null) : IRuntimeCall
    {
        public ulong? Weight => weight;

        public void Dispatch(CallContext ctx) => run(ctx);
    }
}
