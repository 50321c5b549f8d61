using BenchmarkDotNet.Attributes;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;

namespace TaoSharp.Benchmarks.Staking;

/// <summary>
/// add_stake through the Runtime as the executor runs an extrinsic: the SCALE call bytes are decoded by the dispatch
/// table and dispatched with a signed origin inside the call's storage transaction (events on). Three stores:
/// the in-memory overlay (no commit), and RocksDB through <see cref="StateDb"/> with one commit (state, tree nodes and
/// root in one batch) per 1 000 calls. Also one coinbase block step with 128 open subnets and no epoch due.
/// One benchmark operation = one add_stake (OperationsPerInvoke = 1 000) / one block step.
/// </summary>
[MemoryDiagnoser]
public class StakingBenchmarks
{
    private const int Ops = 1_000;
    private StateOverlay _state = null!;
    private StateOverlay _coinbaseState = null!;
    private StateDb _rocksDb = null!;
    private RocksDbKeyValueStore _rocksStore = null!;
    private string _rocksPath = "";
    private readonly StakingOperations _staking = new(EconomicsProfile.Current);
    private readonly CoinbaseBlockStep _coinbase = new(CoinbaseSettings.Current);
    private readonly CallTable _calls = RuntimeCalls.CreateTable(EconomicsProfile.Current);
    private AccountId[] _coldkeys = [];
    private byte[] _addStakeCall = [];
    private ulong _block = 10;

    private static AccountId Key(int id, byte kind)
    {
        var b = new byte[32];
        b[0] = kind;
        b[1] = (byte)id;
        b[2] = (byte)(id >> 8);
        return AccountId.FromBytes(b);
    }

    /// <summary>Funds the owner, opens <paramref name="subnets"/> subnets with emission on and long tempos.</summary>
    private static void Seed(StateOverlay s, AccountId owner, int subnets, out NetUid first, out AccountId firstHotkey)
    {
        TaoBalances.SetFree(s, owner, new TaoBalance(21_000_000_000_000_000 / 2));
        DtaoGenesis.Initialize(s);
        SubtensorStorage.NetworkRateLimit.Set(s, 0);
        SubtensorStorage.NetworkMinLockCost.Set(s, 1_000_000_000);
        SubtensorStorage.NetworkLastLockCost.Set(s, 1_000_000_000);
        var reg = new NetworkRegistration(EconomicsProfile.Current);
        first = default;
        firstHotkey = default;
        for (var i = 0; i < subnets; i++)
        {
            var hot = Key(i, 0xA0);
            SubtensorStorage.NetworkLastRegistered.Set(s, 0);
            var n = reg.Register(s, owner, hot, 1, null);
            NetworkRegistration.StartCall(s, owner, n, 1, null);
            SubtensorStorage.SubnetEmissionEnabled.Set(s, n, true);
            SubtensorStorage.Tempo.Set(s, n, 50_000);
            SubtensorStorage.SubnetMovingPrice.Set(s, n, global::TaoSharp.Math.I96F32.FromInt(1).SafeDiv(global::TaoSharp.Math.I96F32.FromInt(i + 2)));
            if (i == 0)
            {
                first = n;
                firstHotkey = hot;
            }
        }
    }

    private void SeedStakers(StateOverlay s, NetUid netuid)
    {
        SubtensorStorage.SubnetTAO.Set(s, netuid, 1_000_000_000_000_000);
        SubtensorStorage.SubnetAlphaIn.Set(s, netuid, 1_000_000_000_000_000);
        foreach (var c in _coldkeys) TaoBalances.SetFree(s, c, new TaoBalance(1_000_000_000_000_000));
    }

    [GlobalSetup]
    public void Setup()
    {
        var owner = Key(0, 0xC0);
        _coldkeys = Enumerable.Range(1, 256).Select(i => Key(i, 0xC0)).ToArray();

        _state = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        Seed(_state, owner, 1, out var netuid, out var hotkey);
        SeedStakers(_state, netuid);

        var w = new global::TaoSharp.Primitives.Scale.ScaleWriter();
        w.WriteU8(PalletIndices.SubtensorModule);
        w.WriteU8(2); // add_stake
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU64(10_000_000);
        _addStakeCall = w.ToArray();

        _rocksPath = Path.Combine(Path.GetTempPath(), "taosharp-bench-stake-" + Guid.NewGuid().ToString("N"));
        _rocksStore = RocksDbKeyValueStore.Open(_rocksPath);
        _rocksDb = StateDb.Open(_rocksStore);
        var seed = _rocksDb.CreateOverlay();
        Seed(seed, owner, 1, out var rocksNetuid, out _);
        SeedStakers(seed, rocksNetuid);
        _rocksDb.Commit(seed);

        _coinbaseState = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
        Seed(_coinbaseState, owner, 128, out _, out _);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rocksStore.Dispose();
        Directory.Delete(_rocksPath, recursive: true);
    }

    /// <summary>Decode + dispatch of 1 000 add_stake extrinsics on one overlay (what a block's executor does).</summary>
    private ulong Dispatch(StateOverlay state)
    {
        var events = new EventLog();
        ulong failures = 0;
        var block = new BlockNumber(++_block);
        for (var i = 0; i < Ops; i++)
        {
            var call = _calls.Decode(_addStakeCall);
            var ctx = new CallContext(state, Origin.Signed(_coldkeys[i & 255]), block, events);
            if (ctx.Transactional(() => call.Call.Dispatch(ctx)) is not null) failures++;
        }

        return failures;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public ulong AddStakeDispatchedInMemory() => Dispatch(_state);

    [Benchmark(OperationsPerInvoke = Ops)]
    public ulong AddStakeDispatchedRocksDbCommitPer1000()
    {
        var overlay = _rocksDb.CreateOverlay();
        var failures = Dispatch(overlay);
        _rocksDb.Commit(overlay);
        return failures;
    }

    /// <summary>The staking operation alone (no decode, no events), for comparison with the dispatched path.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public ulong AddStakeOperationInMemory()
    {
        ulong total = 0;
        var hotkey = Key(0, 0xA0);
        for (var i = 0; i < Ops; i++)
        {
            _state.BeginTransaction();
            total += _staking.AddStake(_state, _coldkeys[i & 255], hotkey, new NetUid(1), 10_000_000, null, false, null);
            _state.CommitTransaction();
        }

        return total;
    }

    /// <summary>One block step on the same 128-subnet state each time: the step runs in a storage transaction that is
    /// rolled back afterwards, so every invocation reads the seeded state rather than a growing pile of earlier writes.</summary>
    [Benchmark]
    public int CoinbaseBlockStep128Subnets()
    {
        _coinbaseState.BeginTransaction();
        var ran = _coinbase.Run(_coinbaseState, ++_block, null).Count;
        _coinbaseState.RollbackTransaction();
        return ran;
    }
}
