using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>`tao keys ...`: subkey-style key tools.</summary>
public static class KeysBranch
{
    public static void Configure(IConfigurator<CommandSettings> keys)
    {
        keys.SetDescription("Generate, inspect, sign and verify with sr25519/ed25519 keys (like subkey).");
    }
}
