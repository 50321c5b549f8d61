using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Subnets;

/// <summary>`tao subnets ...` (aliases s, subnet): btcli's subnet commands over the domain RPC.</summary>
public static class SubnetsBranch
{
    public static void Configure(IConfigurator<CommandSettings> s)
    {
        s.SetDescription("List, inspect, create, start and register on subnets.");
        s.AddCommand<SubnetsListCommand>("list").WithDescription("All subnets with price, pool reserves, emission and tempo.");
        s.AddCommand<SubnetsShowCommand>("show").WithDescription("One subnet's neurons (UID, stake, dividends, incentive, emission, keys).");
        s.AddCommand<SubnetsMetagraphCommand>("metagraph").WithDescription("The subnet's metagraph (lite; --full adds weights and bonds).");
        s.AddCommand<SubnetsPriceCommand>("price").WithDescription("Current alpha price (TAO per alpha) of subnets.");
        s.AddCommand<SubnetsHyperparametersCommand>("hyperparameters").WithAlias("hyperparams").WithDescription("A subnet's hyperparameters.");
        s.AddCommand<SubnetsBurnCostCommand>("burn-cost").WithAlias("lock-cost").WithDescription("TAO locked to create a subnet now.");
        s.AddCommand<SubnetsCreateCommand>("create").WithDescription("Create a subnet (register_network), paying the lock cost.");
        s.AddCommand<SubnetsRegisterCommand>("register").WithDescription("Register the hotkey on a subnet by burning (netuid 0: root_register).");
        s.AddCommand<SubnetsStartCommand>("start").WithDescription("Start the subnet's emissions (start_call, subnet owner only).");
        s.AddCommand<SubnetsTriggerEpochCommand>("trigger-epoch").WithDescription("Run the subnet's next epoch after the freeze window (trigger_epoch, owner only; TaoSharp's command).");
        s.AddCommand<SubnetsSetIdentityCommand>("set-identity").WithDescription("Set the subnet's identity (set_subnet_identity, owner only).");
        s.AddCommand<SubnetsGetIdentityCommand>("get-identity").WithDescription("Show the subnet's name, symbol and identity.");
        s.AddCommand<SubnetsSetSymbolCommand>("set-symbol").WithDescription("Change the subnet's token symbol (update_symbol, owner only).");
    }
}
