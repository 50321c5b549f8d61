using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;
using TaoSharp.TestKit;

namespace TaoSharp.Node.Tests;

/// <summary>One real node with a subnet (owner UID 0 and one miner) made by signed extrinsics, shared by the domain RPC tests.</summary>
public sealed class DomainNodeFixture : IAsyncLifetime
{
    private const byte SubtensorModule = 7;
    private string _dir = null!;
    private NodeProcess _node = null!;

    internal RpcClient Rpc { get; private set; } = null!;
    internal DevSigner Dev { get; private set; } = null!;
    public ushort Netuid { get; private set; }

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("taosharp-domain-").FullName;
        _node = await NodeProcess.StartAsync(_dir);
        Rpc = new RpcClient(_node.Http);
        Dev = await DevSigner.ForNodeAsync(Rpc);
        var before = ((JsonArray)(await Rpc.CallAsync("subnetInfo_getSubnetsInfo"))!).Select(s => (int)s!["netuid"]!).ToHashSet();
        uint nonce = 0;
        await Include("//Alice", Call(59, w => w.AddRange(Id("//Alice//owner"))), nonce++);
        var after = ((JsonArray)(await Rpc.CallAsync("subnetInfo_getSubnetsInfo"))!).Select(s => (int)s!["netuid"]!).ToList();
        Netuid = (ushort)after.Single(n => !before.Contains(n));
        await Include("//Alice", Call(92, w => w.AddRange(BitConverter.GetBytes(Netuid))), nonce++);
        await Include("//Alice", Call(7, w => { w.AddRange(BitConverter.GetBytes(Netuid)); w.AddRange(Id("//Bob//miner")); }), nonce++);
    }

    public Task DisposeAsync()
    {
        Dev.Dispose();
        Rpc.Dispose();
        _node.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private byte[] Id(string uri) => Dev.Account(uri).AsSpan().ToArray();

    private static byte[] Call(byte index, Action<List<byte>> args)
    {
        var bytes = new List<byte> { SubtensorModule, index };
        args(bytes);
        return [.. bytes];
    }

    private async Task Include(string signer, byte[] call, uint nonce)
    {
        var hash = (string)(await Rpc.CallAsync("author_submitExtrinsic", DevSigner.Hex(Dev.Signer.Sign(Dev.Key(signer), call, nonce).Encoded)))!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await Rpc.CallAsync("tao_findExtrinsic", hash) is JsonObject at)
            {
                var events = (await Rpc.CallAsync("tao_getEvents", (string)at["block"]!))!;
                var receipt = ((JsonArray)events["extrinsics"]!).Single(r => (string)r!["hash"]! == hash)!;
                Assert.True((bool)receipt["success"]!, (string?)receipt["error"]);
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"extrinsic {hash} of {signer} not included within 30 s\n{_node.OutputTail}");
    }
}

/// <summary>
/// The domain JSON-RPC of a real node against its contract: the key lists of every shape are read from
/// docs/rpc-domain.md itself, so the document and the node cannot drift apart unnoticed.
/// </summary>
public sealed partial class DomainRpcTests(DomainNodeFixture fixture) : IClassFixture<DomainNodeFixture>
{
    private readonly RpcClient _rpc = fixture.Rpc;
    private readonly DevSigner _dev = fixture.Dev;
    private readonly ushort _netuid = fixture.Netuid;

    /// <summary>The keys of a shape as docs/rpc-domain.md lists them (nested objects' inner keys dropped).</summary>
    private static string[] DocumentedKeys(string shape)
    {
        var doc = File.ReadAllText(Path.Combine(SharedFiles.RepoRoot, "docs", "rpc-domain.md"));
        var line = doc.Split('\n').Single(l => l.StartsWith($"- **{shape}**:", StringComparison.Ordinal));
        var body = line[(line.IndexOf('{') + 1)..line.LastIndexOf('}')];
        // Remarks may nest parentheses ("(hex of BlakeTwo256(key), or null)"): strip innermost first until none remain.
        for (var previous = ""; previous != body;) (previous, body) = (body, Parenthesised().Replace(body, ""));
        for (var previous = ""; previous != body;) (previous, body) = (body, Nested().Replace(body, ""));
        return [.. body.Split(',').Select(k => k.Trim().Split(':')[0].Trim()).Where(k => k.Length > 0)];
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\{[^{}]*\}|\[[^\[\]]*\]")]
    private static partial Regex Nested();

    private static void AssertShape(string shape, JsonNode? node, params string[] absent)
    {
        var obj = Assert.IsType<JsonObject>(node);
        foreach (var key in DocumentedKeys(shape).Except(absent))
            Assert.True(obj.ContainsKey(key), $"{shape} lacks documented key '{key}'");
    }

    [Fact]
    public async Task Every_shape_has_its_documented_keys()
    {
        AssertShape("SubnetInfo", await _rpc.CallAsync("subnetInfo_getSubnetInfo", _netuid));
        AssertShape("SubnetHyperparams", await _rpc.CallAsync("subnetInfo_getSubnetHyperparams", _netuid));
        AssertShape("DynamicInfo", await _rpc.CallAsync("subnetInfo_getDynamicInfo", _netuid));
        AssertShape("SubnetState", await _rpc.CallAsync("subnetInfo_getSubnetState", _netuid));
        AssertShape("Metagraph", await _rpc.CallAsync("subnetInfo_getMetagraph", _netuid), "weights", "bonds");
        var full = await _rpc.CallAsync("subnetInfo_getMetagraph", _netuid, true);
        AssertShape("Metagraph", full);
        var lite = (JsonArray)(await _rpc.CallAsync("neuronInfo_getNeuronsLite", _netuid))!;
        Assert.Equal(2, lite.Count);
        AssertShape("NeuronInfoLite", lite[1]);
        AssertShape("AxonInfo", lite[1]!["axon_info"]);
        Assert.False(lite[1]!.AsObject().ContainsKey("weights"));
        var neuron = await _rpc.CallAsync("neuronInfo_getNeuron", _netuid, 1);
        AssertShape("NeuronInfoLite", neuron);
        Assert.NotNull(neuron!["weights"]);
        AssertShape("SwapQuote", await _rpc.CallAsync("swap_simSwapTaoForAlpha", _netuid, 5_000_000_000UL));
        AssertShape("DelegateInfo", await _rpc.CallAsync("delegateInfo_getDelegate", Ss58Address.Encode(_dev.Account("//Bob//miner").AsSpan())));
        var alice = Ss58Address.Encode(_dev.Account("//Alice").AsSpan());
        var swap = await _rpc.CallAsync("tao_getColdkeySwap", alice);
        AssertShape("ColdkeySwapStatus", swap);
        Assert.False((bool)swap!["announced"]!);
        Assert.Null(await _rpc.CallAsync("tao_getIdentity", alice));
        Assert.Empty((JsonArray)(await _rpc.CallAsync("subnetInfo_getColdkeyAutoStakeHotkeys", alice))!);
    }

    [Fact]
    public async Task Values_are_ss58_accounts_integer_rao_and_exact_prices()
    {
        var info = (await _rpc.CallAsync("subnetInfo_getSubnetInfo", _netuid))!;
        Assert.Equal(Ss58Address.Encode(_dev.Account("//Alice").AsSpan()), (string)info["owner_coldkey"]!);
        Assert.Equal(2, (int)info["subnetwork_n"]!);
        var burn = (ulong)info["burn"]!;
        Assert.Equal(burn, (ulong)(await _rpc.CallAsync("subnetInfo_getBurnCost", _netuid))!);

        var dyn = (await _rpc.CallAsync("subnetInfo_getDynamicInfo", _netuid))!;
        var price = decimal.Parse((string)dyn["price"]!, System.Globalization.CultureInfo.InvariantCulture);
        var priceRao = (ulong)dyn["price_rao"]!;
        Assert.InRange(price * 1_000_000_000m - priceRao, 0m, 1m);
        var current = (await _rpc.CallAsync("swap_currentAlphaPrice", _netuid))!;
        Assert.Equal(priceRao, (ulong)current["price_rao"]!);

        var hotkeys = ((JsonArray)(await _rpc.CallAsync("subnetInfo_getSelectiveMetagraph", _netuid, new[] { "hotkeys" }))!["hotkeys"]!)
            .Select(h => (string)h!).ToArray();
        Assert.Equal([Ss58Address.Encode(_dev.Account("//Alice//owner").AsSpan()), Ss58Address.Encode(_dev.Account("//Bob//miner").AsSpan())], hotkeys);
        Assert.True((ulong)(await _rpc.CallAsync("subnetInfo_getLockCost"))! > 0);
    }

    [Fact]
    public async Task Unknown_things_are_null_and_bad_params_are_refused()
    {
        Assert.Null(await _rpc.CallAsync("subnetInfo_getSubnetInfo", 500));
        Assert.Null(await _rpc.CallAsync("subnetInfo_getMetagraph", 500));
        Assert.Null(await _rpc.CallAsync("neuronInfo_getNeuron", _netuid, 9));
        Assert.Null(await _rpc.CallAsync("delegateInfo_getDelegate", "0x" + new string('e', 64)));
        Assert.Empty((JsonArray)(await _rpc.CallAsync("stakeInfo_getStakeInfoForColdkey", "0x" + new string('e', 64)))!);
        Assert.Empty((JsonArray)(await _rpc.CallAsync("tao_getChildKeys", "0x" + new string('e', 64), _netuid))!);
        Assert.Empty((JsonArray)(await _rpc.CallAsync("tao_getParentKeys", "0x" + new string('e', 64), _netuid))!);
        Assert.Null(await _rpc.CallAsync("tao_getAxon", _netuid, "0x" + new string('e', 64)));
        Assert.Equal(-32602, (await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("subnetInfo_getSubnetInfo", -1))).Code);
        Assert.Equal(-32602, (await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("subnetInfo_getMetagraph", _netuid, "yes"))).Code);
        Assert.Equal(-32602, (await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("stakeInfo_getStakeInfoForColdkey", "not-an-address"))).Code);
        var refused = await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("swap_simSwapTaoForAlpha", _netuid, 1UL));
        Assert.Equal(1020, refused.Code);
        Assert.Equal("AmountTooLow", refused.Detail);
    }
}
