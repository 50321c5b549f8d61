using TaoSharp.Chain.Extrinsics;
using TaoSharp.Crypto;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Primitives;

namespace TaoSharp.Node.Tests;

/// <summary>Dev accounts and a signer bound to a running node's chain identity (read over RPC).</summary>
internal sealed class DevSigner : IDisposable
{
    // Load tasks of the crash test sign from several threads at once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IKeyPair> _keys = new();

    private DevSigner(ChainIdentity chain)
    {
        Chain = chain;
        Signer = new ExtrinsicSigner(chain);
    }

    public ChainIdentity Chain { get; }
    public ExtrinsicSigner Signer { get; }

    public static async Task<DevSigner> ForNodeAsync(RpcClient rpc)
    {
        var genesis = Hash256.ParseHex((string)(await rpc.CallAsync("chain_getBlockHash", 0))!);
        var version = (await rpc.CallAsync("state_getRuntimeVersion"))!;
        return new DevSigner(new ChainIdentity(genesis, (uint)version["specVersion"]!, (uint)version["transactionVersion"]!));
    }

    public IKeyPair Key(string uri)
    {
        if (_keys.TryGetValue(uri, out var k)) return k;
        var created = SecretUriResolver.Resolve(uri).Pair;
        var stored = _keys.GetOrAdd(uri, created);
        if (!ReferenceEquals(stored, created)) created.Dispose();
        return stored;
    }

    public AccountId Account(string uri) => AccountId.FromBytes(Key(uri).PublicKey);

    public string Transfer(string from, AccountId to, ulong rao, uint nonce) =>
        Hex(Signer.Sign(Key(from), CallBuilder.TransferKeepAlive(to, rao), nonce).Encoded);

    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public void Dispose()
    {
        foreach (var k in _keys.Values) k.Dispose();
    }
}
