using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Chain.Genesis;
using TaoSharp.Chain.Pool;
using TaoSharp.Crypto;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Chain.Tests;

/// <summary>An in-memory chain with a few funded sr25519/ed25519 accounts, for tests.</summary>
internal sealed class TestChain : IDisposable
{
    public const ulong Endowment = 1_000_000_000_000; // 1000 TAO

    public TestChain(PoolOptions? pool = null, IKeyValueStore? store = null, int accounts = 4)
    {
        Keys = Enumerable.Range(0, accounts).Select(i => (IKeyPair)Key(i)).ToList();
        Ed = Ed25519KeyPair.FromSeed(Seed(200));
        Store = store ?? new InMemoryKeyValueStore();
        Genesis = new GenesisSpec("test", "current", 1_700_000_000_000, Account(0),
            [.. Keys.Select(k => (AccountId.FromBytes(k.PublicKey), Endowment)), (AccountId.FromBytes(Ed.PublicKey), Endowment)]);
        Chain = Blockchain.Open(Store, Genesis, Options(pool));
        Signer = new ExtrinsicSigner(Chain.Identity);
    }

    public static ChainOptions Options(PoolOptions? pool = null) =>
        new(RuntimeCalls.CreateTable(), NoBlockHooks.Instance, FeeSchedule.Default, CryptoSignatureVerifier.Instance, pool ?? new PoolOptions());

    public List<IKeyPair> Keys { get; }
    public IKeyPair Ed { get; }
    public IKeyValueStore Store { get; }
    public GenesisSpec Genesis { get; }
    public Blockchain Chain { get; }
    public ExtrinsicSigner Signer { get; }

    public AccountId Account(int i) => AccountId.FromBytes(Keys[i].PublicKey);

    public static AccountId Stranger(byte b) => AccountId.FromBytes(Enumerable.Repeat(b, 32).ToArray());

    public Extrinsic Transfer(int from, AccountId to, ulong rao, uint nonce, ulong tip = 0) =>
        Signer.Sign(Keys[from], CallBuilder.TransferKeepAlive(to, rao), nonce, tip);

    public ImportedBlock Author(int max = 10_000) => Chain.AuthorBlock(1_700_000_000_000 + Chain.Head.Number * 12_000 + 12_000, default, max);

    public static Sr25519KeyPair Key(int i) => Sr25519KeyPair.FromMiniSecret(Seed(i));

    private static byte[] Seed(int i)
    {
        var s = new byte[32];
        s[0] = (byte)(i + 1);
        s[31] = 0x5a;
        return s;
    }

    public void Dispose()
    {
        foreach (var k in Keys) k.Dispose();
        Ed.Dispose();
    }
}
