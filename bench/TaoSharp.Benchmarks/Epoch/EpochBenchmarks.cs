using BenchmarkDotNet.Attributes;
using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Benchmarks.Epoch;

/// <summary>Synthetic subnets for the epoch benchmarks: V permitted validators each weighting every UID.</summary>
internal static class EpochWorkload
{
    public static EpochInput Build(int n, int validators, bool yuma3, bool liquidAlpha, int seed = 1)
    {
        var rng = new Random(seed); // benchmark data only; never in a state transition
        var alpha = new ulong[n];
        var permits = new bool[n];
        var weights = new (ushort, ushort)[n][];
        var bonds = new (ushort, ushort)[n][];
        for (int i = 0; i < n; i++)
        {
            bool validator = i < validators;
            alpha[i] = validator ? (ulong)rng.NextInt64(1_000_000_000_000, 100_000_000_000_000) : (ulong)rng.Next(0, 1000);
            permits[i] = validator;
            if (validator)
            {
                var row = new (ushort, ushort)[n];
                for (int j = 0; j < n; j++) row[j] = ((ushort)j, (ushort)rng.Next(0, 65536));
                weights[i] = row;
                var brow = new (ushort, ushort)[n];
                for (int j = 0; j < n; j++) brow[j] = ((ushort)j, (ushort)rng.Next(1, 65536));
                bonds[i] = brow;
            }
            else
            {
                weights[i] = [];
                bonds[i] = [];
            }
        }
        return new EpochInput
        {
            N = n, CurrentBlock = 10_000, Tempo = 360,
            AlphaStake = alpha, MaxAllowedValidators = (ushort)validators,
            BlockAtRegistration = new ulong[n], LastUpdate = Enumerable.Repeat(9_990UL, n).ToArray(),
            ValidatorPermit = permits, Weights = weights, Bonds = bonds,
            Yuma3 = yuma3, LiquidAlpha = liquidAlpha, AlphaLow = 6553, AlphaHigh = 19660,
            RaoEmission = 1_000_000_000,
        };
    }
}

/// <summary>The pure epoch (YumaEpoch.Run) per subnet size and variant.</summary>
[MemoryDiagnoser]
public class EpochBenchmarks
{
    [Params("256x64", "4096x256")]
    public string Shape { get; set; } = "256x64";

    [Params("Yuma", "Yuma3", "Yuma3Liquid")]
    public string Variant { get; set; } = "Yuma";

    private EpochInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        _input = EpochWorkload.Build(int.Parse(parts[0]), int.Parse(parts[1]), Variant != "Yuma", Variant == "Yuma3Liquid");
    }

    // Kept across invocations, as a caller that runs epochs one after another keeps it.
    private readonly EpochWorkspace _workspace = new();

    /// <summary>The epoch with a reused workspace (the large matrix arrays come from the previous run).</summary>
    [Benchmark]
    public EpochOutput Epoch() => YumaEpoch.Run(_input, _workspace);

    /// <summary>The same epoch allocating every array afresh (what a caller without a workspace pays).</summary>
    [Benchmark]
    public EpochOutput EpochFreshArrays() => YumaEpoch.Run(_input);
}

/// <summary>A block in which 32 subnets of 256 UIDs (64 validators) run their epochs through storage (read, run, persist) on the in-memory store.</summary>
[MemoryDiagnoser]
public class EpochBlockBenchmarks
{
    private const int Subnets = 32;
    private StateOverlay _base = null!;
    private readonly EpochRunner _runner = new(BenchStakeView.Instance);

    [GlobalSetup]
    public void Setup()
    {
        _base = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        for (int k = 0; k < Subnets; k++)
        {
            var netuid = new NetUid((ushort)(k + 1));
            var input = EpochWorkload.Build(256, 64, yuma3: true, liquidAlpha: k % 2 == 0, seed: k);
            var s = _base;
            ushort idx = SubtensorStorage.MainIndex(netuid);
            SubtensorStorage.NetworksAdded.Set(s, netuid, true);
            SubtensorStorage.SubnetworkN.Set(s, netuid, 256);
            SubtensorStorage.Yuma3On.Set(s, netuid, true);
            SubtensorStorage.LiquidAlphaOn.Set(s, netuid, input.LiquidAlpha);
            SubtensorStorage.AlphaValues.Set(s, netuid, (6553, 19660));
            SubtensorStorage.MaxAllowedValidators.Set(s, netuid, 64);
            SubtensorStorage.CommitRevealWeightsEnabled.Set(s, netuid, false);
            SubtensorStorage.LastUpdate.Set(s, idx, input.LastUpdate);
            SubtensorStorage.ValidatorPermit.Set(s, netuid, input.ValidatorPermit);
            for (int uid = 0; uid < 256; uid++)
            {
                var hk = Hotkey(k, uid);
                SubtensorStorage.Keys.Set(s, netuid, (ushort)uid, hk);
                SubtensorStorage.Uids.Set(s, netuid, hk, (ushort)uid);
                BenchStakeView.Set(s, netuid, hk, input.AlphaStake[uid]);
                SubtensorStorage.Weights.Set(s, idx, (ushort)uid, input.Weights[uid]);
                SubtensorStorage.Bonds.Set(s, idx, (ushort)uid, input.Bonds[uid]);
            }
        }
    }

    private static AccountId Hotkey(int subnet, int uid)
    {
        var b = new byte[32];
        b[0] = (byte)subnet;
        b[1] = (byte)uid;
        b[2] = (byte)(uid >> 8);
        return AccountId.FromBytes(b);
    }

    [Benchmark]
    public int BlockOf32Epochs()
    {
        // Each block works in its own overlay over the prepared state, as block execution does.
        var block = new StateOverlay(_base);
        int written = 0;
        for (int k = 0; k < Subnets; k++)
            written += _runner.Run(block, new NetUid((ushort)(k + 1)), 10_000, 1_000_000_000).Emission.Length;
        return written;
    }

    private sealed class BenchStakeView : IStakeView
    {
        public static readonly BenchStakeView Instance = new();

        private static readonly StorageDoubleMap<NetUid, AccountId, ulong> Alpha =
            new("BenchStaking", "Alpha", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

        public static void Set(IStateAccess s, NetUid netuid, AccountId hk, ulong v) => Alpha.Set(s, netuid, hk, v);

        public ulong AlphaStake(IStateReader state, NetUid netuid, AccountId hotkey) => Alpha.Get(state, netuid, hotkey);

        public ulong RootStake(IStateReader state, AccountId hotkey) => 0;
    }
}
