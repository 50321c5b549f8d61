using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.WalletChain;

/// <summary>btcli's `wallet set-identity` options (`--id-name` because `--name` is the wallet name).</summary>
public sealed class WalletSetIdentitySettings : ChainWalletSettings
{
    [CommandOption("--id-name|--display-name")]
    [Description("Display name (at most 256 bytes).")]
    public string? Name { get; init; }

    [CommandOption("--web-url|--web")]
    [Description("Web site (at most 256 bytes).")]
    public string? Url { get; init; }

    [CommandOption("--github|--github-repo")]
    [Description("GitHub repository (at most 256 bytes).")]
    public string? GithubRepo { get; init; }

    [CommandOption("--image-url|--image")]
    [Description("Image URL (at most 1024 bytes).")]
    public string? Image { get; init; }

    [CommandOption("--discord")]
    [Description("Discord handle (at most 256 bytes).")]
    public string? Discord { get; init; }

    [CommandOption("--description")]
    [Description("Description (at most 1024 bytes).")]
    public string? Description { get; init; }

    [CommandOption("--additional")]
    [Description("Anything else (at most 1024 bytes).")]
    public string? Additional { get; init; }

    public bool HasAny => new[] { Name, Url, GithubRepo, Image, Discord, Description, Additional }.Any(v => v is not null);
}

/// <summary>
/// <c>tao wallet set-identity</c>: set_identity signed by the coldkey (one of its hotkeys must be registered on some
/// subnet). Options not given keep the current value. JSON data = {extrinsic fields, coldkey, identity: ChainIdentity}.
/// </summary>
public sealed class WalletSetIdentityCommand : ChainCommand<WalletSetIdentitySettings>
{
    protected override int Run(WalletSetIdentitySettings settings, WalletPrompts prompts)
    {
        if (!settings.HasAny) throw new UsageException("give at least one identity option (--id-name, --web-url, --github, --image-url, --discord, --description, --additional)");
        using var coldPub = ColdkeyPub(settings);
        var current = Read(settings, "Retrieving the current identity...", r =>
            new SubnetQueries(r.Client).IdentityAsync(Account(coldPub), r.Token)) ?? new ChainIdentity();
        var identity = new ChainIdentity(settings.Name ?? current.Name, settings.Url ?? current.Url, settings.GithubRepo ?? current.GithubRepo,
            settings.Image ?? current.Image, settings.Discord ?? current.Discord, settings.Description ?? current.Description,
            settings.Additional ?? current.Additional);
        if (IdentityLimits.Check(identity) is { } tooLong) throw new CommandFailedException($"the identity's {tooLong}; the chain would refuse it (nothing was submitted)");
        if (!settings.JsonOutput && settings.CanPrompt) AnsiConsole.Write(ChainIdentityView.Table($"New identity of {coldPub.Ss58Address}", identity));
        Confirm(settings, "Set this identity on the coldkey (the transaction fee is paid by the coldkey)?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.SetIdentity(identity), "set_identity", SubnetIdentityView.Advice);
        WriteTransaction(settings, result, $"Identity of {coldPub.Ss58Address} set", w =>
        {
            w.WriteString("coldkey", coldPub.Ss58Address);
            w.WriteStartObject("identity");
            foreach (var (k, v) in ChainIdentityView.Fields(identity)) w.WriteString(k, v);
            w.WriteEndObject();
        });
        return 0;
    }
}

public sealed class WalletGetIdentitySettings : ChainWalletSettings
{
    [CommandOption("--ss58|--coldkey|--key|-k")]
    [Description("The coldkey's SS58 address (default: the wallet's coldkey).")]
    public string? Ss58 { get; init; }
}

/// <summary><c>tao wallet get-identity</c>: a coldkey's identity (tao_getIdentity); JSON data = {"coldkey", "identity": ChainIdentity|null}.</summary>
public sealed class WalletGetIdentityCommand : ChainCommand<WalletGetIdentitySettings>
{
    protected override int Run(WalletGetIdentitySettings settings, WalletPrompts prompts)
    {
        var address = ColdkeyAddress(settings, settings.Ss58);
        var identity = Read(settings, "Retrieving the identity...", r => r.CallAsync("tao_getIdentity", address));
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteString("coldkey", address);
                JsonFields.Write(w, "identity", identity);
            });
            return 0;
        }
        if (identity is not JsonObject obj)
        {
            AnsiConsole.MarkupLine($"{address} has no identity (set one with `tao wallet set-identity`).");
            return 0;
        }
        var table = new Table().Title($"Identity of {address}").AddColumns("Item", "Value");
        foreach (var (k, v) in obj) table.AddRow(k, Markup.Escape(v?.GetValue<string>() ?? ""));
        AnsiConsole.Write(table);
        return 0;
    }
}

internal static class ChainIdentityView
{
    public static (string, string)[] Fields(ChainIdentity i) =>
    [
        ("name", i.Name), ("url", i.Url), ("github_repo", i.GithubRepo), ("image", i.Image), ("discord", i.Discord),
        ("description", i.Description), ("additional", i.Additional),
    ];

    public static Table Table(string title, ChainIdentity i)
    {
        var t = new Table().Title(title).AddColumns("Item", "Value");
        foreach (var (k, v) in Fields(i)) t.AddRow(k, Markup.Escape(v));
        return t;
    }
}
