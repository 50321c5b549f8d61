using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TaoSharp.Chain;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Crypto;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Node;
using TaoSharp.Node.Configuration;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Sdk;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Benchmarks.Sdk;

/// <summary>
/// Metagraph figures on a real node (in-process NodeHost, RocksDB, JSON-RPC over loopback): a subnet with
/// <c>uids</c> UIDs is built with signed extrinsics only (register_network, start_call, burned_register, add_stake,
/// sudo AdminUtils, set_weights by every validator over all UIDs, then epochs so bonds exist), then:
///   query — <c>subnetInfo_getMetagraph</c> over HTTP POST (lite and full), median / p90 of N calls;
///   sync  — <c>Metagraph.SyncAsync</c> through the SDK's WebSocket client (lite and full), median / p90.
/// Usage: dotnet run -c Release --project bench/TaoSharp.Benchmarks -- metagraph-macro [uids=256] [validators=64] [runs=100]
/// </summary>
public static class MetagraphMacroBenchmark
{
    private const ulong T0 = 1_700_000_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var uids = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 256;
        var validators = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var dir = Directory.CreateTempSubdirectory("taosharp-metagraph-").FullName;
        try
        {
            var port = FreePort();
            await using var app = NodeHost.Build(new NodeOptions { DataDir = dir, RpcPort = port, Sealing = SealingMode.Instant, MaxPoolTransactions = 100_000 });
            var chain = app.Services.GetRequiredService<Blockchain>();
            var sw = Stopwatch.StartNew();
            var netuid = Build(chain, uids, validators);
            Console.WriteLine($"built netuid {netuid}: {SubtensorStorage.SubnetworkN.Get(chain.HeadState, new NetUid(netuid))} UIDs, " +
                $"{validators} validators with full weight rows, head #{chain.Head.Number}, in {sw.Elapsed.TotalSeconds:F1} s");
            // Server work alone (read the subnet + write the JSON), in-process, no transport.
            var queries = new TaoSharp.Runtime.Queries.NeuronQueries(TaoSharp.Runtime.Amm.EconomicsProfile.Current);
            foreach (var full in new[] { false, true })
            {
                var local = await TimeAsync(runs, () =>
                {
                    var g = queries.Metagraph(chain.HeadState, new NetUid(netuid), chain.Head.Number, full)!;
                    using var w = new System.Text.Json.Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>(1 << 16));
                    TaoSharp.Rpc.Modules.DomainJson.Metagraph(w, g, _ => true);
                    return Task.CompletedTask;
                });
                Report($"server read + JSON write, in-process, {(full ? "full" : "lite")}", local);
            }

            await app.StartAsync();

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            foreach (var full in new[] { false, true })
            {
                var body = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subnetInfo_getMetagraph\",\"params\":[{netuid},{(full ? "true" : "false")}]}}";
                var size = 0;
                var times = await TimeAsync(runs, async () =>
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var r = await http.PostAsync("", content);
                    size = (await r.Content.ReadAsByteArrayAsync()).Length;
                });
                Report($"query {(full ? "full" : "lite")} over HTTP ({size / 1024.0:F0} KiB)", times);
            }

            await using var client = await TaoClient.ConnectAsync($"ws://127.0.0.1:{port}/");
            // The untyped call alone (WebSocket round trip + the client's JSON parse) separates transport from decoding.
            var raw = await TimeAsync(runs, async () => await client.CallAsync("subnetInfo_getMetagraph", [netuid, true]));
            Report("TaoClient.CallAsync full, untyped (WebSocket)", raw);
            foreach (var lite in new[] { true, false })
            {
                Metagraph? g = null;
                var times = await TimeAsync(runs, async () => g = await Metagraph.SyncAsync(client, netuid, lite));
                var weights = g!.Info.Weights?.Sum(r => r.Length) ?? 0;
                var bonds = g.Info.Bonds?.Sum(r => r.Length) ?? 0;
                Report($"Metagraph.SyncAsync {(lite ? "lite" : "full")} (n={g.N}, weight entries {weights}, bond entries {bonds})", times);
            }

            await app.StopAsync();
            return 0;
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>Creates and fills the subnet through signed extrinsics authored into blocks directly (before the RPC server starts).</summary>
    private static ushort Build(Blockchain chain, int uids, int validators)
    {
        var signer = new ExtrinsicSigner(chain.Identity);
        using var alice = SecretUriResolver.Resolve("//Alice").Pair;
        var aliceId = AccountId.FromBytes(alice.PublicKey);
        uint nonce = 0;
        void Alice(byte[] call) => Submit(chain, signer.Sign(alice, call, nonce++));

        var hotkeys = Enumerable.Range(0, uids).Select(i => SecretUriResolver.Resolve($"//Alice//hk{i}").Pair).ToArray();
        var ids = hotkeys.Select(k => AccountId.FromBytes(k.PublicKey)).ToArray();
        try
        {
            Alice(Calls.RegisterNetwork(ids[0]));
            Seal(chain, 1);
            var netuid = SubtensorStorage.SubnetOwnerHotkey.Iterate(chain.HeadState).Single(e => e.Value == ids[0]).Key;
            Alice(Calls.StartCall(netuid));
            Admin(Alice, "sudo_set_commit_reveal_weights_enabled", netuid, "false");
            Admin(Alice, "sudo_set_weights_set_rate_limit", netuid, "0");
            Admin(Alice, "sudo_set_tempo", netuid, "10");
            for (var i = 1; i < uids; i++) Alice(Calls.BurnedRegister(netuid, ids[i]));
            for (var i = 0; i < validators; i++)
            {
                Alice(Calls.AddStake(ids[i], netuid, new TaoBalance(100_000_000_000 + (ulong)i * 1_000_000_000)));
                Alice(Calls.TransferKeepAlive(ids[i], new TaoBalance(10_000_000_000)));
            }
            Seal(chain, 1);
            if (TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, aliceId) != nonce)
                throw new InvalidOperationException($"setup extrinsics were not all included (nonce {TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, aliceId)} of {nonce})");

            // Epochs give the stakers validator permits; then every validator weights every UID.
            Seal(chain, 25);
            var permits = SubtensorStorage.ValidatorPermit.Get(chain.HeadState, netuid);
            Console.WriteLine($"validator permits after epochs: {permits.Count(p => p)}");
            var all = Enumerable.Range(0, uids).Select(u => (ushort)u).ToArray();
            var rng = new Random(42);
            for (var v = 0; v < validators; v++)
            {
                var values = all.Select(_ => (ushort)rng.Next(1, 65536)).ToArray();
                Submit(chain, signer.Sign(hotkeys[v], Calls.SetWeights(netuid, all, values, 0), 0));
            }
            Seal(chain, 25); // more epochs: bonds from the weights
            return netuid.Value;
        }
        finally
        {
            foreach (var k in hotkeys) k.Dispose();
        }
    }

    private static void Admin(Action<byte[]> alice, string call, NetUid netuid, string value)
    {
        var p = AdminHyperparameters.All.Single(a => a.CallName == call);
        alice(Calls.SudoCall(Calls.AdminSet(p, netuid, value)));
    }

    private static void Submit(Blockchain chain, Extrinsic xt) => chain.Submit(xt.Encoded);

    private static void Seal(Blockchain chain, int blocks)
    {
        for (var i = 0; i < blocks; i++)
        {
            var b = chain.AuthorBlock(T0 + chain.Head.Number * 12_000, default, 100_000);
            foreach (var r in b.Events.Receipts.Where(r => !r.Success)) Console.WriteLine($"  extrinsic {r.Index} in #{b.Block.Header.Number} failed: {r.Error}");
        }
        for (var guard = 0; chain.Pool.Count > 0; guard++)
        {
            if (guard > 100) throw new InvalidOperationException($"{chain.Pool.Count} transactions stay in the pool");
            chain.AuthorBlock(T0 + chain.Head.Number * 12_000, default, 100_000);
        }
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> op)
    {
        for (var i = 0; i < System.Math.Max(5, runs / 10); i++) await op(); // warm-up (JIT, connections)
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await op();
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static void Report(string what, double[] sorted) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: median {sorted[sorted.Length / 2]:F2} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:F2} ms, min {sorted[0]:F2} ms ({sorted.Length} runs)"));

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
