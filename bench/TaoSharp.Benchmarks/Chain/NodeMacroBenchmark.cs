using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TaoSharp.Chain;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Crypto;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Node;
using TaoSharp.Node.Configuration;
using TaoSharp.Primitives;

namespace TaoSharp.Benchmarks.Chain;

/// <summary>
/// End-to-end node figures (not a BenchmarkDotNet suite: it measures a whole node):
///   transfers — pre-signed Balances.transfer_keep_alive submitted over HTTP JSON-RPC (batches of 100) to an
///               in-process node with RocksDB persistence and instant sealing, timed until all are in committed blocks;
///   restart   — a data dir with N blocks: time from opening it to the first newly authored block.
/// Usage: dotnet run -c Release --project bench/TaoSharp.Benchmarks -- node-macro [transfers] [restartBlocks]
/// </summary>
public static class NodeMacroBenchmark
{
    private static readonly string[] Senders = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie"];

    public static async Task<int> RunAsync(string[] args)
    {
        var transfers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
        var restartBlocks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        await TransfersAsync(transfers);
        await RestartAsync(restartBlocks);
        return 0;
    }

    private static async Task TransfersAsync(int count)
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-bench-").FullName;
        try
        {
            var port = FreePort();
            await using var app = NodeHost.Build(new NodeOptions { DataDir = dir, RpcPort = port, Sealing = SealingMode.Instant, MaxPoolTransactions = 200_000 });
            await app.StartAsync();
            var chain = app.Services.GetRequiredService<Blockchain>();
            var signer = new ExtrinsicSigner(chain.Identity);
            var keys = Senders.Select(s => SecretUriResolver.Resolve(s).Pair).ToArray();
            var perSender = count / keys.Length;
            Console.WriteLine($"signing {perSender * keys.Length} transfers...");
            var signed = keys.Select((k, i) => Enumerable.Range(0, perSender).Select(n =>
                "0x" + Convert.ToHexStringLower(signer.Sign(k, CallBuilder.TransferKeepAlive(Dest(i), 1_000_000), (uint)n).Encoded)).ToArray()).ToArray();

            // Context for the figure: the cost of one signature check, which every submission pays.
            var probe = TaoSharp.Chain.Extrinsics.Extrinsic.Decode(Convert.FromHexString(signed[0][0][2..]));
            var payload = probe.SigningPayload(chain.Identity, chain.Identity.GenesisHash);
            var vsw = Stopwatch.StartNew();
            for (var i = 0; i < 500; i++) CryptoSignatureVerifier.Instance.Verify(probe.Scheme, probe.Signer, payload, probe.Signature);
            Console.WriteLine($"sr25519 verify: {vsw.Elapsed.TotalMicroseconds / 500:F0} µs each (single thread)");

            var startHead = chain.Head.Number;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
            var sw = Stopwatch.StartNew();
            var submitters = signed.Select(list => Task.Run(async () =>
            {
                for (var i = 0; i < list.Length; i += 100)
                {
                    var batch = new JsonArray();
                    for (var j = i; j < System.Math.Min(i + 100, list.Length); j++)
                        batch.Add(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = j, ["method"] = "author_submitExtrinsic", ["params"] = new JsonArray(list[j]) });
                    using var body = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json");
                    var response = await (await http.PostAsync("", body)).Content.ReadAsStringAsync();
                    var at = response.IndexOf("\"error\"", StringComparison.Ordinal);
                    if (at >= 0) throw new InvalidOperationException("submission refused: " + response.Substring(at, System.Math.Min(400, response.Length - at)));
                }
            })).ToArray();
            await Task.WhenAll(submitters);
            var submitted = sw.Elapsed;
            var accounts = keys.Select(k => AccountId.FromBytes(k.PublicKey)).ToArray();
            while (accounts.Any(a => TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, a) < perSender))
                await Task.Delay(5);
            var total = sw.Elapsed;
            var blocks = chain.Head.Number - startHead;
            var n = perSender * keys.Length;
            Console.WriteLine($"transfers: {n} submitted over RPC in {submitted.TotalSeconds:F2} s, all included in {total.TotalSeconds:F2} s " +
                $"over {blocks} blocks => {n / total.TotalSeconds:F0} transfers/s (RocksDB, instant sealing)");
            foreach (var k in keys) k.Dispose();
            await app.StopAsync();
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task RestartAsync(int blocks)
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-bench-").FullName;
        try
        {
            // Build a data dir with `blocks` blocks (each with one remark so blocks are not all alike).
            await using (var app = NodeHost.Build(new NodeOptions { DataDir = dir, RpcPort = FreePort(), Sealing = SealingMode.Instant }))
            {
                var chain = app.Services.GetRequiredService<Blockchain>();
                var sw0 = Stopwatch.StartNew();
                for (var i = 0; i < blocks; i++)
                    chain.AuthorBlock((ulong)(1_700_000_000_000 + i * 250L), default, 0);
                Console.WriteLine($"built {blocks} blocks in {sw0.Elapsed.TotalSeconds:F1} s");
            }
            var sw = Stopwatch.StartNew();
            await using var node = NodeHost.Build(new NodeOptions { DataDir = dir, RpcPort = FreePort(), BlockTime = TimeSpan.FromMilliseconds(250) });
            var resumed = node.Services.GetRequiredService<Blockchain>();
            var startHead = resumed.Head.Number;
            var opened = sw.Elapsed;
            await node.StartAsync();
            while (resumed.Head.Number == startHead) await Task.Delay(1);
            Console.WriteLine($"restart: opened a {startHead}-block data dir in {opened.TotalMilliseconds:F0} ms, first new block #{resumed.Head.Number} " +
                $"after {sw.Elapsed.TotalMilliseconds:F0} ms (250 ms block time)");
            await node.StopAsync();
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static AccountId Dest(int i) => AccountId.FromBytes(Enumerable.Repeat((byte)(0x10 + i), 32).ToArray());

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
