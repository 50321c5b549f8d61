using Spectre.Console;
using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands;

public sealed class VersionCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        AnsiConsole.WriteLine($"TaoSharp {VersionInfo.Version}");
        return 0;
    }
}
