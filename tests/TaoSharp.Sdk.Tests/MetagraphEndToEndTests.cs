using TaoSharp.Crypto.SecretUri;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

/// <summary>
/// One real node with a subnet created, started and populated only through signed extrinsics, shared by the tests of
/// <see cref="MetagraphEndToEndTests"/> (they run one after another; the re-sync test adds a UID, so the others
/// check the first UIDs rather than the exact count).
/// </summary>
public sealed class MetagraphNodeFixture : IAsyncLifetime
{
    public const int Miners = 3;
    private ClientTestNode _node = null!;

    public TaoClient Client { get; private set; } = null!;
    public ushort Netuid { get; private set; }
    public AccountId Alice { get; } = MetagraphEndToEndTests.Account("//Alice");
    public AccountId OwnerHotkey { get; } = MetagraphEndToEndTests.Account("//Alice//subnet-owner");
    public AccountId[] MinerHotkeys { get; } = [.. Enumerable.Range(0, Miners).Select(i => MetagraphEndToEndTests.Account($"//Bob//miner{i}"))];

    public async Task InitializeAsync()
    {
        _node = await ClientTestNode.StartAsync();
        Client = await TaoClient.ConnectAsync(_node.Ws);
        var tx = new TransactionSubmitter(Client);
        using var alice = SecretUriResolver.Resolve("//Alice").Pair;
        using var bob = SecretUriResolver.Resolve("//Bob").Pair;
        var queries = new SubnetQueries(Client);
        var before = (await queries.AllSubnetsAsync()).Select(s => s.Netuid).ToHashSet();

        await MetagraphEndToEndTests.Ok(tx.SubmitAsync(new KeyPairSigner(alice), Calls.RegisterNetwork(OwnerHotkey)));
        Netuid = (await queries.AllSubnetsAsync()).Select(s => s.Netuid).Single(n => !before.Contains(n));
        await MetagraphEndToEndTests.Ok(tx.SubmitAsync(new KeyPairSigner(alice), Calls.StartCall(new NetUid(Netuid))));
        foreach (var hk in MinerHotkeys)
            await MetagraphEndToEndTests.Ok(tx.SubmitAsync(new KeyPairSigner(bob), Calls.BurnedRegister(new NetUid(Netuid), hk)));
        await MetagraphEndToEndTests.Ok(tx.SubmitAsync(new KeyPairSigner(alice), Calls.AddStake(MinerHotkeys[1], new NetUid(Netuid), new TaoBalance(20_000_000_000))));
        using var miner0 = SecretUriResolver.Resolve("//Bob//miner0").Pair;
        await MetagraphEndToEndTests.Ok(tx.SubmitAsync(new KeyPairSigner(miner0), Calls.ServeAxon(new NetUid(Netuid), 7, 0x08080404, 8091, 4)));
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await _node.DisposeAsync();
    }
}

/// <summary>Domain queries and the metagraph against a real node process (see <see cref="MetagraphNodeFixture"/>).</summary>
public sealed class MetagraphEndToEndTests(MetagraphNodeFixture fixture) : IClassFixture<MetagraphNodeFixture>
{
    private const int Miners = MetagraphNodeFixture.Miners;
    private readonly TaoClient _client = fixture.Client;
    private readonly ushort _netuid = fixture.Netuid;
    private readonly AccountId _alice = fixture.Alice;
    private readonly AccountId _ownerHotkey = fixture.OwnerHotkey;
    private readonly AccountId[] _miners = fixture.MinerHotkeys;

    internal static AccountId Account(string uri)
    {
        using var k = SecretUriResolver.Resolve(uri).Pair;
        return AccountId.FromBytes(k.PublicKey);
    }

    internal static async Task Ok(Task<TransactionResult> submission)
    {
        var r = await submission;
        Assert.True(r.Success, r.Error);
    }

    private static string Ss58(AccountId id) => TaoSharp.Crypto.Ss58.Ss58Address.Encode(id.AsSpan());

    [Fact]
    public async Task Subnet_queries_describe_the_subnet_built_by_extrinsics()
    {
        var q = new SubnetQueries(_client);
        var info = (await q.SubnetInfoAsync(_netuid))!;
        Assert.Equal(Ss58(_alice), info.OwnerColdkey);
        Assert.Equal(Ss58(_ownerHotkey), info.OwnerHotkey);
        Assert.True(info.SubnetworkN >= 1 + Miners);
        Assert.True(info.SubtokenEnabled);
        Assert.Equal(info.Burn, await q.BurnCostAsync(_netuid));
        Assert.Null(await q.SubnetInfoAsync(999));
        Assert.Null(await q.BurnCostAsync(999));
        Assert.True((await q.LockCostAsync()).Rao > 0);

        var dyn = (await q.DynamicInfoAsync(_netuid))!;
        Assert.Equal("weighted", dyn.PoolModel);
        Assert.True(dyn.TaoIn.Rao > 0 && dyn.AlphaIn.Raw > 0);
        var price = (await q.AlphaPriceAsync(_netuid))!;
        Assert.Equal(dyn.PriceRao, price.PriceRao);
        Assert.InRange(price.Value * 1_000_000_000m - price.PriceRao, 0m, 1m);
        Assert.Contains(await q.AllDynamicInfoAsync(), d => d.Netuid == _netuid);

        var h = (await q.HyperparamsAsync(_netuid))!;
        Assert.Equal(info.Tempo, h.Tempo);
        Assert.Equal(info.Kappa, h.Kappa);

        var stakes = await q.StakeInfoForColdkeyAsync(_alice);
        var position = Assert.Single(stakes, s => s.Netuid == _netuid && s.Hotkey == Ss58(_miners[1]));
        Assert.True(position.Stake.Raw > 0 && position.IsRegistered);
        var d = (await q.DelegateAsync(_miners[1]))!;
        Assert.Contains(d.Nominators, n => n.Coldkey == Ss58(_alice));
        Assert.Contains(_netuid, d.Registrations);

        Assert.Empty(await q.ChildKeysAsync(_miners[1], _netuid));
        Assert.Empty(await q.ParentKeysAsync(_miners[1], _netuid));
        var axon = (await q.AxonAsync(_netuid, _miners[0]))!;
        Assert.Equal("8.8.4.4", axon.Ip);
        Assert.Equal(8091, axon.Port);
        Assert.Equal("/ipv4/8.8.4.4:8091", axon.Address);

        // Neuron info carries the Prometheus endpoint; none was served here, so it is all zeros.
        var neurons = (await q.NeuronsLiteAsync(_netuid))!;
        Assert.True(neurons.Count >= 1 + Miners);
        Assert.All(neurons, n => Assert.Equal(0, Assert.IsType<PrometheusInfo>(n.PrometheusInfo).Port));
    }

    [Fact]
    public async Task Swap_quote_matches_the_stake_credited_by_the_next_add_stake()
    {
        var q = new SubnetQueries(_client);
        using var alice = SecretUriResolver.Resolve("//Alice").Pair;
        var quote = await q.SimSwapTaoForAlphaAsync(_netuid, new TaoBalance(3_000_000_000));
        var before = (await q.StakeInfoForColdkeyAsync(_alice)).Single(s => s.Netuid == _netuid && s.Hotkey == Ss58(_miners[1])).Stake.Raw;
        await Ok(new TransactionSubmitter(_client).SubmitAsync(new KeyPairSigner(alice), Calls.AddStake(_miners[1], new NetUid(_netuid), new TaoBalance(3_000_000_000))));
        var after = (await q.StakeInfoForColdkeyAsync(_alice)).Single(s => s.Netuid == _netuid && s.Hotkey == Ss58(_miners[1])).Stake.Raw;
        // The pool did not move in between (no emission yet on a fresh subnet), so the quote is exact.
        Assert.InRange((long)(after - before) - (long)quote.AmountOut, -1, 1);
        Assert.Equal(3_000_000_000UL, quote.AmountIn);

        var refused = await Assert.ThrowsAsync<RpcCallException>(() => q.SimSwapTaoForAlphaAsync(_netuid, new TaoBalance(5)));
        Assert.Equal(SubnetQueries.SwapRefusedCode, refused.Code);
        Assert.Contains("AmountTooLow", refused.Message);
        var unknown = await Assert.ThrowsAsync<RpcCallException>(() => q.SimSwapAlphaForTaoAsync(999, new AlphaBalance(1_000_000_000)));
        Assert.Contains("SubnetNotExists", unknown.Message);
    }

    [Fact]
    public async Task Bad_params_are_refused_with_invalid_params()
    {
        var e = await Assert.ThrowsAsync<RpcCallException>(() => _client.CallAsync("subnetInfo_getSubnetInfo", ["one"]));
        Assert.Equal(-32602, e.Code);
        e = await Assert.ThrowsAsync<RpcCallException>(() => _client.CallAsync("subnetInfo_getSubnetInfo", [70000]));
        Assert.Equal(-32602, e.Code);
        e = await Assert.ThrowsAsync<RpcCallException>(() => new SubnetQueries(_client).SelectiveMetagraphAsync(_netuid, ["hotkeys", "no_such_field"]));
        Assert.Equal(-32602, e.Code);
        Assert.Contains("no_such_field", e.Message);
    }

    [Fact]
    public async Task Lite_and_full_metagraphs_have_the_subnet_vectors_units_and_axons()
    {
        var lite = (await Metagraph.SyncAsync(_client, _netuid))!;
        Assert.True(lite.N >= 1 + Miners);
        Assert.Equal([Ss58(_ownerHotkey), .. _miners.Select(Ss58)], lite.Hotkeys.Take(1 + Miners));
        Assert.Equal(Enumerable.Range(0, lite.N), lite.Uids.Select(u => (int)u));
        Assert.Null(lite.Weights);
        Assert.True(lite.AlphaStakeRaw[2].Raw > 0);
        Assert.Equal(lite.AlphaStakeRaw[2].Raw / 1_000_000_000m, lite.AlphaStake[2]);
        Assert.Equal("/ipv4/8.8.4.4:8091", lite.Axons[1].Address);
        Assert.All(lite.PruningScore, p => Assert.Equal(1f, p));
        Assert.NotNull(lite.Hparams);
        Assert.NotNull(lite.Pool);
        // No identities were set on this chain: one null entry per uid, and no subnet identity.
        Assert.Equal(lite.N, lite.Identities.Length);
        Assert.All(lite.Identities, Assert.Null);
        Assert.Null(lite.Identity);

        var full = (await Metagraph.SyncAsync(_client, _netuid, lite: false))!;
        Assert.NotNull(full.Weights);
        Assert.Equal(full.N, full.Weights!.Length);
        Assert.All(full.Weights, row => Assert.Equal(full.N, row.Length));
        Assert.Equal(full.N, full.Bonds!.Length);
        Assert.Null(await Metagraph.SyncAsync(_client, 999));

        var selective = (await new SubnetQueries(_client).SelectiveMetagraphAsync(_netuid, ["hotkeys", "incentive"]))!;
        Assert.Equal(lite.Hotkeys, selective.Hotkeys);
        Assert.NotNull(selective.Incentive);
        Assert.Null(selective.Coldkeys);
        Assert.Null(selective.Hparams);
    }

    [Fact]
    public async Task Resync_fetches_only_after_the_head_moved_and_save_load_round_trips()
    {
        var g = (await Metagraph.SyncAsync(_client, _netuid))!;
        var head = await new ChainQueries(_client).BestBlockNumberAsync();
        if (head == g.Block) Assert.False(await g.ResyncAsync(_client));

        using var bob = SecretUriResolver.Resolve("//Bob").Pair;
        var extra = Account("//Bob//miner-late");
        await Ok(new TransactionSubmitter(_client).SubmitAsync(new KeyPairSigner(bob), Calls.BurnedRegister(new NetUid(_netuid), extra)));
        var n = g.N;
        Assert.True(await g.ResyncAsync(_client));
        Assert.Equal(n + 1, g.N);
        Assert.Equal(Ss58(extra), g.Hotkeys[^1]);

        var path = Path.Combine(Path.GetTempPath(), $"metagraph-{Guid.NewGuid():N}.json");
        try
        {
            g.Save(path);
            var loaded = Metagraph.Load(path);
            Assert.Equal(g.Block, loaded.Block);
            Assert.Equal(g.Hotkeys, loaded.Hotkeys);
            Assert.Equal(g.TotalStakeRaw, loaded.TotalStakeRaw);
            Assert.Equal(g.Axons, loaded.Axons);
            Assert.Equal(g.Lite, loaded.Lite);
            File.WriteAllText(path, "{\"format_version\":1,\"netuid\":1");
            Assert.Throws<InvalidDataException>(() => Metagraph.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
