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
///   restart   — a data dir with N blocks: time from opening it to the first newly authored block;
///   add_stake — pre-signed SubtensorModule.add_stake from 6 coldkeys to their validator hotkeys on a started subnet;
///   set_weights — pre-signed set_weights with 256 entries from 6 permitted validator hotkeys on a 256-UID subnet.
/// Usage: dotnet run -c Release --project bench/TaoSharp.Benchmarks -- node-macro [transfers] [restartBlocks] [addStakes] [setWeights]
/// </summary>
public static class NodeMacroBenchmark
{
    private static readonly string[] Senders = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie"];

    public static async Task<int> RunAsync(string[] args)
    {
        var transfers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30_000;
        var restartBlocks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var addStakes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12_000;
        var setWeights = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3_000;
        if (transfers > 0) await TransfersAsync(transfers);
        if (restartBlocks > 0) await RestartAsync(restartBlocks);
        if (addStakes > 0 || setWeights > 0) await SubnetCallsAsync(addStakes, setWeights);
        return 0;
    }

    /// <summary>
    /// One subnet with 256 UIDs: the 6 dev coldkeys each own a validator hotkey (staked, permitted after an epoch),
    /// the rest are miners. Setup goes straight to the chain; the measured calls go over RPC like the transfers.
    /// </summary>
    private static async Task SubnetCallsAsync(int addStakes, int setWeights)
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-bench-").FullName;
        try
        {
            var port = FreePort();
            await using var app = NodeHost.Build(new NodeOptions { DataDir = dir, RpcPort = port, Sealing = SealingMode.Instant, MaxPoolTransactions = 200_000 });
            var chain = app.Services.GetRequiredService<Blockchain>();
            var signer = new ExtrinsicSigner(chain.Identity);
            var colds = Senders.Select(s => SecretUriResolver.Resolve(s).Pair).ToArray();
            var validators = Senders.Select(s => SecretUriResolver.Resolve(s + "//validator").Pair).ToArray();
            var ownerHot = SecretUriResolver.Resolve("//Alice//owner").Pair;
            var setup = new SetupRunner(chain, signer);
            const ushort net = 1;

            var sw0 = Stopwatch.StartNew();
            setup.Run(colds[0], Sub(59, w => w.WriteFixed(ownerHot.PublicKey)));
            setup.Run(colds[0], Sub(92, w => w.WriteU16(net)));
            setup.Run(colds[0], CallBuilder.Sudo(Admin(74, w => w.WriteU16(0))));
            setup.Run(colds[0], CallBuilder.Sudo(Admin(30, w => { w.WriteU16(net); w.WriteU16(10); })));
            setup.Run(colds[0], CallBuilder.Sudo(Admin(7, w => { w.WriteU16(net); w.WriteU64(0); })));
            setup.Run(colds[0], CallBuilder.Sudo(Admin(49, w => { w.WriteU16(net); w.WriteBool(false); })));
            for (var i = 0; i < validators.Length; i++)
            {
                setup.Run(colds[i], Sub(7, w => { w.WriteU16(net); w.WriteFixed(validators[i].PublicKey); }));
                setup.Run(colds[i], Sub(2, w => { w.WriteFixed(validators[i].PublicKey); w.WriteU16(net); w.WriteU64(1_000_000_000_000); }));
            }
            // Miners up to 256 UIDs, registered in batches (one registration per coldkey per block).
            var miner = 0;
            while (TaoSharp.Runtime.Storage.SubtensorStorage.SubnetworkN.Get(chain.HeadState, new NetUid(net)) < 256)
            {
                var n = TaoSharp.Runtime.Storage.SubtensorStorage.SubnetworkN.Get(chain.HeadState, new NetUid(net));
                var batch = colds.Take(System.Math.Min(colds.Length, 256 - n)).Select(c =>
                {
                    var hot = AccountId.FromBytes(Enumerable.Range(0, 32).Select(b => (byte)(b == 0 ? 0xEE : b == 1 ? miner >> 8 : b == 2 ? miner++ & 0xff : 7)).ToArray());
                    return (c, Sub(7, w => { w.WriteU16(net); w.WriteFixed(hot.AsSpan()); }));
                }).ToList();
                setup.RunMany(batch);
            }
            // An epoch gives the staked validators their permits.
            var permits = TaoSharp.Runtime.Storage.SubtensorStorage.ValidatorPermit;
            for (var guard = 0; permits.Get(chain.HeadState, new NetUid(net)).Count(p => p) < validators.Length; guard++)
            {
                if (guard > 100) throw new InvalidOperationException("validators got no permits within 100 blocks");
                setup.Empty();
            }
            Console.WriteLine($"subnet setup: 256 UIDs, {validators.Length} permitted validators, {chain.Head.Number} blocks in {sw0.Elapsed.TotalSeconds:F1} s");
            await app.StartAsync();

            if (addStakes > 0)
            {
                var per = addStakes / colds.Length;
                var lists = colds.Select((c, i) =>
                {
                    var start = TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, AccountId.FromBytes(c.PublicKey));
                    return (c, Enumerable.Range(0, per).Select(k => "0x" + Convert.ToHexStringLower(signer.Sign(c,
                        Sub(2, w => { w.WriteFixed(validators[i].PublicKey); w.WriteU16(net); w.WriteU64(10_000_000); }), start + (uint)k).Encoded)).ToArray());
                }).ToArray();
                await SubmitAsync(chain, port, lists, "add_stake (0.01 TAO each, weighted pool)");
            }
            if (setWeights > 0)
            {
                var per = setWeights / validators.Length;
                var random = new Random(7);
                var lists = validators.Select(v =>
                {
                    var start = TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, AccountId.FromBytes(v.PublicKey));
                    return (v, Enumerable.Range(0, per).Select(k => "0x" + Convert.ToHexStringLower(signer.Sign(v, Sub(0, w =>
                    {
                        w.WriteU16(net);
                        w.WriteCompact(256UL);
                        for (var u = 0; u < 256; u++) w.WriteU16((ushort)u);
                        w.WriteCompact(256UL);
                        for (var u = 0; u < 256; u++) w.WriteU16((ushort)random.Next(1, 65_536));
                        w.WriteU64(0);
                    }), start + (uint)k).Encoded)).ToArray());
                }).ToArray();
                await SubmitAsync(chain, port, lists, "set_weights (256 entries)");
            }
            foreach (var k in colds.Concat(validators).Append(ownerHot)) k.Dispose();
            await app.StopAsync();
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>Submits each signer's pre-signed list over HTTP in batches of 100 (one task per signer) and waits until all are in blocks; fails on any failed call.</summary>
    private static async Task SubmitAsync(Blockchain chain, int port, (IKeyPair Key, string[] Signed)[] lists, string label)
    {
        var failures = 0;
        void OnBlock(ImportedBlock b) => Interlocked.Add(ref failures, b.Events.Receipts.Count(r => !r.Success));
        chain.BlockImported += OnBlock;
        var startHead = chain.Head.Number;
        var targets = lists.Select(l => (Account: AccountId.FromBytes(l.Key.PublicKey),
            Nonce: TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, AccountId.FromBytes(l.Key.PublicKey)) + (uint)l.Signed.Length)).ToArray();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
        var sw = Stopwatch.StartNew();
        var retried = 0;
        await Task.WhenAll(lists.Select(l => Task.Run(async () =>
        {
            for (var i = 0; i < l.Signed.Length; i += 100)
            {
                var pending = Enumerable.Range(i, System.Math.Min(100, l.Signed.Length - i)).ToList();
                while (pending.Count > 0)
                {
                    var batch = new JsonArray();
                    foreach (var j in pending)
                        batch.Add(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = j, ["method"] = "author_submitExtrinsic", ["params"] = new JsonArray(l.Signed[j]) });
                    using var body = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json");
                    var response = (JsonArray)JsonNode.Parse(await (await http.PostAsync("", body)).Content.ReadAsStringAsync())!;
                    var again = new List<int>();
                    foreach (var r in response)
                    {
                        if (r!["error"] is not { } error) continue;
                        // Known pool race: a block imported while this batch was validated can make the next nonces look
                        // "too far in the future"; resubmitting them is what a wallet would do.
                        if (((string?)error["data"])?.StartsWith("Future", StringComparison.Ordinal) == true) again.Add((int)r["id"]!);
                        else throw new InvalidOperationException("submission refused: " + error.ToJsonString());
                    }
                    Interlocked.Add(ref retried, again.Count);
                    pending = again;
                    if (pending.Count > 0) await Task.Delay(20);
                }
            }
        })));
        var submitted = sw.Elapsed;
        while (targets.Any(t => TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, t.Account) < t.Nonce))
            await Task.Delay(5);
        var total = sw.Elapsed;
        chain.BlockImported -= OnBlock;
        var n = lists.Sum(l => l.Signed.Length);
        Console.WriteLine($"{label}: {n} submitted over RPC in {submitted.TotalSeconds:F2} s, all included in {total.TotalSeconds:F2} s " +
            $"over {chain.Head.Number - startHead} blocks => {n / total.TotalSeconds:F0}/s (RocksDB, instant sealing); failed calls: {failures}, resubmitted: {retried}");
    }

    private static byte[] Sub(byte call, Action<TaoSharp.Primitives.Scale.ScaleWriter> args)
    {
        var w = CallBuilder.Begin(TaoSharp.Runtime.Calls.PalletIndices.SubtensorModule, call);
        args(w);
        return w.ToArray();
    }

    private static byte[] Admin(byte call, Action<TaoSharp.Primitives.Scale.ScaleWriter> args)
    {
        var w = CallBuilder.Begin(TaoSharp.Runtime.Calls.PalletIndices.AdminUtils, call);
        args(w);
        return w.ToArray();
    }

    /// <summary>Setup extrinsics straight into the chain (submit + author), checking each succeeded.</summary>
    private sealed class SetupRunner(Blockchain chain, ExtrinsicSigner signer)
    {
        private ulong _time = 1_700_000_000_000;

        public void Run(IKeyPair key, byte[] call) => RunMany([(key, call)]);

        public void RunMany(IReadOnlyList<(IKeyPair Key, byte[] Call)> calls)
        {
            foreach (var (key, call) in calls)
                chain.Submit(signer.Sign(key, call, TaoSharp.Runtime.Balances.TaoBalances.Nonce(chain.HeadState, AccountId.FromBytes(key.PublicKey))).Encoded);
            var block = chain.AuthorBlock(_time += 250, default, 10_000);
            var failed = block.Events.Receipts.FirstOrDefault(r => !r.Success);
            if (failed is not null || block.Block.Extrinsics.Count != calls.Count)
                throw new InvalidOperationException($"setup call failed: {failed?.Error ?? "not included"} ({string.Join("; ", failed?.Events ?? [])})");
        }

        public void Empty() => chain.AuthorBlock(_time += 250, default, 0);
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
