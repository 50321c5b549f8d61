using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>`tao keys ...`: subkey-style key tools.</summary>
public static class KeysBranch
{
    public static void Configure(IConfigurator<CommandSettings> keys)
    {
        keys.SetDescription("Generate, inspect, sign and verify with sr25519/ed25519 keys (like subkey).");
        keys.AddCommand<KeysGenerateCommand>("generate").WithDescription("Generate a new mnemonic and show its account.");
        keys.AddCommand<KeysInspectCommand>("inspect").WithDescription("Show the account of a secret URI, mnemonic, seed or address.")
            .WithExample("keys", "inspect", "//Alice", "--output-type", "json");
        keys.AddCommand<KeysSignCommand>("sign").WithDescription("Sign a message with a secret URI.");
        keys.AddCommand<KeysVerifyCommand>("verify").WithDescription("Verify a signature (exit 0 valid, 1 invalid, 2 malformed input).")
            .WithExample("keys", "verify", "--message", "hello", "--signature", "0x…", "--address", "5Grwva…");
    }
}
