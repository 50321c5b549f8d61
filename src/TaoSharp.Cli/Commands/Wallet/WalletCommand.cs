using System.Text.Json;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>
/// Base of the wallet commands: runs the body and turns expected errors into one line on stderr, or with --json-output
/// into btcli's envelope <c>{"success": false, "error": …}</c>, so stdout always holds exactly one JSON document.
/// </summary>
public abstract class WalletCommand<TSettings> : Command<TSettings> where TSettings : WalletSettings
{
    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return Run(settings, new WalletPrompts(settings));
        }
        catch (Exception e) when (CommandErrors.IsExpected(e))
        {
            if (settings.JsonOutput)
                KeyJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("success", false);
                    w.WriteString("error", e.Message);
                    w.WriteNull("data");
                    w.WriteEndObject();
                });
            else
                Console.Error.WriteLine("error: " + e.Message);
            return CommandErrors.ExitCodeFor(e);
        }
    }

    protected abstract int Run(TSettings settings, WalletPrompts prompts);

    /// <summary>btcli's success envelope: {"success": true, "error": "", "data": {…}}.</summary>
    protected static void WriteSuccess(Action<Utf8JsonWriter> data) =>
        KeyJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteString("error", "");
            w.WriteStartObject("data");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
