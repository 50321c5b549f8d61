using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Sudo;

/// <summary>`tao sudo ...` (aliases su): hyperparameters by name.</summary>
public static class SudoBranch
{
    public static void Configure(IConfigurator<CommandSettings> s)
    {
        s.SetDescription("Set and read subnet hyperparameters (AdminUtils sudo_set_*).");
        s.AddCommand<SudoSetCommand>("set").WithDescription("Set a hyperparameter by name (owner coldkey; root-only ones through Sudo.sudo).");
        s.AddCommand<SubnetsHyperparametersCommand>("get").WithDescription("A subnet's hyperparameters (= subnets hyperparameters).");
        s.AddCommand<SudoTrimCommand>("trim").WithDescription("Lower MaxAllowedUids, deregistering the lowest emitters (owner, or root with --sudo).");
        s.AddCommand<SudoStakeBurnCommand>("stake-burn").WithDescription("Owner buy-back: buy --amount TAO of the subnet's alpha and burn it (add_stake_burn).");
    }
}

public sealed class SudoSetSettings : SubnetSettings
{
    [CommandOption("--param")]
    [Description("Hyperparameter name as `sudo get` prints it (tempo, weights_rate_limit, ...) or the call name (sudo_set_tempo).")]
    public string? Param { get; init; }

    [CommandOption("--value")]
    [Description("New value: integers, true/false, low,high for alpha_values, decimals for fixed-point settings.")]
    public string? Value { get; init; }
}

/// <summary>
/// <c>tao sudo set</c>: the AdminUtils setter named by --param with the value typed as its argument; root-only setters
/// are wrapped in Sudo.sudo (the wallet's coldkey must be the sudo key), the others are signed by the owner's coldkey.
/// JSON data adds param, call, netuid, value, sudo.
/// </summary>
public sealed class SudoSetCommand : ChainCommand<SudoSetSettings>
{
    protected override int Run(SudoSetSettings settings, WalletPrompts prompts)
    {
        var name = settings.Param ?? throw new UsageException("--param is required (see `tao sudo get --netuid N` for the names)");
        var p = AdminHyperparameters.Find(name)
            ?? throw new UsageException($"unknown hyperparameter '{name}'; known: {string.Join(", ", AdminHyperparameters.All.Select(x => x.Name ?? x.CallName["sudo_set_".Length..]))}");
        var value = settings.Value ?? throw new UsageException($"--value is required ({p.ValueHint})");
        NetUid? netuid = p.PerSubnet ? RequireNetuid(settings.Netuid) : settings.Netuid is null ? null
            : throw new UsageException($"{p.CallName} is a global setting: leave out --netuid");
        byte[] inner;
        try
        {
            inner = Calls.AdminSet(p, netuid, value);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        var call = p.RootOnly ? Calls.SudoCall(inner) : inner;
        Confirm(settings, $"Set {p.Name ?? p.CallName} to {value}{(netuid is { } n ? $" on subnet {n}" : "")}{(p.RootOnly ? " (root-only: through Sudo.sudo)" : "")}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, call, p.CallName);
        WriteTransaction(settings, result, $"{p.Name ?? p.CallName} set to {value}", w =>
        {
            w.WriteString("param", p.Name ?? p.CallName);
            w.WriteString("call", p.CallName);
            if (netuid is { } x) w.WriteNumber("netuid", x.Value); else w.WriteNull("netuid");
            w.WriteString("value", value);
            w.WriteBoolean("sudo", p.RootOnly);
        });
        return 0;
    }
}
