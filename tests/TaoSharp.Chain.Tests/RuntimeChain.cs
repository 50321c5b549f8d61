using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Chain.Genesis;
using TaoSharp.Chain.Pool;
using TaoSharp.Crypto;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// An in-memory chain with the full Runtime wiring (dispatch table, coinbase/epoch hooks, dTAO genesis) and funded
/// coldkeys; hotkeys are separate unfunded keys (the calls they sign are Pays::No). Key 0 is the sudo key.
/// </summary>
internal sealed class RuntimeChain : IDisposable
{
    public const ulong Tao = 1_000_000_000;
    public const ulong Endowment = 1_000_000 * Tao;

    public RuntimeChain(int coldkeys = 6, int hotkeys = 8, string profile = ChainProfile.Current, BlockLimits? limits = null, IBlockHooks? hooks = null)
    {
        Coldkeys = Enumerable.Range(0, coldkeys).Select(i => (IKeyPair)Sr25519KeyPair.FromMiniSecret(Seed(i, 0x11))).ToList();
        Hotkeys = Enumerable.Range(0, hotkeys).Select(i => (IKeyPair)Sr25519KeyPair.FromMiniSecret(Seed(i, 0x22))).ToList();
        Genesis = new GenesisSpec("runtime-test", profile, 1_700_000_000_000, Cold(0),
            [.. Coldkeys.Select(k => (AccountId.FromBytes(k.PublicKey), Endowment))]);
        Options = new ChainOptions(RuntimeCalls.CreateTable(ChainProfile.Economics(profile)), hooks ?? RuntimeHooks.Create(profile), FeeSchedule.Default,
            CryptoSignatureVerifier.Instance, new PoolOptions()) { Limits = limits ?? BlockLimits.Default };
        Chain = Blockchain.Open(new InMemoryKeyValueStore(), Genesis, Options);
        Signer = new ExtrinsicSigner(Chain.Identity);
    }

    public List<IKeyPair> Coldkeys { get; }
    public List<IKeyPair> Hotkeys { get; }
    public GenesisSpec Genesis { get; }
    public ChainOptions Options { get; }
    public Blockchain Chain { get; }
    public ExtrinsicSigner Signer { get; }

    public Storage.IStateReader State => Chain.HeadState;

    public ulong Head => Chain.Head.Number;

    public AccountId Cold(int i) => AccountId.FromBytes(Coldkeys[i].PublicKey);

    public AccountId Hot(int i) => AccountId.FromBytes(Hotkeys[i].PublicKey);

    public Extrinsic Sign(IKeyPair key, byte[] call) =>
        Signer.Sign(key, call, TaoBalances.Nonce(State, AccountId.FromBytes(key.PublicKey)));

    /// <summary>Submits one signed call, authors a block with it and returns its receipt.</summary>
    public ExtrinsicReceipt Run(IKeyPair key, byte[] call)
    {
        var x = Sign(key, call);
        Chain.Submit(x.Encoded);
        var block = Author();
        return Assert.Single(block.Events.Receipts, r => r.ExtrinsicHash == x.Hash);
    }

    public ExtrinsicReceipt RunOk(IKeyPair key, byte[] call)
    {
        var r = Run(key, call);
        Assert.True(r.Success, $"expected success, got {r.Error}: {string.Join("; ", r.Events)}");
        return r;
    }

    /// <summary>Sudo.sudo(inner) signed by key 0; asserts the inner call's result ("Ok" or "Err(Name)").</summary>
    public ExtrinsicReceipt Sudo(byte[] inner, string expected = "Ok")
    {
        var r = RunOk(Coldkeys[0], CallBuilder.Sudo(inner));
        Assert.Equal(expected, Assert.Single(r.Events, e => e.Name == "Sudid")["sudo_result"]);
        return r;
    }

    /// <summary>The author of the blocks <see cref="Author"/> makes (zero = none: swap fees are burned).</summary>
    public AccountId BlockAuthor { get; set; }

    public ImportedBlock Author() => Chain.AuthorBlock(1_700_000_000_000 + (Head + 1) * 12_000, BlockAuthor, 10_000);

    public void AuthorEmpty(int blocks)
    {
        for (var k = 0; k < blocks; k++) Author();
    }

    /// <summary>
    /// Executes <paramref name="call"/> on the head state without committing and asserts it failed with
    /// <paramref name="error"/> and wrote nothing beyond what the same block without it writes, except the signer's
    /// account (fee, nonce) and the two issuance counters (the burned fee). Returns the receipt.
    /// </summary>
    public ExtrinsicReceipt AssertFailsUnchanged(IKeyPair key, byte[] call, string error, bool paysFee)
    {
        var number = Head + 1;
        var x = Sign(key, call);
        var without = Chain.Executor.Execute(State, number, Chain.HashAt, [], dropInvalid: true, checkSignatures: true);
        var with = Chain.Executor.Execute(State, number, Chain.HashAt, [x], dropInvalid: true, checkSignatures: true);
        Assert.Empty(with.Refused);
        var receipt = Assert.Single(with.Events.Receipts);
        Assert.False(receipt.Success, $"expected {error}, the call succeeded");
        Assert.Equal(error, receipt.Error);

        var signer = AccountId.FromBytes(key.PublicKey);
        var allowed = new HashSet<string>
        {
            Convert.ToHexString(BalancesStorage.Account.Key(signer)),
            Convert.ToHexString(BalancesStorage.TotalIssuance.Key()),
            Convert.ToHexString(SubtensorStorage.TotalIssuance.Key()),
        };
        var a = without.State.Changes.ToDictionary(c => Convert.ToHexString(c.Key), c => c.Value is null ? "-" : Convert.ToHexString(c.Value));
        var b = with.State.Changes.ToDictionary(c => Convert.ToHexString(c.Key), c => c.Value is null ? "-" : Convert.ToHexString(c.Value));
        var differing = a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k) && !allowed.Contains(k)).ToList();
        Assert.Empty(differing);

        var before = TaoBalances.Free(State, signer).Rao;
        var after = TaoBalances.Free(with.State, signer).Rao;
        if (paysFee)
        {
            Assert.True(receipt.Fee > 0);
            Assert.Equal(before - receipt.Fee, after);
        }
        else
        {
            Assert.Equal(0UL, receipt.Fee);
            Assert.Equal(before, after);
        }
        Assert.Equal(TaoBalances.Nonce(State, signer) + 1, TaoBalances.Nonce(with.State, signer));
        return receipt;
    }

    private static byte[] Seed(int i, byte tag)
    {
        var s = new byte[32];
        s[0] = (byte)(i + 1);
        s[1] = tag;
        return s;
    }

    public void Dispose()
    {
        foreach (var k in Coldkeys.Concat(Hotkeys)) k.Dispose();
        Chain.Dispose();
    }
}

/// <summary>Call bytes of the SubtensorModule / AdminUtils calls the tests use (layouts of docs/calls.md).</summary>
internal static class SubtensorCalls
{
    private static ScaleWriter Sub(byte index) => CallBuilder.Begin(PalletIndices.SubtensorModule, index);

    private static ScaleWriter Admin(byte index) => CallBuilder.Begin(PalletIndices.AdminUtils, index);

    public static byte[] RegisterNetwork(AccountId hotkey) => Done(Sub(59), w => w.WriteFixed(hotkey.AsSpan()));

    public static byte[] StartCall(ushort netuid) => Done(Sub(92), w => w.WriteU16(netuid));

    public static byte[] BurnedRegister(ushort netuid, AccountId hotkey) => Done(Sub(7), w =>
    {
        w.WriteU16(netuid);
        w.WriteFixed(hotkey.AsSpan());
    });

    public static byte[] RegisterLimit(ushort netuid, AccountId hotkey, ulong limit) => Done(Sub(134), w =>
    {
        w.WriteU16(netuid);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU64(limit);
    });

    public static byte[] PowRegister(ushort netuid, AccountId hotkey, AccountId coldkey) => Done(Sub(6), w =>
    {
        w.WriteU16(netuid);
        w.WriteU64(123);
        w.WriteU64(456);
        w.WriteBytes([1, 2, 3]);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteFixed(coldkey.AsSpan());
    });

    public static byte[] AddStake(AccountId hotkey, ushort netuid, ulong rao) => Done(Sub(2), w =>
    {
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid);
        w.WriteU64(rao);
    });

    public static byte[] RemoveStake(AccountId hotkey, ushort netuid, ulong alpha) => Done(Sub(3), w =>
    {
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid);
        w.WriteU64(alpha);
    });

    public static byte[] SetWeights(ushort netuid, ushort[] uids, ushort[] values, ulong version = 0) => Done(Sub(0), w =>
    {
        w.WriteU16(netuid);
        U16s(w, uids);
        U16s(w, values);
        w.WriteU64(version);
    });

    public static byte[] BatchSetWeights(ushort[] netuids, (ushort Uid, ushort Value)[][] rows, ulong[] versions) => Done(Sub(80), w =>
    {
        w.WriteCompact((ulong)netuids.Length);
        foreach (var n in netuids) w.WriteCompact(n);
        w.WriteCompact((ulong)rows.Length);
        foreach (var row in rows)
        {
            w.WriteCompact((ulong)row.Length);
            foreach (var (u, v) in row)
            {
                w.WriteCompact(u);
                w.WriteCompact(v);
            }
        }
        w.WriteCompact((ulong)versions.Length);
        foreach (var v in versions) w.WriteCompact(v);
    });

    public static byte[] CommitWeights(ushort netuid, Hash256 hash) => Done(Sub(96), w =>
    {
        w.WriteU16(netuid);
        w.WriteFixed(hash.AsSpan());
    });

    public static byte[] RevealWeights(ushort netuid, ushort[] uids, ushort[] values, ushort[] salt, ulong version) => Done(Sub(97), w =>
    {
        w.WriteU16(netuid);
        U16s(w, uids);
        U16s(w, values);
        U16s(w, salt);
        w.WriteU64(version);
    });

    public static byte[] ServeAxon(ushort netuid, UInt128 ip, ushort port, byte ipType = 4, uint version = 1, byte[]? certificate = null) =>
        Done(Sub(certificate is null ? (byte)4 : (byte)40), w =>
        {
            w.WriteU16(netuid);
            w.WriteU32(version);
            w.WriteU128(ip);
            w.WriteU16(port);
            w.WriteU8(ipType);
            w.WriteU8(4);
            w.WriteU8(0);
            w.WriteU8(0);
            if (certificate is not null) w.WriteBytes(certificate);
        });

    public static byte[] SetTempo(ushort netuid, ushort tempo) => Done(Sub(139), w =>
    {
        w.WriteU16(netuid);
        w.WriteU16(tempo);
    });

    public static byte[] AdminU64(byte index, ushort netuid, ulong value) => Done(Admin(index), w =>
    {
        w.WriteU16(netuid);
        w.WriteU64(value);
    });

    public static byte[] AdminU16(byte index, ushort netuid, ushort value) => Done(Admin(index), w =>
    {
        w.WriteU16(netuid);
        w.WriteU16(value);
    });

    public static byte[] AdminU128(byte index, ushort netuid, UInt128 value) => Done(Admin(index), w =>
    {
        w.WriteU16(netuid);
        w.WriteU128(value);
    });

    public static byte[] AdminBool(byte index, ushort netuid, bool value) => Done(Admin(index), w =>
    {
        w.WriteU16(netuid);
        w.WriteBool(value);
    });

    public static byte[] AdminGlobalU64(byte index, ulong value) => Done(Admin(index), w => w.WriteU64(value));

    public static byte[] AdminGlobalU16(byte index, ushort value) => Done(Admin(index), w => w.WriteU16(value));

    private static void U16s(ScaleWriter w, ushort[] v)
    {
        w.WriteCompact((ulong)v.Length);
        foreach (var x in v) w.WriteU16(x);
    }

    private static byte[] Done(ScaleWriter w, Action<ScaleWriter> args)
    {
        args(w);
        return w.ToArray();
    }
}
