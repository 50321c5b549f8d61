using BenchmarkDotNet.Attributes;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Benchmarks.Staking;

/// <summary>
/// add_stake through the Runtime (checks, pool swap, share pool, events off) against an in-memory store, each call in
/// its own storage transaction as the executor runs an extrinsic; and one coinbase block step with 128 open subnets
/// and no epoch due. One benchmark operation = 1 000 add_stake calls (OperationsPerInvoke) / one block step.
/// </summary>
[MemoryDiagnoser]
public class StakingBenchmarks
{
    private const int Ops = 1_000;
    private StateOverlay _state = null!;
    private StateOverlay _coinbaseState = null!;
    private readonly StakingOperations _staking = new(EconomicsProfile.Current);
    private readonly CoinbaseBlockStep _coinbase = new(CoinbaseSettings.Current);
    private AccountId[] _coldkeys = [];
    private AccountId _hotkey;
    private NetUid _netuid;
    private ulong _block = 10;

    private static AccountId Key(int id, byte kind)
    {
        var b = new byte[32];
        b[0] = kind;
        b[1] = (byte)id;
        b[2] = (byte)(id >> 8);
        return AccountId.FromBytes(b);
    }

    private static StateOverlay NewChain(AccountId owner, int subnets, out NetUid first, out AccountId firstHotkey)
    {
        var s = new StateOverlay(new ColumnStateReader(new InMemoryKeyValueStore()));
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

        return s;
    }

    [GlobalSetup]
    public void Setup()
    {
        var owner = Key(0, 0xC0);
        _state = NewChain(owner, 1, out _netuid, out _hotkey);
        SubtensorStorage.SubnetTAO.Set(_state, _netuid, 1_000_000_000_000_000);
        SubtensorStorage.SubnetAlphaIn.Set(_state, _netuid, 1_000_000_000_000_000);
        _coldkeys = Enumerable.Range(1, 256).Select(i => Key(i, 0xC0)).ToArray();
        foreach (var c in _coldkeys) TaoBalances.SetFree(_state, c, new TaoBalance(1_000_000_000_000_000));
        _coinbaseState = NewChain(owner, 128, out _, out _);
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public ulong AddStakeInMemory()
    {
        ulong total = 0;
        for (var i = 0; i < Ops; i++)
        {
            _state.BeginTransaction();
            total += _staking.AddStake(_state, _coldkeys[i & 255], _hotkey, _netuid, 10_000_000, null, false, null);
            _state.CommitTransaction();
        }

        return total;
    }

    [Benchmark]
    public int CoinbaseBlockStep128Subnets() => _coinbase.Run(_coinbaseState, ++_block, null).Count;
}
