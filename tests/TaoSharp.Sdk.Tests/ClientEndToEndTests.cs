using System.Net.Sockets;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

/// <summary>The chain client against a real node process on loopback: queries, signed transfers, errors, fallback.</summary>
public sealed class ClientEndToEndTests : IAsyncLifetime
{
    private const ulong AliceGenesisFree = 1_000_000_000_000_000;
    private ClientTestNode _node = null!;

    public async Task InitializeAsync() => _node = await ClientTestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static AccountId Account(string uri)
    {
        using var k = SecretUriResolver.Resolve(uri).Pair;
        return AccountId.FromBytes(k.PublicKey);
    }

    [Fact]
    public async Task Queries_answer_typed_values_over_websocket()
    {
        await using var client = await TaoClient.ConnectAsync(_node.Ws);
        Assert.True(client.SupportsSubscriptions);
        var q = new ChainQueries(client);
        Assert.Equal("TaoSharp Development", await q.ChainNameAsync());
        var alice = await q.BalanceAsync(Account("//Alice"));
        Assert.Equal(AliceGenesisFree, alice.Free.Rao);
        Assert.Equal(0u, await q.NextNonceAsync(Account("//Alice")));
        var runtime = await q.RuntimeIdentityAsync();
        Assert.Equal(425u, runtime.SpecVersion);
        Assert.Equal(await q.BlockHashAsync(0), runtime.GenesisHash);
    }

    [Fact]
    public async Task Transfer_is_signed_submitted_and_included_with_decoded_events()
    {
        await using var client = await TaoClient.ConnectAsync(_node.Ws);
        var q = new ChainQueries(client);
        var tx = new TransactionSubmitter(client);
        using var bob = SecretUriResolver.Resolve("//Bob").Pair;
        var dest = AccountId.FromBytes(Enumerable.Repeat((byte)0x51, 32).ToArray());

        var result = await tx.SubmitAsync(new KeyPairSigner(bob), Calls.TransferKeepAlive(dest, new TaoBalance(5_000_000_000)), WaitFor.Finalization);

        Assert.True(result.Success, result.Error);
        Assert.NotNull(result.BlockHash);
        Assert.Contains(result.Events, e => e.Pallet == "Balances" && e.Name == "Transfer");
        Assert.Equal(5_000_000_000UL, (await q.BalanceAsync(dest)).Free.Rao);
        Assert.Equal(1u, await q.NextNonceAsync(Account("//Bob")));

        // A second one picks up the next nonce by itself.
        var second = await tx.SubmitAsync(new KeyPairSigner(bob), Calls.TransferKeepAlive(dest, new TaoBalance(1_000_000_000)));
        Assert.True(second.Success, second.Error);
        Assert.Equal(6_000_000_000UL, (await q.BalanceAsync(dest)).Free.Rao);
    }

    [Fact]
    public async Task A_failing_call_reports_the_chain_error_name_and_changes_no_balance()
    {
        await using var client = await TaoClient.ConnectAsync(_node.Ws);
        var tx = new TransactionSubmitter(client);
        using var charlie = SecretUriResolver.Resolve("//Charlie").Pair;
        var dest = AccountId.FromBytes(Enumerable.Repeat((byte)0x52, 32).ToArray());

        var result = await tx.SubmitAsync(new KeyPairSigner(charlie), Calls.TransferKeepAlive(dest, new TaoBalance(AliceGenesisFree * 10)));

        Assert.True(result.Included);
        Assert.False(result.Success);
        Assert.NotNull(result.Error);
        Assert.Contains("Balance", result.Error);
        Assert.Equal(0UL, (await new ChainQueries(client).BalanceAsync(dest)).Free.Rao);
    }

    [Fact]
    public async Task A_transaction_signed_by_the_wrong_key_is_rejected_with_the_pool_reason()
    {
        await using var client = await TaoClient.ConnectAsync(_node.Ws);
        var tx = new TransactionSubmitter(client);
        using var dave = SecretUriResolver.Resolve("//Dave").Pair;
        var xt = await tx.SignAsync(new KeyPairSigner(dave), Calls.Remark([1, 2, 3]));
        xt.Encoded[^1] ^= 0xff; // the call no longer matches the signature

        var e = await Assert.ThrowsAsync<TransactionRejectedException>(() => tx.SubmitAsync(xt, WaitFor.InBlock));
        Assert.Contains("BadProof", e.Reason);
    }

    [Fact]
    public async Task Http_endpoint_works_without_subscriptions_by_polling_for_inclusion()
    {
        await using var client = await TaoClient.ConnectAsync(_node.Http);
        Assert.False(client.SupportsSubscriptions);
        using var eve = SecretUriResolver.Resolve("//Eve").Pair;
        var dest = AccountId.FromBytes(Enumerable.Repeat((byte)0x53, 32).ToArray());
        var result = await new TransactionSubmitter(client).SubmitAsync(new KeyPairSigner(eve), Calls.TransferKeepAlive(dest, new TaoBalance(2_000_000_000)));
        Assert.True(result.Success, result.Error);
        Assert.Equal(2_000_000_000UL, (await new ChainQueries(client).BalanceAsync(dest)).Free.Rao);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        await using var client = await TaoClient.ConnectAsync(_node.Ws);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ChainQueries(client).ChainNameAsync(cts.Token));
    }

    [Fact]
    public async Task Many_clients_opened_and_closed_leave_no_open_sockets()
    {
        for (var i = 0; i < 200; i++)
        {
            await using var client = await TaoClient.ConnectAsync(_node.Ws);
            await client.CallAsync("system_health");
        }
        // Every client closed its socket: the node's /metrics-free check is the process's own open TCP connections.
        var open = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == _node.Port && c.State == System.Net.NetworkInformation.TcpState.Established);
        Assert.True(open <= 1, $"{open} connections to the node still established");
    }
}

public sealed class ClientConnectionTests
{
    [Fact]
    public async Task No_node_gives_a_clear_connection_error_after_backoff()
    {
        var port = ClientTestNode.FreePort();
        var options = new TaoClientOptions { ConnectAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) };
        var e = await Assert.ThrowsAsync<ChainConnectionException>(() => TaoClient.ConnectAsync($"ws://127.0.0.1:{port}/", options));
        Assert.Contains("tao node", e.Message + e.InnerException?.Message);
    }

    [Theory]
    [InlineData("local", "ws://127.0.0.1:9944/")]
    [InlineData("ws://10.0.0.1:9000", "ws://10.0.0.1:9000/")]
    public void Network_names_resolve(string network, string expected) =>
        Assert.Equal(new Uri(expected), TaoClient.ResolveNetwork(network));

    [Fact]
    public void Unknown_network_is_refused() =>
        Assert.Throws<ArgumentException>(() => TaoClient.ResolveNetwork("finney-ish"));
}
