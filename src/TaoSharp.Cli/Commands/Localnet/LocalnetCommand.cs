using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Node.Configuration;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Subnets.Forecast.Models;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>
/// `tao localnet`: an embedded dev node with fast blocks, the forecast subnet created and configured through ordinary
/// extrinsics, validators and miners of several model types running in this process, and a live metagraph table
/// (or, with --blocks N, one JSON summary after N blocks). Ctrl-C stops everything.
/// </summary>
public sealed class LocalnetCommand : AsyncCommand<LocalnetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--miners <N>")]
        [Description("Number of miners (model types cycle: fasttree, linear-trend, moving-average, last-value). Default 4.")]
        public int Miners { get; init; } = 4;

        [CommandOption("--validators <N>")]
        [Description("Number of validators. Default 2.")]
        public int Validators { get; init; } = 2;

        [CommandOption("--block-time <MS>")]
        [Description("Block interval in milliseconds. Default 500.")]
        public int BlockTimeMs { get; init; } = 500;

        [CommandOption("--tempo <BLOCKS>")]
        [Description("Blocks between the subnet's epochs. Default 20.")]
        public int Tempo { get; init; } = 20;

        [CommandOption("--weights-rate-limit <BLOCKS>")]
        [Description("Blocks a validator must wait between set_weights. Default tempo / 4.")]
        public int? WeightsRateLimit { get; init; }

        [CommandOption("--stake <TAO>")]
        [Description("TAO each validator stakes on the subnet. Default 1000.")]
        public int StakeTao { get; init; } = 1000;

        [CommandOption("--data-dir <DIR>")]
        [Description("Node data directory (must be new or empty; kept afterwards). Default: a temporary directory deleted on exit.")]
        public string? DataDir { get; init; }

        [CommandOption("--rpc-port <PORT>")]
        [Description("The node's JSON-RPC port (0 = any free port). Default 9944.")]
        public int RpcPort { get; init; } = 9944;

        [CommandOption("--blocks <N>")]
        [Description("Headless: run until block N, print one JSON summary on stdout and exit (logs go to stderr).")]
        public ulong? Blocks { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the validators' task draws. Default 1.")]
        public int Seed { get; init; } = 1;

        public override ValidationResult Validate()
        {
            if (Miners is < 1 or > 64) return ValidationResult.Error("--miners must be 1..64");
            if (Validators is < 1 or > 16) return ValidationResult.Error("--validators must be 1..16");
            if (BlockTimeMs is < 50 or > 60_000) return ValidationResult.Error("--block-time must be 50..60000 ms");
            if (Tempo is < 2 or > 10_000) return ValidationResult.Error("--tempo must be 2..10000 blocks");
            if (WeightsRateLimit is < 0) return ValidationResult.Error("--weights-rate-limit must be >= 0");
            if (StakeTao is < 1 or > 100_000) return ValidationResult.Error("--stake must be 1..100000 TAO");
            if (RpcPort is < 0 or > 65535) return ValidationResult.Error("--rpc-port must be 0..65535");
            if (Blocks is 0) return ValidationResult.Error("--blocks must be positive");
            return ValidationResult.Success();
        }
    }

    /// <summary>Balance each localnet coldkey starts with (hotkeys get a little for fees).</summary>
    private const ulong ColdkeyFunds = 100_000UL * 1_000_000_000UL;
    private const ulong HotkeyFunds = 100UL * 1_000_000_000UL;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var headless = settings.Blocks is not null;
        string? tempDir = null;
        var dataDir = settings.DataDir;
        if (dataDir is null)
            dataDir = tempDir = Directory.CreateTempSubdirectory("taosharp-localnet-").FullName;
        else if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
        {
            await Console.Error.WriteLineAsync($"error: --data-dir {dataDir} is not empty; a localnet starts from a fresh chain");
            return 2;
        }
        Directory.CreateDirectory(dataDir);
        var logPath = Path.Combine(dataDir, "localnet.log");
        await using var logFile = headless ? null : new StreamWriter(logPath) { AutoFlush = false };
        TextWriter logWriter = logFile ?? Console.Error;
        // The embedded node logs through its own console logger; keep it to warnings, on stderr, so it never mixes with
        // the table or the JSON summary (NodeHost reads these settings from the environment).
        Environment.SetEnvironmentVariable("Logging__LogLevel__TaoSharp", "Warning");
        Environment.SetEnvironmentVariable("Logging__Console__LogToStandardErrorThreshold", "Trace");
        using var logs = LoggerFactory.Create(b => b.AddProvider(new LineLoggerProvider(logWriter, LogLevel.Information)).SetMinimumLevel(LogLevel.Information));
        var progressLog = logs.CreateLogger("localnet");
        void Progress(string message)
        {
            progressLog.LogInformation("{Message}", message);
            if (!headless)
                AnsiConsole.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds,6:F1}s[/] {message}");
        }

        using var plan = new LocalnetPlan(settings.Validators, settings.Miners, ForecasterFactory.ModelTypes);
        var genesis = new GenesisConfig
        {
            ChainName = "TaoSharp Localnet",
            Balances = [.. plan.Validators.Concat(plan.Miners).SelectMany(n => new[]
            {
                new GenesisBalance(n.Coldkey.Ss58, ColdkeyFunds),
                new GenesisBalance(n.Hotkey.Ss58, HotkeyFunds),
            }), new GenesisBalance(plan.Owner.Hotkey.Ss58, HotkeyFunds)],
        };

        var models = LocalnetNeurons.CreateModels(plan);
        progressLog.LogInformation("{Count} dev keys derived at {Seconds:F2} s", plan.All.Count() * 2, clock.Elapsed.TotalSeconds);

        EmbeddedNode? node = null;
        var modelsHandedOver = false;
        try
        {
            node = await EmbeddedNode.StartAsync(dataDir, genesis, settings.RpcPort, TimeSpan.FromMilliseconds(settings.BlockTimeMs), cancellationToken);
            // From here Ctrl-C reaches us through the node's host (see EmbeddedNode.Stopping).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, node.Stopping);
            cancellationToken = stop.Token;
            using var monitor = new InvariantMonitor(node.Chain);
            var firstBlock = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            node.Chain.BlockImported += _ => firstBlock.TrySetResult(clock.Elapsed.TotalSeconds);
            Progress($"node started, RPC {node.RpcEndpoint}, data {dataDir}");
            var firstBlockSeconds = await firstBlock.Task.WaitAsync(cancellationToken);
            Progress($"first block after {firstBlockSeconds:F2} s");

            await using var client = await TaoClient.ConnectAsync(node.RpcEndpoint.ToString(), ct: cancellationToken);
            var bootstrap = new SubnetBootstrap(client, plan, Progress);
            var netuid = await bootstrap.CreateSubnetAsync(cancellationToken);
            var rateLimit = (ulong)(settings.WeightsRateLimit ?? System.Math.Max(1, settings.Tempo / 4));
            await bootstrap.ConfigureAsync(netuid, new LocalnetSubnetSettings((ushort)settings.Tempo, rateLimit, default), cancellationToken);
            await bootstrap.RegisterNeuronsAsync(netuid, cancellationToken);
            var priceBefore = await PriceAsync(client, netuid, cancellationToken);
            await bootstrap.StakeValidatorsAsync(netuid, new TaoBalance((ulong)settings.StakeTao * 1_000_000_000UL), cancellationToken);
            var priceAfter = await PriceAsync(client, netuid, cancellationToken);
            Progress($"alpha price {priceBefore} → {priceAfter} τ after staking");

            modelsHandedOver = true; // from here the miners own (and dispose) their models
            await using var neurons = await LocalnetNeurons.StartAsync(node.RpcEndpoint, netuid, plan, models, logs, settings.Seed, cancellationToken);
            Progress($"{neurons.Miners.Count} miners serving on {LocalnetNeurons.AxonAddress}, {neurons.Validators.Count} validators running");
            var reader = new LocalnetStatusReader(client, netuid, plan, neurons);

            double? firstEpochSeconds = null;
            LocalnetSnapshot? snapshot = null;
            async Task<LocalnetSnapshot> ReadAsync()
            {
                var s = await reader.ReadAsync(cancellationToken);
                if (firstEpochSeconds is null && s.Neurons.Any(n => n.Incentive > 0 || n.Dividends > 0))
                {
                    firstEpochSeconds = clock.Elapsed.TotalSeconds;
                    Progress($"first epoch results at block #{s.Block} after {firstEpochSeconds:F1} s");
                }
                return s;
            }

            if (headless)
            {
                while (node.Chain.Head.Number < settings.Blocks)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(System.Math.Max(100, settings.BlockTimeMs)), cancellationToken);
                    if (firstEpochSeconds is null)
                        snapshot = await ReadAsync();
                }
                snapshot = await ReadAsync();
                var facts = new LocalnetRunFacts(netuid, firstBlockSeconds, firstEpochSeconds, priceBefore, priceAfter,
                    monitor.BlocksChecked, monitor.ViolationCount, monitor.Violations,
                    neurons.Validators.ToDictionary(v => v.Plan.Hotkey.Ss58, v => v.Validator.WeightSets));
                Console.Out.WriteLine(LocalnetSummary.ToJson(snapshot, facts));
                return 0;
            }

            snapshot = await ReadAsync();
            Progress($"first table after {clock.Elapsed.TotalSeconds:F1} s; logs in {logPath}");
            await AnsiConsole.Live(LocalnetTable.Render(snapshot, netuid, node.RpcEndpoint, logPath)).StartAsync(async ctx =>
            {
                var shownStep = snapshot.Pool.LastStep;
                var shownBlock = snapshot.Block;
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(System.Math.Max(250, settings.BlockTimeMs)), cancellationToken);
                    var head = node.Chain.Head.Number;
                    // The table refreshes each tempo (new epoch results), and at least every tempo's worth of blocks.
                    if (head < shownBlock + (ulong)settings.Tempo && firstEpochSeconds is not null)
                    {
                        var s = await reader.ReadAsync(cancellationToken);
                        if (s.Pool.LastStep == shownStep)
                            continue;
                        snapshot = s;
                    }
                    else
                        snapshot = await ReadAsync();
                    shownStep = snapshot.Pool.LastStep;
                    shownBlock = snapshot.Block;
                    ctx.UpdateTarget(LocalnetTable.Render(snapshot, netuid, node.RpcEndpoint, logPath));
                }
            });
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!headless)
                AnsiConsole.MarkupLine("[grey]stopping…[/]");
            return headless ? 130 : 0;
        }
        catch (LocalnetSetupException e)
        {
            await Console.Error.WriteLineAsync("error: localnet setup: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or ChainConnectionException or GenesisConfigException or InvalidOperationException or FormatException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message + (e is IOException && e.Message.Contains("address", StringComparison.OrdinalIgnoreCase)
                ? $" (is another node using port {settings.RpcPort}? try --rpc-port 0)" : ""));
            return 1;
        }
        finally
        {
            if (!modelsHandedOver)
            {
                foreach (var m in models)
                    (m as IDisposable)?.Dispose();
            }
            if (node is not null)
                await node.DisposeAsync();
            if (tempDir is not null)
            {
                try
                {
                    Directory.Delete(tempDir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task<decimal> PriceAsync(TaoClient client, ushort netuid, CancellationToken ct)
    {
        var p = await client.CallAsync("swap_currentAlphaPrice", [netuid], ct);
        return decimal.Parse(p?["price"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
