using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>
/// <c>tao keys verify --message … --signature 0x… --address &lt;ss58&gt;</c>: prints <c>valid</c> (exit 0) or <c>invalid</c> (exit 1);
/// malformed input exits 2. Uses the Bittensor rule: the signature may also cover &lt;Bytes&gt;message&lt;/Bytes&gt;.
/// </summary>
public sealed class KeysVerifyCommand : Command<KeysVerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scheme")]
        [Description("sr25519 (default) or ed25519.")]
        public string? Scheme { get; init; }

        [CommandOption("-m|--message")]
        [Description("The signed message (UTF-8 text, or hex with --hex).")]
        public string? Message { get; init; }

        [CommandOption("--hex")]
        [Description("The message is hex-encoded bytes.")]
        public bool Hex { get; init; }

        [CommandOption("-s|--signature")]
        [Description("64-byte signature as hex (0x optional).")]
        public string? Signature { get; init; }

        [CommandOption("-a|--address")]
        [Description("Signer's SS58 address (any network prefix).")]
        public string? Address { get; init; }

        [CommandOption("--public-key")]
        [Description("Signer's 32-byte public key as hex, instead of --address.")]
        public string? PublicKey { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Run(() =>
        {
            var scheme = KeyInputs.ParseScheme(settings.Scheme);
            var message = KeyInputs.ParseMessage(settings.Message, settings.Hex);
            var signature = KeyInputs.ParseSignature(settings.Signature);
            var publicKey = KeyInputs.ParsePublicKey(settings.Address, settings.PublicKey);
            bool valid = MessageVerifier.Verify(scheme, publicKey, message, signature);
            Console.WriteLine(valid ? "valid" : "invalid");
            return valid ? ExitCodes.Ok : ExitCodes.Failed;
        });
}
