using Spectre.Console.Cli;
using TaoSharp.Cli.Commands;

namespace TaoSharp.Cli;

/// <summary>Registers every command group of the `tao` executable. Each group lives in its own file under Commands/.</summary>
public static class CliSetup
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tao");
        config.SetApplicationVersion(VersionInfo.Version);
        config.PropagateExceptions();
        config.AddCommand<VersionCommand>("version").WithDescription("Print the TaoSharp version.");
    }
}
