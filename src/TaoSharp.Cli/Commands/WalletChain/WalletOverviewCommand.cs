using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Wallet;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.WalletChain;

public sealed class WalletOverviewSettings : ChainWalletSettings
{
    [CommandOption("--netuids|--netuid")]
    [Description("Only these subnets (comma-separated; default: all).")]
    public string? Netuids { get; init; }

    [CommandOption("--ss58")]
    [Description("Show this coldkey instead of the wallet's.")]
    public string? Ss58 { get; init; }
}

/// <summary>
/// <c>tao wallet overview</c>: every neuron of the coldkey, per subnet, from each subnet's lite metagraph.
/// JSON data = {"coldkey", "subnets": [{netuid, name, symbol, neurons: [{uid, hotkey, active, stake, rank, trust, consensus,
/// incentive, dividends, emission, validator_trust, validator_permit, last_update, axon}]}]} (values as in the metagraph).
/// </summary>
public sealed class WalletOverviewCommand : ChainCommand<WalletOverviewSettings>
{
    private static readonly string[] Columns = ["rank", "trust", "consensus", "incentive", "dividends", "emission", "validator_trust", "validator_permit", "last_update", "active"];

    protected override int Run(WalletOverviewSettings settings, WalletPrompts prompts)
    {
        var coldkey = ColdkeyAddress(settings, settings.Ss58);
        var wanted = ParseNetuids(settings.Netuids, "--netuids");
        var subnets = Read(settings, "Retrieving neurons...", async r =>
        {
            var netuids = wanted?.Select(n => (int)n.Value).ToArray()
                ?? (await r.ArrayAsync("subnetInfo_getSubnetsInfo").ConfigureAwait(false)).Select(x => x!["netuid"]!.GetValue<int>()).ToArray();
            var found = new List<JsonObject>();
            foreach (var n in netuids)
            {
                if (await r.CallAsync("subnetInfo_getMetagraph", n, false).ConfigureAwait(false) is not JsonObject m) continue;
                var neurons = new JsonArray();
                var coldkeys = Array(m, "coldkeys");
                for (int i = 0; i < coldkeys.Count; i++)
                {
                    if (coldkeys[i]?.GetValue<string>() != coldkey) continue;
                    var neuron = new JsonObject { ["uid"] = Array(m, "uids")[i]!.DeepClone(), ["hotkey"] = Array(m, "hotkeys")[i]!.DeepClone(), ["stake"] = Array(m, "total_stake")[i]!.DeepClone() };
                    foreach (var c in Columns) neuron[c] = Array(m, c)[i]?.DeepClone();
                    neuron["axon"] = Array(m, "axons")[i]?.DeepClone();
                    neurons.Add(neuron);
                }
                if (neurons.Count > 0)
                    found.Add(new JsonObject { ["netuid"] = n, ["name"] = Str(m, "name"), ["symbol"] = Str(m, "symbol"), ["neurons"] = neurons });
            }
            return found;
        });
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteString("coldkey", coldkey);
                JsonFields.Write(w, "subnets", new JsonArray(subnets.Cast<JsonNode>().ToArray()));
            });
            return 0;
        }
        AnsiConsole.MarkupLine($"Wallet overview of coldkey [bold]{coldkey}[/]");
        if (subnets.Count == 0) AnsiConsole.MarkupLine("No neurons: register a hotkey with `tao subnets register --netuid N`.");
        foreach (var sn in subnets)
        {
            var table = new Table().Title($"Subnet {Str(sn, "netuid")}: {Markup.Escape(Str(sn, "name"))}")
                .AddColumns("UID", "ACTIVE", "STAKE", "RANK", "TRUST", "CONSENSUS", "INCENTIVE", "DIVIDENDS", "EMISSION", "VTRUST", "VPERMIT", "UPDATED", "AXON", "HOTKEY");
            foreach (var nn in Array(sn, "neurons"))
            {
                var axon = nn!["axon"];
                table.AddRow(Str(nn, "uid"), Bool(nn, "active") ? "*" : "", Units(U64(nn, "stake")), Normalized(U64(nn, "rank")), Normalized(U64(nn, "trust")),
                    Normalized(U64(nn, "consensus")), Normalized(U64(nn, "incentive")), Normalized(U64(nn, "dividends")), Units(U64(nn, "emission")),
                    Normalized(U64(nn, "validator_trust")), Bool(nn, "validator_permit") ? "*" : "", Str(nn, "last_update"),
                    axon is null || Str(axon, "ip") == "0.0.0.0" ? "none" : $"{Str(axon, "ip")}:{Str(axon, "port")}", Str(nn, "hotkey"));
            }
            AnsiConsole.Write(table);
        }
        return 0;
    }
}
