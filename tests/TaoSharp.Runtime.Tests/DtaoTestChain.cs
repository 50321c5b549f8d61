using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Runtime.Tests;

/// <summary>An in-memory chain with the dTAO books initialised, funded accounts and helpers to open subnets.</summary>
public sealed class DtaoTestChain
{
    public StateOverlay State { get; } = new(new ColumnStateReader(new InMemoryKeyValueStore()));
    public EventLog Events { get; } = new();
    public StakingOperations Staking { get; } = new(EconomicsProfile.Current);
    public CoinbaseBlockStep Coinbase { get; } = new(CoinbaseSettings.Current);
    public NetworkRegistration Networks { get; } = new(EconomicsProfile.Current);
    public ulong Block { get; set; } = 1;

    public DtaoTestChain(params AccountId[] funded)
    {
        foreach (var a in funded) TaoBalances.SetFree(State, a, new TaoBalance(1_000_000_000_000_000));
        DtaoGenesis.Initialize(State);
        SubtensorStorage.NetworkMinLockCost.Set(State, 100_000_000_000);
        SubtensorStorage.NetworkLastLockCost.Set(State, 100_000_000_000);
        SubtensorStorage.NetworkRateLimit.Set(State, 0);
    }

    public static AccountId Key(int id, byte kind = 0xC0)
    {
        var bytes = new byte[32];
        bytes[0] = kind;
        bytes[1] = (byte)id;
        bytes[2] = (byte)(id >> 8);
        return AccountId.FromBytes(bytes);
    }

    /// <summary>Registers a subnet owned by <paramref name="owner"/> and opens it (start_call, emission on).</summary>
    public NetUid OpenSubnet(AccountId owner, AccountId ownerHotkey, ushort tempo = 10)
    {
        var n = Networks.Register(State, owner, ownerHotkey, Block, Events);
        NetworkRegistration.StartCall(State, owner, n, Block, Events);
        SubtensorStorage.SubnetEmissionEnabled.Set(State, n, true);
        SubtensorStorage.Tempo.Set(State, n, tempo);
        return n;
    }

    /// <summary>Runs an operation as an extrinsic: all or nothing; returns the error if it failed.</summary>
    public DispatchError? Try(Action op)
    {
        var checkpoint = Events.Checkpoint();
        State.BeginTransaction();
        try
        {
            op();
            State.CommitTransaction();
            return null;
        }
        catch (DispatchException e)
        {
            State.RollbackTransaction();
            Events.RollbackTo(checkpoint);
            return e.Error;
        }
    }

    /// <summary>
    /// Runs <paramref name="op"/> like <see cref="Try"/> and, when it fails, asserts that the whole state (every key and
    /// value) and the event log are exactly as before: all-or-nothing checked on everything, not on chosen items.
    /// </summary>
    public DispatchError? TryAllOrNothing(Action op)
    {
        var before = StateFingerprint();
        var events = Events.Checkpoint();
        var error = Try(op);
        if (error is not null)
        {
            Assert.Equal(before, StateFingerprint());
            Assert.Equal(events, Events.Checkpoint());
        }
        return error;
    }

    /// <summary>A hash of every key and value in the state, in key order.</summary>
    public string StateFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var (key, value) in State.IteratePrefix([]))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, key.Length);
            hash.AppendData(length);
            hash.AppendData(key);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, value.Length);
            hash.AppendData(length);
            hash.AppendData(value);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public void NextBlock()
    {
        Block++;
        Coinbase.Run(State, Block, Events);
    }

    public void AssertInvariants()
    {
        var errors = DtaoInvariants.Check(State);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
