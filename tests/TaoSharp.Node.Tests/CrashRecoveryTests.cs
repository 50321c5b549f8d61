using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Persistence;
using TaoSharp.Node.Configuration;
using TaoSharp.Primitives;
using TaoSharp.Storage.RocksDb;

namespace TaoSharp.Node.Tests;

/// <summary>
/// SIGKILLs a node in the middle of sustained transfer load, several times. After each kill the data directory
/// must hold every extrinsic that a committed block was reported to contain, and re-executing the chain from
/// genesis must reproduce the head's state root; after restart the node must keep producing blocks.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] Senders = ["//Alice", "//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie"];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Kill_minus_9_under_load_keeps_a_consistent_store()
    {
        var dir = Directory.CreateTempSubdirectory("taosharp-crash-").FullName;
        var reported = new ConcurrentDictionary<Hash256, Hash256>(); // extrinsic → block it was reported in
        var blocksSeen = 0;
        try
        {
            for (var round = 0; round < 3; round++)
            {
                ulong headBefore;
                using (var node = await NodeProcess.StartAsync(dir, "--block-time 100"))
                using (var rpc = new RpcClient(node.Http))
                using (var dev = await DevSigner.ForNodeAsync(rpc))
                {
                    headBefore = HexNumber((string)(await rpc.CallAsync("chain_getHeader"))!["number"]!);
                    await using var ws = await WsRpcClient.ConnectAsync(node.Ws);
                    var heads = await ws.SubscribeAsync("chain_subscribeNewHeads");
                    using var stop = new CancellationTokenSource();
                    var watcher = Task.Run(async () =>
                    {
                        try
                        {
                            await foreach (var h in heads.ReadAllAsync(stop.Token))
                            {
                                var hash = (string)h!["hash"]!;
                                var block = await rpc.CallAsync("chain_getBlock", hash);
                                foreach (var x in (JsonArray)block!["block"]!["extrinsics"]!)
                                    reported[TaoSharp.Primitives.Hashing.Blake2b.Hash256(Convert.FromHexString(((string)x!)[2..]))] = Hash256.ParseHex(hash);
                                Interlocked.Increment(ref blocksSeen);
                            }
                        }
                        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or RpcError or TaskCanceledException) { }
                    });
                    var load = Senders.Select(s => Task.Run(() => Load(rpc, dev, s, stop.Token))).ToArray();

                    // Restarted node keeps producing blocks.
                    await WaitUntil(async () => HexNumber((string)(await rpc.CallAsync("chain_getHeader"))!["number"]!) > headBefore + 2,
                        () => $"round {round}: restarted node did not pass block #{headBefore + 2}\n{node.OutputTail}");
                    await Task.Delay(1500 + round * 400);
                    node.Kill();
                    stop.Cancel();
                    await Task.WhenAll(load.Append(watcher).Select(t => t.ContinueWith(_ => { })));
                }

                using var store = RocksDbKeyValueStore.Open(Path.Combine(dir, "db"));
                using var db = ChainDatabase.Open(store);
                Assert.True(db.Head!.Number > headBefore, $"round {round}: no progress");
                foreach (var (xt, block) in reported)
                {
                    var loc = db.FindExtrinsic(xt);
                    Assert.True(loc is not null, $"round {round}: extrinsic {xt} reported in {block} is missing after the crash");
                    Assert.Equal(block, loc!.Value.Block);
                }
                Assert.Equal(db.Head.StateRoot, db.TreeRoot);
                var replayed = ChainReplay.Replay(db, new GenesisConfig().ToSpec(), NodeHost.CreateChainOptions(new NodeOptions(), new GenesisConfig().ToSpec()));
                Assert.Equal(db.Head.Hash, db.HashAt(replayed.Number));
                Assert.Equal(db.Head.StateRoot, replayed.StateRoot);
            }
            Assert.True(reported.Count > 100, $"load too small to mean anything ({reported.Count} extrinsics)");
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task Load(RpcClient rpc, DevSigner dev, string sender, CancellationToken ct)
    {
        try
        {
            var nonce = (uint)(await rpc.CallAsync("system_accountNextIndex", dev.Account(sender).ToHex()))!;
            var dest = AccountId.FromBytes(Enumerable.Repeat((byte)(sender.Length + 1), 32).ToArray());
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await rpc.CallAsync("author_submitExtrinsic", dev.Transfer(sender, dest, 1_000_000, nonce));
                    nonce++;
                }
                catch (RpcError e) when (e.Detail?.Contains("Future") == true)
                {
                    await Task.Delay(20, ct);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or TaskCanceledException or RpcError) { }
    }

    private static ulong HexNumber(string hex) => Convert.ToUInt64(hex[2..], 16);

    private static async Task WaitUntil(Func<Task<bool>> condition, Func<string> waitingFor)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"within 30 s: {waitingFor()}");
            await Task.Delay(50);
        }
    }
}
