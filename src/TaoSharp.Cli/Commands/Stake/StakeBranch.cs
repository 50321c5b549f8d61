using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Stake;

/// <summary>`tao stake ...` (alias st): staking with btcli's names; add/remove/swap are safe (price-limited) by default.</summary>
public static class StakeBranch
{
    public static void Configure(IConfigurator<CommandSettings> s)
    {
        s.SetDescription("Stake TAO into subnets, unstake, move, transfer, swap; child hotkeys; root claims; auto-stake destinations.");
        s.AddCommand<StakeAddCommand>("add").WithDescription("Stake TAO to a hotkey on a subnet (safe by default: add_stake_limit).");
        s.AddCommand<StakeRemoveCommand>("remove").WithDescription("Unstake alpha to TAO (safe by default: remove_stake_limit).");
        s.AddCommand<StakeListCommand>("list").WithDescription("Stakes of a coldkey per hotkey and subnet.");
        s.AddCommand<StakeMoveCommand>("move").WithDescription("Move stake to another hotkey and/or subnet (move_stake).");
        s.AddCommand<StakeTransferCommand>("transfer").WithDescription("Give stake to another coldkey (transfer_stake).");
        s.AddCommand<StakeSwapCommand>("swap").WithDescription("Swap stake between subnets on one hotkey (safe by default: swap_stake_limit).");
        s.AddBranch("child", c =>
        {
            c.SetDescription("Child hotkeys: delegate a share of a hotkey's stake weight.");
            c.AddCommand<StakeChildGetCommand>("get").WithDescription("Children of the hotkey on a subnet.");
            c.AddCommand<StakeChildSetCommand>("set").WithDescription("Set children with proportions (set_children).");
            c.AddCommand<StakeChildRevokeCommand>("revoke").WithDescription("Remove all children (set_children with none).");
            c.AddCommand<StakeChildTakeCommand>("take").WithDescription("Set the childkey take (set_childkey_take).");
        });
        s.AddCommand<StakeAutoCommand>("auto").WithDescription("Auto-stake destinations of the coldkey per subnet (where miners' incentive is staked).");
        s.AddCommand<StakeSetAutoCommand>("set-auto").WithDescription("Stake the coldkey's miners' incentive on --netuid to --hotkey (set_coldkey_auto_stake_hotkey).");
        s.AddCommand<StakeClaimRootCommand>("claim-root").WithAlias("process-claim").WithDescription("Claim root-network dividends on subnets (claim_root).");
    }
}
