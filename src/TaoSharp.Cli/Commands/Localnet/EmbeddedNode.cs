using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TaoSharp.Chain;
using TaoSharp.Node;
using TaoSharp.Node.Configuration;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>
/// The chain node of a localnet, hosted in this process (the same <see cref="NodeHost"/> as `tao node`): fresh data
/// directory, a genesis that funds the localnet's keys, interval sealing with fast blocks, RPC on loopback.
/// </summary>
public sealed class EmbeddedNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedNode(WebApplication app, Blockchain chain, Uri rpc)
    {
        _app = app;
        Chain = chain;
        RpcEndpoint = rpc;
    }

    public Blockchain Chain { get; }

    /// <summary>
    /// Cancelled when the node's host is asked to stop. The host owns the process' Ctrl-C/SIGTERM handling (it
    /// swallows the signal and signals this token), so the localnet follows this token to shut everything down.
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>ws://127.0.0.1:PORT/ — what miners, validators and your own tools connect to.</summary>
    public Uri RpcEndpoint { get; }

    public static async Task<EmbeddedNode> StartAsync(string dataDir, GenesisConfig genesis, int rpcPort, TimeSpan blockTime, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDir);
        var genesisPath = Path.Combine(dataDir, "localnet-genesis.json");
        await File.WriteAllTextAsync(genesisPath, genesis.ToJson(), ct).ConfigureAwait(false);
        var app = NodeHost.Build(new NodeOptions
        {
            DataDir = dataDir,
            GenesisPath = genesisPath,
            RpcPort = rpcPort,
            BlockTime = blockTime,
            Sealing = SealingMode.Interval,
        }, VersionInfo.Version);
        await app.StartAsync(ct).ConfigureAwait(false);
        var chain = app.Services.GetRequiredService<Blockchain>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the embedded node reports no listening address");
        var http = new Uri(address);
        return new EmbeddedNode(app, chain, new Uri($"ws://{http.Host}:{http.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
