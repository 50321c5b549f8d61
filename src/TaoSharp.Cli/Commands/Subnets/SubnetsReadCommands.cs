using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.Subnets;

public class SubnetSettings : ChainWalletSettings
{
    [CommandOption("--netuid")]
    [Description("Subnet id.")]
    public int? Netuid { get; init; }
}

/// <summary><c>tao subnets list</c>: subnetInfo_getAllDynamicInfo; JSON data = {"subnets": DynamicInfo[]}.</summary>
public sealed class SubnetsListCommand : ChainCommand<ChainWalletSettings>
{
    protected override int Run(ChainWalletSettings settings, WalletPrompts prompts)
    {
        var subnets = Read(settings, "Retrieving subnets...", r => r.ArrayAsync("subnetInfo_getAllDynamicInfo"));
        if (settings.JsonOutput)
        {
            WriteJson(w => JsonFields.Write(w, "subnets", subnets));
            return 0;
        }
        var table = new Table().Title("Subnets").AddColumns("Netuid", "Name", "Price (τ/α)", "Market cap (τ)", "Emission (τ)", "TAO in (τ)", "Alpha in (α)", "Alpha out (α)", "Tempo (k/n)");
        decimal totalCap = 0, totalTaoIn = 0;
        foreach (var s in subnets)
        {
            var price = decimal.Parse(Str(s, "price"), CultureInfo.InvariantCulture);
            var cap = price * (U64(s, "alpha_in") + U64(s, "alpha_out")) / 1_000_000_000m;
            totalCap += cap;
            totalTaoIn += U64(s, "tao_in") / 1_000_000_000m;
            table.AddRow(Str(s, "netuid"), Markup.Escape($"{Str(s, "token_symbol")} {Str(s, "subnet_name")}"), price.ToString("0.000000000", CultureInfo.InvariantCulture),
                cap.ToString("0.0000", CultureInfo.InvariantCulture), Units(U64(s, "emission")), Units(U64(s, "tao_in")), Units(U64(s, "alpha_in")),
                Units(U64(s, "alpha_out")), $"{Str(s, "blocks_since_last_step")}/{Str(s, "tempo")}");
        }
        table.AddRow("", "[bold]total[/]", "", totalCap.ToString("0.0000", CultureInfo.InvariantCulture), "", totalTaoIn.ToString("0.000000000", CultureInfo.InvariantCulture), "", "", "");
        AnsiConsole.Write(table);
        return 0;
    }
}

public sealed class SubnetsShowSettings : SubnetSettings
{
    [CommandOption("--sort")]
    [Description("Sort the neuron table by: uid (default), stake, incentive, dividends, emission.")]
    public string? Sort { get; init; }
}

/// <summary><c>tao subnets show</c>: the lite metagraph as a neuron table; JSON data = {"metagraph": Metagraph}.</summary>
public sealed class SubnetsShowCommand : ChainCommand<SubnetsShowSettings>
{
    protected override int Run(SubnetsShowSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var m = Read(settings, "Retrieving the metagraph...", r => r.CallAsync("subnetInfo_getMetagraph", (int)netuid.Value, false))
            ?? throw NoSubnet(netuid);
        if (settings.JsonOutput)
        {
            WriteJson(w => JsonFields.Write(w, "metagraph", m));
            return 0;
        }
        MetagraphTable.Write(m, settings.Sort);
        return 0;
    }
}

public sealed class SubnetsMetagraphSettings : SubnetSettings
{
    [CommandOption("--full")]
    [Description("Include weights and bonds.")]
    public bool Full { get; init; }
}

/// <summary><c>tao subnets metagraph</c>: subnetInfo_getMetagraph(netuid, full); JSON data = {"metagraph": Metagraph}.</summary>
public sealed class SubnetsMetagraphCommand : ChainCommand<SubnetsMetagraphSettings>
{
    protected override int Run(SubnetsMetagraphSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var m = Read(settings, "Retrieving the metagraph...", r => r.CallAsync("subnetInfo_getMetagraph", (int)netuid.Value, settings.Full))
            ?? throw NoSubnet(netuid);
        if (settings.JsonOutput)
        {
            WriteJson(w => JsonFields.Write(w, "metagraph", m));
            return 0;
        }
        MetagraphTable.Write(m, null);
        return 0;
    }
}

/// <summary>The neuron table of `subnets show`/`metagraph` and `root list`.</summary>
internal static class MetagraphTable
{
    public static void Write(JsonNode m, string? sort)
    {
        AnsiConsole.MarkupLine($"[bold]Subnet {Str(m, "netuid")}[/] {Markup.Escape(Str(m, "name"))} ({Markup.Escape(Str(m, "symbol"))})  " +
            $"block {Str(m, "block")}, tempo {Str(m, "tempo")}, n {Str(m, "n")}/{Str(m, "max_uids")}, price {Str(m["pool"], "price")} τ/α");
        var n = Array(m, "uids").Count;
        var rows = Enumerable.Range(0, n).ToArray();
        string[] keys = ["total_stake", "incentive", "dividends", "emission"];
        var key = sort?.ToLowerInvariant() switch
        {
            null or "uid" => null,
            "stake" => "total_stake",
            var k when keys.Contains(k) => k,
            _ => throw new Keys.UsageException("--sort must be uid, stake, incentive, dividends or emission"),
        };
        if (key is not null) rows = rows.OrderByDescending(i => Array(m, key)[i]!.GetValue<ulong>()).ToArray();
        var table = new Table().AddColumns("UID", "Stake (α)", "Alpha (α)", "TAO (τ)", "Dividends", "Incentive", "Emission (α)", "VPermit", "Updated", "Axon", "Hotkey", "Coldkey");
        foreach (var i in rows)
        {
            var axon = Array(m, "axons")[i];
            table.AddRow(Array(m, "uids")[i]!.ToJsonString(),
                Units(Array(m, "total_stake")[i]!.GetValue<ulong>()), Units(Array(m, "alpha_stake")[i]!.GetValue<ulong>()),
                Units(Array(m, "tao_stake")[i]!.GetValue<ulong>()), Normalized(Array(m, "dividends")[i]!.GetValue<ulong>()),
                Normalized(Array(m, "incentive")[i]!.GetValue<ulong>()), Units(Array(m, "emission")[i]!.GetValue<ulong>()),
                Array(m, "validator_permit")[i]!.GetValue<bool>() ? "*" : "", Array(m, "last_update")[i]!.ToJsonString(),
                axon is null || Str(axon, "ip") == "0.0.0.0" ? "none" : $"{Str(axon, "ip")}:{Str(axon, "port")}",
                Array(m, "hotkeys")[i]!.GetValue<string>(), Array(m, "coldkeys")[i]!.GetValue<string>());
        }
        AnsiConsole.Write(table);
    }
}

public sealed class SubnetsPriceSettings : ChainWalletSettings
{
    [CommandOption("--netuids|--netuid")]
    [Description("Comma-separated subnet ids (default: all).")]
    public string? Netuids { get; init; }

    [CommandOption("--all")]
    [Description("All subnets (the default).")]
    public bool All { get; init; }
}

/// <summary><c>tao subnets price</c>: current prices only (no history is kept by the node); JSON data = {"prices": [{netuid, price, price_rao}]}.</summary>
public sealed class SubnetsPriceCommand : ChainCommand<SubnetsPriceSettings>
{
    protected override int Run(SubnetsPriceSettings settings, WalletPrompts prompts)
    {
        var wanted = ParseNetuids(settings.Netuids, "--netuids");
        var prices = Read(settings, "Retrieving prices...", async r =>
        {
            var list = new List<(int Netuid, JsonNode Price)>();
            var netuids = wanted?.Select(n => (int)n.Value)
                ?? (await r.ArrayAsync("subnetInfo_getAllDynamicInfo").ConfigureAwait(false)).Select(s => s!["netuid"]!.GetValue<int>()).ToArray();
            foreach (var n in netuids)
                list.Add((n, await r.CallAsync("swap_currentAlphaPrice", n).ConfigureAwait(false)
                    ?? throw new Keys.CommandFailedException($"subnet {n} does not exist (see `tao subnets list`)")));
            return list;
        });
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteStartArray("prices");
                foreach (var (n, p) in prices)
                {
                    w.WriteStartObject();
                    w.WriteNumber("netuid", n);
                    w.WriteString("price", Str(p, "price"));
                    w.WriteNumber("price_rao", U64(p, "price_rao"));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            return 0;
        }
        var table = new Table().AddColumns("Netuid", "Price (τ/α)", "RAO per α");
        foreach (var (n, p) in prices) table.AddRow(n.ToString(CultureInfo.InvariantCulture), Str(p, "price"), Str(p, "price_rao"));
        AnsiConsole.Write(table);
        return 0;
    }
}

/// <summary><c>tao subnets hyperparameters</c> (= <c>sudo get</c>); JSON data = {"netuid", "hyperparameters": SubnetHyperparams}.</summary>
public sealed class SubnetsHyperparametersCommand : ChainCommand<SubnetSettings>
{
    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var h = Read(settings, "Retrieving hyperparameters...", r => r.CallAsync("subnetInfo_getSubnetHyperparams", (int)netuid.Value))
            ?? throw NoSubnet(netuid);
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteNumber("netuid", netuid.Value);
                JsonFields.Write(w, "hyperparameters", h);
            });
            return 0;
        }
        string[] normalized = ["rho", "kappa", "alpha_high", "alpha_low", "max_weights_limit"];
        var table = new Table().Title($"Subnet {netuid} hyperparameters").AddColumns("HYPERPARAMETER", "VALUE", "NORMALIZED", "SETTER", "WHO");
        foreach (var (name, value) in h.AsObject())
        {
            var setter = AdminHyperparameters.Find(name) is { Name: not null } p ? p : null;
            var text = value?.ToJsonString().Trim('"') ?? "";
            var norm = normalized.Contains(name) && ulong.TryParse(text, CultureInfo.InvariantCulture, out var u) ? Normalized(u)
                : name is "min_burn" or "max_burn" && ulong.TryParse(text, CultureInfo.InvariantCulture, out var b) ? Units(b) + " τ" : "";
            table.AddRow(name, text, norm, setter?.CallName ?? "-", setter is null ? "-" : setter.RootOnly ? "sudo" : "owner");
        }
        AnsiConsole.Write(table);
        return 0;
    }
}

/// <summary><c>tao subnets burn-cost</c>: subnetInfo_getLockCost; JSON data = {"burn_cost_rao", "burn_cost"}.</summary>
public sealed class SubnetsBurnCostCommand : ChainCommand<ChainWalletSettings>
{
    protected override int Run(ChainWalletSettings settings, WalletPrompts prompts)
    {
        var cost = Read(settings, "Retrieving the lock cost...", async r =>
            (await r.CallAsync("subnetInfo_getLockCost").ConfigureAwait(false))?.GetValue<ulong>()
            ?? throw new Keys.CommandFailedException("the node returned no lock cost"));
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteNumber("burn_cost_rao", cost);
                w.WriteString("burn_cost", Units(cost));
            });
            return 0;
        }
        AnsiConsole.MarkupLine($"Subnet burn cost: [green]{Units(cost)} τ[/]");
        return 0;
    }
}
