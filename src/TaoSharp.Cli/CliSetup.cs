using Spectre.Console.Cli;
using TaoSharp.Cli.Commands;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Node;
using TaoSharp.Cli.Commands.Sim;
using TaoSharp.Cli.Commands.Wallet;

namespace TaoSharp.Cli;

/// <summary>Registers every command group of the `tao` executable. Each group lives in its own folder under Commands/.</summary>
public static class CliSetup
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tao");
        config.SetApplicationVersion(VersionInfo.Version);
        // Usage errors exit 2 (Spectre's default is -1); see CliExceptionHandler.
        config.SetExceptionHandler((exception, _) => CliExceptionHandler.Handle(exception));
        config.AddCommand<VersionCommand>("version").WithDescription("Print the TaoSharp version.");
        // Branches are registered once they have commands (Spectre rejects an empty branch):
        config.AddBranch("keys", KeysBranch.Configure);
        config.AddBranch("wallet", WalletBranch.Configure);
        config.AddBranch("sim", SimBranch.Configure);
        // Chain command groups with btcli's names and aliases (docs/cli.md).
        config.AddBranch("subnets", Commands.Subnets.SubnetsBranch.Configure).WithAlias("s").WithAlias("subnet");
        config.AddBranch("stake", Commands.Stake.StakeBranch.Configure).WithAlias("st");
        config.AddBranch("weights", Commands.Weights.WeightsBranch.Configure).WithAlias("wt").WithAlias("weight");
        config.AddBranch("sudo", Commands.Sudo.SudoBranch.Configure).WithAlias("su");
        config.AddBranch("root", Commands.Root.RootBranch.Configure);
        config.AddBranch("axon", Commands.Axon.AxonBranch.Configure);
        config.AddCommand<Commands.Localnet.LocalnetCommand>("localnet").WithDescription("Run a local network: embedded node, the forecast subnet, its miners and validators, and a live metagraph table.");
        config.AddCommand<NodeCommand>("node").WithDescription("Run a chain node: dev authority, RocksDB data dir, JSON-RPC on 127.0.0.1:9944.");
    }
}
