using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.Stake;

/// <summary>
/// <c>tao stake auto</c>: the coldkey's auto-stake destinations per subnet (subnetInfo_getColdkeyAutoStakeHotkeys); subnets
/// without one pay miners' incentive to their own hotkeys. JSON data = {"coldkey", "destinations": [{netuid, hotkey}]}.
/// </summary>
public sealed class StakeAutoCommand : ChainCommand<ColdkeyQuerySettings>
{
    protected override int Run(ColdkeyQuerySettings settings, WalletPrompts prompts)
    {
        var coldkey = ColdkeyAddress(settings, settings.Ss58);
        var destinations = Read(settings, "Retrieving auto-stake destinations...", r => r.ArrayAsync("subnetInfo_getColdkeyAutoStakeHotkeys", coldkey));
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteString("coldkey", coldkey);
                JsonFields.Write(w, "destinations", destinations);
            });
            return 0;
        }
        if (destinations.Count == 0)
        {
            AnsiConsole.MarkupLine($"No auto-stake destinations for {Markup.Escape(coldkey)}: miners' incentive is staked to their own hotkeys. Set one with `tao stake set-auto --netuid N --hotkey H`.");
            return 0;
        }
        var table = new Table().Title($"Auto-stake destinations of {coldkey}").AddColumns("Netuid", "Destination hotkey");
        foreach (var d in destinations) table.AddRow(Str(d, "netuid"), Str(d, "hotkey"));
        AnsiConsole.Write(table);
        return 0;
    }
}

/// <summary>
/// <c>tao stake set-auto --netuid N</c>: set_coldkey_auto_stake_hotkey — the wallet coldkey's miners' incentive on the subnet
/// is staked to --hotkey (a wallet hotkey name or an SS58 address; it must hold a UID on the subnet). JSON data adds
/// netuid, hotkey.
/// </summary>
public sealed class StakeSetAutoCommand : ChainCommand<SubnetSettings>
{
    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        using var hotkey = HotkeyPub(settings);
        Confirm(settings, $"Stake your miners' incentive on subnet {netuid} to {hotkey.Ss58Address}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.SetColdkeyAutoStakeHotkey(netuid, Account(hotkey)), "set_coldkey_auto_stake_hotkey",
            error => error.Contains("SameAutoStakeHotkeyAlreadySet", StringComparison.Ordinal)
                ? "This hotkey already is the destination on this subnet; nothing to do."
                : null);
        WriteTransaction(settings, result, $"Auto-stake destination on subnet {netuid} set to {hotkey.Ss58Address}", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteString("hotkey", hotkey.Ss58Address);
        });
        return 0;
    }
}
