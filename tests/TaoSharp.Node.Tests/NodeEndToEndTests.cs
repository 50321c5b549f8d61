using System.Text.Json.Nodes;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;

namespace TaoSharp.Node.Tests;

/// <summary>Starts real node processes on loopback and drives them over JSON-RPC only.</summary>
public sealed class NodeEndToEndTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("taosharp-e2e-").FullName;
    private NodeProcess _node = null!;
    private RpcClient _rpc = null!;
    private DevSigner _dev = null!;

    public async Task InitializeAsync()
    {
        _node = await NodeProcess.StartAsync(_dir);
        _rpc = new RpcClient(_node.Http);
        _dev = await DevSigner.ForNodeAsync(_rpc);
    }

    public Task DisposeAsync()
    {
        _dev.Dispose();
        _rpc.Dispose();
        _node.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Standard_methods_answer()
    {
        Assert.Equal("TaoSharp Development", (string?)await _rpc.CallAsync("system_chain"));
        var health = (await _rpc.CallAsync("system_health"))!;
        Assert.False((bool)health["isSyncing"]!);
        var props = (await _rpc.CallAsync("system_properties"))!;
        Assert.Equal(42, (int)props["ss58Format"]!);
        Assert.Equal(9, (int)props["tokenDecimals"]!);
        var header = (await _rpc.CallAsync("chain_getHeader"))!;
        Assert.Equal((string?)await _rpc.CallAsync("chain_getFinalizedHead"), (string?)header["hash"]);
        var genesis = (await _rpc.CallAsync("chain_getBlock", (string?)await _rpc.CallAsync("chain_getBlockHash", 0)))!;
        Assert.Equal("0x0", (string?)genesis["block"]!["header"]!["number"]);
        Assert.Equal(0u, (uint)(await _rpc.CallAsync("system_accountNextIndex", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"))!);
        var alice = (await _rpc.CallAsync("tao_getBalance", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"))!;
        Assert.Equal(1_000_000_000_000_000UL, (ulong)alice["free"]!);

        // System.Account(Alice) under its Substrate key: twox128("System") ++ twox128("Account") ++ blake2_128_concat(id).
        var key = Convert.ToHexStringLower(TaoSharp.Primitives.Hashing.StorageKeys.Prefix("System", "Account"))
            + Convert.ToHexStringLower(TaoSharp.Primitives.Hashing.StorageKeys.HashKey(
                TaoSharp.Primitives.Hashing.StorageHasher.Blake2_128Concat, _dev.Account("//Alice").ToArray()));
        var value = (string?)await _rpc.CallAsync("state_getStorage", "0x" + key);
        Assert.NotNull(value);
        Assert.Equal(2 + 2 * (16 + 24 + 16), value!.Length);
        var keys = (JsonArray)(await _rpc.CallAsync("state_getKeysPaged", "0x" + key[..64], 3))!;
        Assert.Equal(3, keys.Count);
    }

    [Fact]
    public async Task Submit_and_watch_reports_ready_in_block_and_finalized_then_state_shows_the_transfer()
    {
        await using var ws = await WsRpcClient.ConnectAsync(_node.Ws);
        var heads = await ws.SubscribeAsync("chain_subscribeNewHeads");
        var dest = AccountId.FromBytes(Enumerable.Repeat((byte)0x42, 32).ToArray());
        var status = await ws.SubscribeAsync("author_submitAndWatchExtrinsic", _dev.Transfer("//Bob", dest, 7_000_000_000, 0));
        var seen = new List<JsonNode?>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var s in status.ReadAllAsync(cts.Token))
            {
                seen.Add(s);
                if (s is JsonObject o && o.ContainsKey("finalized")) break;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no \"finalized\" status within 60 s; seen [{string.Join(", ", seen.Select(x => x?.ToJsonString()))}]\n{_node.OutputTail}");
        }
        Assert.Equal("ready", (string?)seen[0]);
        var inBlock = (string)seen.OfType<JsonObject>().First(o => o.ContainsKey("inBlock"))["inBlock"]!;
        var block = (await _rpc.CallAsync("chain_getBlock", inBlock))!;
        Assert.Single((JsonArray)block["block"]!["extrinsics"]!);
        var events = (await _rpc.CallAsync("tao_getEvents", inBlock))!;
        Assert.True((bool)events["extrinsics"]![0]!["success"]!);

        var balance = (await _rpc.CallAsync("tao_getBalance", dest.ToHex()))!;
        Assert.Equal(7_000_000_000UL, (ulong)balance["free"]!);
        Assert.Equal(1u, (uint)(await _rpc.CallAsync("system_accountNextIndex", _dev.Account("//Bob").ToHex()))!);

        // The head subscription sent the current head, then the new block.
        var firstHead = await heads.ReadAsync(cts.Token);
        Assert.NotNull(firstHead!["number"]);
        JsonNode? h;
        do h = await heads.ReadAsync(cts.Token);
        while ((string?)h!["hash"] != inBlock);
    }

    [Fact]
    public async Task Malformed_extrinsics_and_bad_requests_get_clear_errors_and_change_nothing()
    {
        var rootBefore = (string?)(await _rpc.CallAsync("chain_getHeader"))!["stateRoot"];
        var dest = AccountId.FromBytes(Enumerable.Repeat((byte)0x43, 32).ToArray());

        async Task<RpcError> Refused(string hex) => await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("author_submitExtrinsic", hex));

        var garbage = await Refused("0xdeadbeef");
        Assert.Equal(1010, garbage.Code);
        Assert.Contains("Malformed", garbage.Detail);

        var good = Convert.FromHexString(_dev.Transfer("//Charlie", dest, 1_000_000, 0)[2..]);
        good[^1] ^= 0xff;
        var badSig = await Refused(DevSigner.Hex(good));
        Assert.Contains("BadProof", badSig.Detail);

        var other = new ExtrinsicSigner(_dev.Chain with { GenesisHash = Hash256.Zero });
        var wrongGenesis = await Refused(DevSigner.Hex(other.Sign(_dev.Key("//Charlie"), CallBuilder.TransferKeepAlive(dest, 1_000_000), 0).Encoded));
        Assert.Contains("BadProof", wrongGenesis.Detail);

        var farNonce = await Refused(_dev.Transfer("//Charlie", dest, 1_000_000, 100_000));
        Assert.Contains("Future", farNonce.Detail);

        var oversize = await Refused("0x" + new string('0', 2 * (Extrinsic.MaxEncodedLength + 16)));
        Assert.Equal(-32602, oversize.Code);

        var badParams = await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("chain_getBlockHash", "not a number"));
        Assert.Equal(-32602, badParams.Code);
        var unknown = await Assert.ThrowsAsync<RpcError>(() => _rpc.CallAsync("no_suchMethod"));
        Assert.Equal(-32601, unknown.Code);
        var parse = await _rpc.RawAsync("{ not json");
        Assert.Equal(-32700, (int)parse["error"]!["code"]!);

        Assert.Equal(rootBefore, (string?)(await _rpc.CallAsync("chain_getHeader"))!["stateRoot"]);
        Assert.Equal(0, (int)(await _rpc.CallAsync("tao_getBalance", dest.ToHex()))!["free"]!);
    }

    [Fact]
    public async Task Metrics_are_exposed_in_prometheus_format()
    {
        await _rpc.CallAsync("system_health");
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(_node.Http, "metrics"));
        Assert.Contains("taosharp_head_number", text);
        Assert.Contains("taosharp_rpc_seconds_count{method=\"system_health\"}", text);
    }
}
