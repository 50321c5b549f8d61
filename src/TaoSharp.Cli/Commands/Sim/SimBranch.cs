using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Sim;

/// <summary>`tao sim ...`: run the Runtime's own code on a case file for checking and research.</summary>
public static class SimBranch
{
    public static void Configure(IConfigurator<CommandSettings> sim)
    {
        sim.SetDescription("Run the chain's own code on a case file (epoch, swap, block emission).");
        sim.AddCommand<SimEpochCommand>("epoch")
            .WithDescription("Run one Yuma Consensus epoch on an epoch-case JSON file and print its outputs as JSON.")
            .WithExample("sim", "epoch", "case.json");
    }
}
