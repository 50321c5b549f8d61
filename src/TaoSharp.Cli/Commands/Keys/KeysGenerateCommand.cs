using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.SecretUri;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary><c>tao keys generate</c>, like subkey: a fresh mnemonic (OS CSPRNG) and the account it gives.</summary>
public sealed class KeysGenerateCommand : Command<KeysGenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-w|--words")]
        [Description("Number of words: 12 (default), 15, 18, 21 or 24.")]
        public int Words { get; init; } = 12;

        [CommandOption("--scheme")]
        [Description("sr25519 (default) or ed25519.")]
        public string? Scheme { get; init; }

        [CommandOption("--output-type")]
        [Description("text (default) or json.")]
        public string? OutputType { get; init; }

        [CommandOption("--password")]
        [Description("Optional BIP39 password (///password).")]
        public string? Password { get; init; }

        [CommandOption("-n|--network")]
        [Description("SS58 prefix for the printed addresses (default 42).")]
        public int? Network { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Run(() =>
        {
            if (!Mnemonic.AllowedWordCounts.Contains(settings.Words))
                throw new UsageException($"--words must be 12, 15, 18, 21 or 24, got {settings.Words}");
            var scheme = KeyInputs.ParseScheme(settings.Scheme);
            var json = KeyOutputType.IsJson(settings.OutputType);
            var prefix = KeyInputs.ParseNetwork(settings.Network);
            var phrase = Mnemonic.Generate(settings.Words).Phrase;
            var uri = settings.Password is null ? phrase : phrase + "///" + settings.Password;
            using var key = SecretUriResolver.Resolve(uri, scheme);
            KeyReport.Print(new KeyReport(scheme, phrase, key.Seed, key.PublicKey, prefix, phrase), json);
            return ExitCodes.Ok;
        });
}
