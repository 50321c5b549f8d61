using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Subnets;

/// <summary>btcli's subnet identity options (`subnets create`, `subnets set-identity`).</summary>
public class SubnetIdentitySettings : ChainWalletSettings
{
    [CommandOption("--subnet-name")]
    [Description("Subnet name (at most 256 bytes).")]
    public string? SubnetName { get; init; }

    [CommandOption("--repo|--github-repo")]
    [Description("GitHub repository (at most 1024 bytes).")]
    public string? GithubRepo { get; init; }

    [CommandOption("--contact|--subnet-contact")]
    [Description("Contact, e.g. an e-mail address (at most 1024 bytes).")]
    public string? Contact { get; init; }

    [CommandOption("--url|--subnet-url")]
    [Description("Web site (at most 1024 bytes).")]
    public string? Url { get; init; }

    [CommandOption("--discord")]
    [Description("Discord handle (at most 256 bytes).")]
    public string? Discord { get; init; }

    [CommandOption("--description")]
    [Description("Description (at most 1024 bytes).")]
    public string? Description { get; init; }

    [CommandOption("--logo-url")]
    [Description("Logo URL (at most 1024 bytes).")]
    public string? LogoUrl { get; init; }

    [CommandOption("--additional-info|--additional")]
    [Description("Anything else (at most 1024 bytes).")]
    public string? Additional { get; init; }

    /// <summary>Whether any identity option was given.</summary>
    public bool HasIdentity => new[] { SubnetName, GithubRepo, Contact, Url, Discord, Description, LogoUrl, Additional }.Any(v => v is not null);

    /// <summary>The identity from the options; a missing option keeps <paramref name="current"/>'s value (empty without one).</summary>
    public SubnetIdentity ToIdentity(SubnetIdentity? current = null)
    {
        var c = current ?? new SubnetIdentity();
        var identity = new SubnetIdentity(SubnetName ?? c.SubnetName, GithubRepo ?? c.GithubRepo, Contact ?? c.SubnetContact, Url ?? c.SubnetUrl,
            Discord ?? c.Discord, Description ?? c.Description, LogoUrl ?? c.LogoUrl, Additional ?? c.Additional);
        if (IdentityLimits.Check(identity) is { } tooLong) throw new CommandFailedException($"the identity's {tooLong}; the chain would refuse it (nothing was submitted)");
        return identity;
    }
}

public sealed class SubnetsSetIdentitySettings : SubnetIdentitySettings
{
    [CommandOption("--netuid")]
    [Description("Subnet id.")]
    public int? Netuid { get; init; }
}

/// <summary>
/// <c>tao subnets set-identity</c>: set_subnet_identity by the owner's coldkey. Options not given keep the current
/// value (the call replaces the whole identity). JSON data = {extrinsic fields, netuid, identity}.
/// </summary>
public sealed class SubnetsSetIdentityCommand : ChainCommand<SubnetsSetIdentitySettings>
{
    protected override int Run(SubnetsSetIdentitySettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        if (!settings.HasIdentity) throw new UsageException("give at least one identity option (--subnet-name, --repo, --contact, --url, --discord, --description, --logo-url, --additional-info)");
        var current = Read(settings, "Retrieving the subnet...", async r =>
            await new SubnetQueries(r.Client).SubnetInfoAsync(netuid.Value, r.Token).ConfigureAwait(false) ?? throw NoSubnet(netuid));
        var identity = settings.ToIdentity(current.Identity);
        if (!settings.JsonOutput && settings.CanPrompt) AnsiConsole.Write(SubnetIdentityView.Table($"New identity of subnet {netuid}", identity));
        Confirm(settings, $"Set this identity on subnet {netuid} (the transaction fee is paid by the coldkey)?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.SetSubnetIdentity(netuid, identity), "set_subnet_identity", SubnetIdentityView.Advice);
        WriteTransaction(settings, result, $"Identity of subnet {netuid} set", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WritePropertyName("identity");
            SubnetIdentityView.Write(w, identity);
        });
        return 0;
    }
}

/// <summary><c>tao subnets get-identity</c>: the subnet's identity; JSON data = {"netuid", "name", "symbol", "identity": SubnetIdentity|null}.</summary>
public sealed class SubnetsGetIdentityCommand : ChainCommand<SubnetSettings>
{
    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var info = Read(settings, "Retrieving the subnet identity...", r => r.CallAsync("subnetInfo_getSubnetInfo", (int)netuid.Value))
            ?? throw NoSubnet(netuid);
        var identity = info["identity"];
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteNumber("netuid", netuid.Value);
                w.WriteString("name", JsonFields.Str(info, "name"));
                w.WriteString("symbol", JsonFields.Str(info, "symbol"));
                JsonFields.Write(w, "identity", identity);
            });
            return 0;
        }
        AnsiConsole.MarkupLine($"Subnet {netuid}: [bold]{Markup.Escape(JsonFields.Str(info, "name"))}[/] ({Markup.Escape(JsonFields.Str(info, "symbol"))})");
        if (identity is null)
        {
            AnsiConsole.MarkupLine("No identity is set (owner: `tao subnets set-identity`).");
            return 0;
        }
        var table = new Table().Title($"Subnet {netuid} identity").AddColumns("Item", "Value");
        foreach (var (key, value) in identity.AsObject()) table.AddRow(key, Markup.Escape(value?.GetValue<string>() ?? ""));
        AnsiConsole.Write(table);
        return 0;
    }
}

public sealed class SubnetsSetSymbolSettings : SubnetSettings
{
    [CommandArgument(0, "[SYMBOL]")]
    [Description("The new symbol: one of the chain's predefined symbols (e.g. β) that no subnet uses.")]
    public string? SymbolArgument { get; init; }

    [CommandOption("--symbol")]
    [Description("The new symbol (instead of the argument).")]
    public string? Symbol { get; init; }
}

/// <summary><c>tao subnets set-symbol</c>: update_symbol by the owner's coldkey; JSON data = {extrinsic fields, netuid, symbol}.</summary>
public sealed class SubnetsSetSymbolCommand : ChainCommand<SubnetsSetSymbolSettings>
{
    protected override int Run(SubnetsSetSymbolSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var symbol = settings.Symbol ?? settings.SymbolArgument;
        if (string.IsNullOrEmpty(symbol)) throw new UsageException("give the new symbol, e.g. `tao subnets set-symbol --netuid 1 β`");
        if (settings.Symbol is not null && settings.SymbolArgument is not null && settings.Symbol != settings.SymbolArgument)
            throw new UsageException("give the symbol once (argument or --symbol)");
        Confirm(settings, $"Change the token symbol of subnet {netuid} to {symbol}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.UpdateSymbol(netuid, symbol), "update_symbol", SubnetIdentityView.Advice);
        WriteTransaction(settings, result, $"Symbol of subnet {netuid} is now {symbol}", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteString("symbol", symbol);
        });
        return 0;
    }
}

/// <summary>Shared output of the identity commands.</summary>
internal static class SubnetIdentityView
{
    public static Table Table(string title, SubnetIdentity i)
    {
        var t = new Table().Title(title).AddColumns("Item", "Value");
        foreach (var (k, v) in Fields(i)) t.AddRow(k, Markup.Escape(v));
        return t;
    }

    public static void Write(System.Text.Json.Utf8JsonWriter w, SubnetIdentity i)
    {
        w.WriteStartObject();
        foreach (var (k, v) in Fields(i)) w.WriteString(k, v);
        w.WriteEndObject();
    }

    private static (string, string)[] Fields(SubnetIdentity i) =>
    [
        ("subnet_name", i.SubnetName), ("github_repo", i.GithubRepo), ("subnet_contact", i.SubnetContact), ("subnet_url", i.SubnetUrl),
        ("discord", i.Discord), ("description", i.Description), ("logo_url", i.LogoUrl), ("additional", i.Additional),
    ];

    /// <summary>Hints for the identity and symbol errors (the shared table covers the rest).</summary>
    public static string? Advice(string error) => error switch
    {
        "InvalidIdentity" => "A field is longer than the chain allows (name 256 bytes, most others 1024; see docs/cli.md).",
        "SymbolDoesNotExist" => "Pick one of the chain's predefined symbols (Greek, Hebrew, Arabic, ... letters; root's Τ is reserved).",
        "SymbolAlreadyInUse" => "Another subnet (or this one) already uses that symbol; `tao subnets list` shows them.",
        "NotSubnetOwner" or "BadOrigin" => "Only the subnet owner's coldkey can change its identity or symbol.",
        "HotKeyNotRegisteredInNetwork" => "Setting a coldkey identity needs one of its hotkeys registered on some subnet (`tao subnets register`).",
        _ => null,
    };
}
