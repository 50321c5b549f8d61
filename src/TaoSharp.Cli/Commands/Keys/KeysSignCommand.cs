using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary><c>tao keys sign --suri &lt;URI&gt; --message &lt;text&gt;</c>: prints the 0x-hex signature (random for sr25519).</summary>
public sealed class KeysSignCommand : Command<KeysSignCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--suri")]
        [Description("Secret URI of the signer (mnemonic, 0x seed, //Alice …).")]
        public string? Suri { get; init; }

        [CommandOption("-m|--message")]
        [Description("Message to sign (UTF-8 text, or hex with --hex).")]
        public string? Message { get; init; }

        [CommandOption("--hex")]
        [Description("The message is hex-encoded bytes.")]
        public bool Hex { get; init; }

        [CommandOption("--scheme")]
        [Description("sr25519 (default) or ed25519.")]
        public string? Scheme { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Run(() =>
        {
            if (string.IsNullOrWhiteSpace(settings.Suri)) throw new UsageException("--suri is required");
            var scheme = KeyInputs.ParseScheme(settings.Scheme);
            var message = KeyInputs.ParseMessage(settings.Message, settings.Hex);
            using var key = SecretUriResolver.Resolve(settings.Suri, scheme);
            Console.WriteLine(HexBytes.Format(key.Pair.Sign(message)));
            return ExitCodes.Ok;
        });
}
