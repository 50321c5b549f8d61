using Spectre.Console;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary><c>tao wallet list</c>: every wallet under --wallet-path with its coldkey and hotkeys ('?' when unreadable).</summary>
public sealed class WalletListCommand : WalletCommand<WalletSettings>
{
    protected override int Run(WalletSettings settings, WalletPrompts prompts)
    {
        var path = settings.WalletPath ?? TaoWallet.EnvironmentWalletsPath;
        var wallets = WalletListing.List(path);
        if (settings.JsonOutput)
        {
            KeyJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("wallets");
                foreach (var wallet in wallets)
                {
                    w.WriteStartObject();
                    w.WriteString("name", wallet.Name);
                    w.WriteStringOrNull("ss58_address", wallet.ColdkeySs58Address);
                    w.WriteStartArray("hotkeys");
                    foreach (var hotkey in wallet.Hotkeys)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", hotkey.Name);
                        w.WriteStringOrNull("ss58_address", hotkey.Ss58Address);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        }

        if (wallets.Count == 0)
        {
            Console.WriteLine($"No wallets found in {path}.");
            return ExitCodes.Ok;
        }
        var tree = new Tree("Wallets");
        foreach (var wallet in wallets)
        {
            var node = tree.AddNode($"[bold white]Coldkey[/] [green]{Markup.Escape(wallet.Name)}[/]  ss58_address [green]{wallet.ColdkeySs58Address ?? "?"}[/]");
            foreach (var hotkey in wallet.Hotkeys)
                node.AddNode($"[bold white]Hotkey[/] [blue]{Markup.Escape(hotkey.Name)}[/]  ss58_address [green]{hotkey.Ss58Address ?? "?"}[/]");
        }
        AnsiConsole.Write(tree);
        return ExitCodes.Ok;
    }
}
