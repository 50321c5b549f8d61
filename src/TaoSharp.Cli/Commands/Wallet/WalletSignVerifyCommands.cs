using System.ComponentModel;
using System.Text;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Wallet;

public sealed class WalletSignSettings : WalletSettings
{
    [CommandOption("--use-hotkey")]
    [Description("Sign with the hotkey instead of the coldkey.")]
    public bool UseHotkey { get; init; }

    [CommandOption("-m|--message")]
    [Description("Message to sign (its UTF-8 bytes).")]
    public string? Message { get; init; }
}

/// <summary>
/// <c>tao wallet sign</c>: signs the UTF-8 bytes of --message with the coldkey (unlocked with its password) or the hotkey.
/// Prints the signature as 128 hex digits without 0x, as btcli does.
/// </summary>
public sealed class WalletSignCommand : WalletCommand<WalletSignSettings>
{
    protected override int Run(WalletSignSettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        var message = settings.Message ?? prompts.Ask("Enter the message to sign:", "--message");
        var keyfile = settings.UseHotkey ? wallet.Hotkey : wallet.Coldkey;
        using var keypair = WalletKeypair.FromKeyfileContent(prompts.Unlock(keyfile));
        var signature = Convert.ToHexStringLower(keypair.Sign(Encoding.UTF8.GetBytes(message)));
        if (settings.JsonOutput)
        {
            KeyJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("signed_message", signature);
                w.WriteString("signer_address", keypair.Ss58Address);
                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        }
        Console.WriteLine("Signature:");
        Console.WriteLine(signature);
        Console.WriteLine($"Signer address: {keypair.Ss58Address}");
        return ExitCodes.Ok;
    }
}

public sealed class WalletVerifySettings : WalletSettings
{
    [CommandOption("-m|--message")]
    [Description("The signed message (its UTF-8 bytes).")]
    public string? Message { get; init; }

    [CommandOption("-s|--signature")]
    [Description("Signature as hex (0x optional).")]
    public string? Signature { get; init; }

    [CommandOption("-a|--address")]
    [Description("Signer's SS58 address.")]
    public string? Address { get; init; }

    [CommandOption("--public-key")]
    [Description("Signer's public key as 64 hex digits, instead of --address.")]
    public string? PublicKey { get; init; }
}

/// <summary>
/// <c>tao wallet verify</c>: exit 0 and "Signature is valid!" when the signature covers the message (or its &lt;Bytes&gt; wrapping),
/// exit 1 when not, exit 2 for malformed input.
/// </summary>
public sealed class WalletVerifyCommand : WalletCommand<WalletVerifySettings>
{
    protected override int Run(WalletVerifySettings settings, WalletPrompts prompts)
    {
        var message = KeyInputs.ParseMessage(settings.Message, hex: false);
        var signature = KeyInputs.ParseSignature(settings.Signature);
        var publicKey = KeyInputs.ParsePublicKey(settings.Address, settings.PublicKey);
        var signer = Ss58Address.Encode(publicKey);
        bool valid = MessageVerifier.Verify(KeyScheme.Sr25519, publicKey, message, signature);
        if (settings.JsonOutput)
        {
            KeyJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("verified", valid);
                w.WriteString("signer", signer);
                w.WriteString("message", settings.Message);
                w.WriteEndObject();
            });
        }
        else
        {
            Console.WriteLine(valid ? "Signature is valid!" : "Signature is invalid!");
            Console.WriteLine($"Signer: {signer}");
        }
        return valid ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
