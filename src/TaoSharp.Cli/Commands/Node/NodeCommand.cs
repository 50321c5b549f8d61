using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Node;
using TaoSharp.Node.Configuration;

namespace TaoSharp.Cli.Commands.Node;

/// <summary>`tao node`: run a chain node (dev authority, RocksDB data directory, JSON-RPC on 127.0.0.1:9944).</summary>
public sealed class NodeCommand : AsyncCommand<NodeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dev")]
        [Description("Development chain: built-in genesis (//Alice..//Ferdie funded, //Alice sudo), fast 250 ms blocks unless told otherwise, temporary data dir unless --base-path is given.")]
        public bool Dev { get; init; }

        [CommandOption("-d|--base-path <DIR>")]
        [Description("Data directory (RocksDB). Resumes from its last committed block.")]
        public string? BasePath { get; init; }

        [CommandOption("--tmp")]
        [Description("Use a fresh temporary data directory (deleted on exit).")]
        public bool Tmp { get; init; }

        [CommandOption("--genesis <FILE>")]
        [Description("Genesis config JSON (see docs/node.md). Default: the built-in dev genesis.")]
        public string? Genesis { get; init; }

        [CommandOption("--rpc-port <PORT>")]
        [Description("JSON-RPC port (HTTP and WebSocket). Default 9944.")]
        public int? RpcPort { get; init; }

        [CommandOption("--rpc-host <IP>")]
        [Description("JSON-RPC listen address. Default 127.0.0.1.")]
        public string? RpcHost { get; init; }

        [CommandOption("--block-time <MS>")]
        [Description("Block interval in milliseconds (12000 like mainnet, 250 for fast blocks).")]
        public int? BlockTimeMs { get; init; }

        [CommandOption("--instant")]
        [Description("Author a block as soon as transactions are ready instead of on an interval.")]
        public bool Instant { get; init; }

        [CommandOption("--max-block-extrinsics <N>")]
        [Description("Most extrinsics per block. Default 20000.")]
        public int? MaxBlockExtrinsics { get; init; }

        [CommandOption("--print-genesis")]
        [Description("Print the default genesis config JSON and exit.")]
        public bool PrintGenesis { get; init; }

        public override ValidationResult Validate()
        {
            if (RpcPort is < 0 or > 65535) return ValidationResult.Error("--rpc-port must be 0..65535");
            if (BlockTimeMs is <= 0) return ValidationResult.Error("--block-time must be positive");
            if (Instant && BlockTimeMs is not null) return ValidationResult.Error("--instant and --block-time exclude each other");
            if (Tmp && BasePath is not null) return ValidationResult.Error("--tmp and --base-path exclude each other");
            if (MaxBlockExtrinsics is <= 0) return ValidationResult.Error("--max-block-extrinsics must be positive");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.PrintGenesis)
        {
            Console.WriteLine(new GenesisConfig().ToJson());
            return 0;
        }
        string? tempDir = null;
        var dataDir = settings.BasePath;
        if (dataDir is null && (settings.Tmp || settings.Dev))
            dataDir = tempDir = Directory.CreateTempSubdirectory("taosharp-node-").FullName;
        if (dataDir is null)
        {
            AnsiConsole.MarkupLine("[red]error:[/] give --base-path <DIR>, --tmp or --dev");
            return 2;
        }
        var options = new NodeOptions
        {
            DataDir = dataDir,
            GenesisPath = settings.Genesis,
            RpcPort = settings.RpcPort ?? 9944,
            RpcHost = settings.RpcHost ?? "127.0.0.1",
            Sealing = settings.Instant ? SealingMode.Instant : SealingMode.Interval,
            BlockTime = TimeSpan.FromMilliseconds(settings.BlockTimeMs ?? (settings.Dev ? 250 : 12_000)),
            MaxExtrinsicsPerBlock = settings.MaxBlockExtrinsics ?? 20_000,
        };
        try
        {
            var app = NodeHost.Build(options, VersionInfo.Version);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is GenesisConfigException or InvalidOperationException or InvalidDataException or IOException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
        finally
        {
            if (tempDir is not null)
                try { Directory.Delete(tempDir, recursive: true); } catch (IOException) { }
        }
    }
}
