using System.Net;
using Microsoft.Extensions.Logging;
using TaoSharp.Sdk.Client;
using TaoSharp.Subnets.Forecast.Miner;
using TaoSharp.Subnets.Forecast.Models;
using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Validator;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>
/// Runs the localnet's miners and validators in this process, each with its own chain connection, exactly as separate
/// processes would (they share nothing but the node's RPC endpoint and the loopback network).
/// </summary>
public sealed class LocalnetNeurons : IAsyncDisposable
{
    /// <summary>
    /// Miners announce and bind 127.0.0.2: the chain refuses to store 127.0.0.1 in an AxonInfo (reference rule), and on
    /// Linux and macOS the whole 127.0.0.0/8 block is loopback.
    /// </summary>
    public static readonly IPAddress AxonAddress = IPAddress.Parse("127.0.0.2");

    private readonly List<TaoClient> _clients = [];
    private readonly List<(LocalnetNeuron Plan, ForecastMiner Miner)> _miners = [];
    private readonly List<(LocalnetNeuron Plan, ForecastValidator Validator, Task Loop)> _validators = [];
    private readonly CancellationTokenSource _stop = new();

    public IReadOnlyList<(LocalnetNeuron Plan, ForecastMiner Miner)> Miners => _miners;

    public IReadOnlyList<(LocalnetNeuron Plan, ForecastValidator Validator, Task Loop)> Validators => _validators;

    /// <summary>The bundled series split: miners learn from the first 70 % of each, validators ask about the rest.</summary>
    public static (SeriesCatalog Train, SeriesCatalog HeldOut) Data { get; } = SeriesCatalog.LoadBundled().Split(0.7);

    /// <summary>
    /// Builds every miner's model; trained models start training in the background right away, so a localnet calls this
    /// first and the training overlaps the node's start and the subnet's setup.
    /// </summary>
    public static IReadOnlyList<IForecaster> CreateModels(LocalnetPlan plan) =>
        plan.Miners.Select(m => ForecasterFactory.Create(m.Model!, Data.Train)).ToArray();

    public static async Task<LocalnetNeurons> StartAsync(Uri rpc, ushort netuid, LocalnetPlan plan, IReadOnlyList<IForecaster> models,
        ILoggerFactory logs, int seed, CancellationToken ct)
    {
        var neurons = new LocalnetNeurons();
        try
        {
            var heldOut = Data.HeldOut;
            foreach (var (m, model) in plan.Miners.Zip(models))
            {
                var client = await neurons.ConnectAsync(rpc, ct).ConfigureAwait(false);
                var miner = new ForecastMiner(m.Hotkey.Pair, model, new MetagraphSubnetView(client, netuid),
                    new ChainSubnetWriter(client, m.Hotkey.Signer, netuid),
                    new MinerOptions { BindAddress = AxonAddress, MetagraphRefresh = TimeSpan.FromSeconds(1) },
                    logs.CreateLogger($"miner{m.Index}"));
                neurons._miners.Add((m, miner));
            }
            // Each start ends with a serve_axon in a block; starting them together puts those in one block.
            await Task.WhenAll(neurons._miners.Select(x => x.Miner.StartAsync(ct))).ConfigureAwait(false);
            foreach (var v in plan.Validators)
            {
                var client = await neurons.ConnectAsync(rpc, ct).ConfigureAwait(false);
                var validator = new ForecastValidator(v.Hotkey.Pair, heldOut, new MetagraphSubnetView(client, netuid),
                    new ChainSubnetWriter(client, v.Hotkey.Signer, netuid),
                    new ValidatorOptions { Seed = seed + v.Index, EmaAlpha = 0.05 },
                    logs.CreateLogger($"validator{v.Index}"));
                var loop = Task.Run(() => validator.RunAsync(neurons._stop.Token), CancellationToken.None);
                neurons._validators.Add((v, validator, loop));
            }
            return neurons;
        }
        catch
        {
            await neurons.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<TaoClient> ConnectAsync(Uri rpc, CancellationToken ct)
    {
        var client = await TaoClient.ConnectAsync(rpc.ToString(), ct: ct).ConfigureAwait(false);
        _clients.Add(client);
        return client;
    }

    /// <summary>A miner's mean EMA score over the validators that have scored it (null before the first reveal).</summary>
    public double? ScoreOf(ushort uid)
    {
        var seen = _validators.Select(v => v.Validator.ScoresSnapshot.TryGetValue(uid, out var s) ? s : (double?)null)
            .Where(s => s is not null).Select(s => s!.Value).ToArray();
        return seen.Length == 0 ? null : seen.Average();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var (_, validator, loop) in _validators)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            await validator.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var (_, miner) in _miners)
            await miner.DisposeAsync().ConfigureAwait(false);
        foreach (var c in _clients)
            await c.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
