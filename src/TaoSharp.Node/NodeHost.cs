using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaoSharp.Chain;
using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Chain.Genesis;
using TaoSharp.Chain.Pool;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Node.Configuration;
using TaoSharp.Node.Metrics;
using TaoSharp.Node.Services;
using TaoSharp.Primitives;
using TaoSharp.Rpc.Modules;
using TaoSharp.Rpc.Server;
using TaoSharp.Runtime.Calls;
using TaoSharp.Storage.KeyValue;
using TaoSharp.Storage.RocksDb;

namespace TaoSharp.Node;

/// <summary>
/// Composition root of a node: opens the store and the chain (resuming from the last committed block), and
/// hosts the JSON-RPC server, the /metrics endpoint and the block author on one Kestrel web application.
/// </summary>
public static class NodeHost
{
    public static WebApplication Build(NodeOptions options, string version = "0.1.0")
    {
        var genesis = (options.GenesisPath is null ? new GenesisConfig() : GenesisConfig.Load(options.GenesisPath)).ToSpec();
        var store = OpenStore(options);
        var chain = Blockchain.Open(store, genesis, CreateChainOptions(options, genesis));

        AccountId author;
        using (var key = SecretUriResolver.Resolve(options.AuthorUri)) author = AccountId.FromBytes(key.PublicKey);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(options.RpcHost), options.RpcPort);
            k.Limits.MaxConcurrentConnections = options.MaxRpcConnections;
            k.Limits.MaxConcurrentUpgradedConnections = options.MaxRpcConnections;
            k.Limits.MaxRequestBodySize = new RpcLimits().MaxRequestBytes;
        });
        var metrics = new NodeMetrics();
        // Factory registration: the container owns the chain and disposes it (closing RocksDB) with the app.
        builder.Services.AddSingleton(_ => chain);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(sp => new BlockAuthoringService(chain, options, author, metrics,
            sp.GetRequiredService<ILogger<BlockAuthoringService>>(), TimeProvider.System));

        var app = builder.Build();
        _ = app.Services.GetRequiredService<Blockchain>(); // materialise the owned singleton so disposal closes the store
        var methods = new Dictionary<string, RpcHandler>(StringComparer.Ordinal);
        new StandardRpc(chain, version).Register(methods);
        new DomainRpc(chain, ChainProfile.Economics(genesis.Profile)).Register(methods);
        var dispatcher = new RpcDispatcher(methods, metrics.RpcCall);
        app.MapGet("/metrics", () => Results.Text(metrics.Render(), "text/plain; version=0.0.4"));
        app.MapGet("/health", () => Results.Json(new { head = chain.Head.Number, pool = chain.Pool.Count }));
        app.MapJsonRpc(dispatcher, new RpcLimits
        {
            MaxConnections = options.MaxRpcConnections,
            MaxSubscriptionsPerConnection = options.MaxSubscriptionsPerConnection,
        });

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TaoSharp.Node");
        log.LogInformation("Chain '{Chain}' (profile {Profile}), genesis {Genesis}, resuming at #{Number} ({Hash}), data {Dir}",
            genesis.ChainName, genesis.Profile, chain.Identity.GenesisHash, chain.Head.Number, chain.Head.Hash, options.DataDir ?? "(memory)");
        app.Lifetime.ApplicationStarted.Register(() =>
            log.LogInformation("JSON-RPC (HTTP + WebSocket) listening on {Urls}", string.Join(", ", app.Urls)));
        return app;
    }

    /// <summary>
    /// The Runtime wiring every node (and every re-execution of a node's chain) uses: the dispatch table and block
    /// hooks of the genesis' economics profile.
    /// </summary>
    public static ChainOptions CreateChainOptions(NodeOptions options, GenesisSpec genesis) =>
        new(RuntimeCalls.CreateTable(ChainProfile.Economics(genesis.Profile)), RuntimeHooks.Create(genesis.Profile), FeeSchedule.Default,
            CryptoSignatureVerifier.Instance, new PoolOptions { MaxTransactions = options.MaxPoolTransactions });

    private static IKeyValueStore OpenStore(NodeOptions options)
    {
        if (options.DataDir is null) return new InMemoryKeyValueStore();
        var dir = Path.Combine(options.DataDir, "db");
        Directory.CreateDirectory(dir);
        return RocksDbKeyValueStore.Open(dir);
    }
}
