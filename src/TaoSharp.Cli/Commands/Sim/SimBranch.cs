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
        sim.AddCommand<SimSwapCommand>("swap")
            .WithDescription("Stake (buy) or unstake (sell) through a subnet pool along the add_stake/remove_stake path; prints the pool step as JSON.")
            .WithExample("sim", "swap", "case.json");
        sim.AddCommand<SimBlockEmissionCommand>("block-emission")
            .WithDescription("Print the per-block emission in RAO for a given issuance.")
            .WithExample("sim", "block-emission", "--issuance", "10500000000000000");
    }
}
