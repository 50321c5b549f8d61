using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Sim;

/// <summary>`tao sim ...`: run the Runtime's own code on a case file for checking and research.</summary>
public static class SimBranch
{
    public static void Configure(IConfigurator<CommandSettings> sim)
    {
        sim.SetDescription("Run the chain's own code on a case file (epoch, swap, block emission).");
    }
}
