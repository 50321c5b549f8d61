using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Sudo;

public sealed class SudoTrimSettings : SubnetSettings
{
    [CommandOption("--max-uids|--max")]
    [Description("New MaxAllowedUids (at least the subnet's MinAllowedUids, at most its current MaxAllowedUids).")]
    public int? MaxUids { get; init; }

    [CommandOption("--sudo")]
    [Description("Submit through Sudo.sudo as root (the wallet's coldkey must be the sudo key); default: signed by the subnet owner's coldkey.")]
    public bool Sudo { get; init; }
}

/// <summary>
/// <c>tao sudo trim</c> (btcli's name): AdminUtils sudo_trim_to_max_allowed_uids. The owner (rate limited) or root lowers
/// MaxAllowedUids; when more neurons are registered the lowest emitters are deregistered (never the owner's immune
/// UIDs nor neurons in their immunity period) and the survivors renumbered 0..max-1 in their old order.
/// JSON data adds netuid, max_uids, sudo and removed_uids (the old UIDs that were dropped).
/// </summary>
public sealed class SudoTrimCommand : ChainCommand<SudoTrimSettings>
{
    protected override int Run(SudoTrimSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var max = settings.MaxUids ?? throw new UsageException("--max-uids is required");
        if (max is < 1 or > ushort.MaxValue) throw new UsageException("--max-uids must be 1..65535");
        var inner = Calls.TrimToMaxAllowedUids(netuid, (ushort)max);
        var call = settings.Sudo ? Calls.SudoCall(inner) : inner;
        Confirm(settings, $"Trim subnet {netuid} to {max} UIDs? The lowest emitters beyond it are deregistered and the rest renumbered.");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, call, "sudo_trim_to_max_allowed_uids");
        var trimmed = result.Events.FirstOrDefault(e => e.Pallet == "AdminUtils" && e.Name == "UidsTrimmed");
        var removed = trimmed is not null && trimmed.Fields.TryGetValue("removed", out var text) && text.Length > 0
            ? text.Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [];
        WriteTransaction(settings, result, $"subnet {netuid} trimmed to {max} UIDs ({removed.Length} removed)", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteNumber("max_uids", max);
            w.WriteBoolean("sudo", settings.Sudo);
            w.WriteStartArray("removed_uids");
            foreach (var uid in removed) w.WriteNumberValue(uid);
            w.WriteEndArray();
        });
        return 0;
    }
}
