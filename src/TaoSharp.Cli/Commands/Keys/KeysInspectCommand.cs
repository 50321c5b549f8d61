using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Crypto;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>
/// <c>tao keys inspect &lt;URI&gt;</c>, like subkey: shows the keys a secret URI (mnemonic, 0x seed, //Alice, paths, ///password)
/// stands for; an SS58 address or (with --public) a hex public key is shown as a public-only account.
/// </summary>
public sealed class KeysInspectCommand : Command<KeysInspectCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<URI>")]
        [Description("Secret URI: mnemonic or 0x seed, optional //hard /soft path and ///password; or an SS58 address.")]
        public string Uri { get; init; } = "";

        [CommandOption("--scheme")]
        [Description("sr25519 (default) or ed25519.")]
        public string? Scheme { get; init; }

        [CommandOption("--output-type")]
        [Description("text (default) or json.")]
        public string? OutputType { get; init; }

        [CommandOption("--password")]
        [Description("BIP39 password, the same as appending ///password to the URI.")]
        public string? Password { get; init; }

        [CommandOption("--public")]
        [Description("The input is a public key (0x hex) or SS58 address, not a secret.")]
        public bool Public { get; init; }

        [CommandOption("-n|--network")]
        [Description("SS58 prefix for the printed addresses (default 42, Bittensor).")]
        public int? Network { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Run(() =>
        {
            var scheme = KeyInputs.ParseScheme(settings.Scheme);
            var json = KeyOutputType.IsJson(settings.OutputType);
            var prefix = KeyInputs.ParseNetwork(settings.Network);
            var input = settings.Uri.Trim();

            if (settings.Public || Ss58Address.IsValid(input))
            {
                var publicKey = Ss58Address.TryDecode(input, out var decoded, out _)
                    ? decoded.PublicKey
                    : HexBytes.TryParse(input, 32) ?? throw new UsageException("--public expects a 32-byte hex public key or an SS58 address");
                KeyReport.Print(new KeyReport(scheme, null, null, publicKey, prefix, input), json);
                return ExitCodes.Ok;
            }

            var uri = settings.Password is null ? input : input + "///" + settings.Password;
            using var key = SecretUriResolver.Resolve(uri, scheme);
            KeyReport.Print(new KeyReport(scheme, input, key.Seed, key.PublicKey, prefix, input), json);
            return ExitCodes.Ok;
        });
}

/// <summary>--output-type values.</summary>
public static class KeyOutputType
{
    public static bool IsJson(string? outputType) => (outputType ?? "text").Trim().ToLowerInvariant() switch
    {
        "text" => false,
        "json" => true,
        var other => throw new UsageException($"--output-type must be text or json, got '{other}'"),
    };
}

/// <summary>subkey's account report: text block or one JSON object with subkey's field names.</summary>
public sealed record KeyReport(KeyScheme Scheme, string? SecretPhrase, byte[]? Seed, byte[] PublicKey, ushort Prefix, string Input)
{
    public string NetworkId => Prefix == Ss58Address.BittensorPrefix ? "substrate" : Prefix.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void Print(KeyReport r, bool json)
    {
        var publicHex = HexBytes.Format(r.PublicKey);
        var address = Ss58Address.Encode(r.PublicKey, r.Prefix);
        var seed = r.Seed is null ? null : HexBytes.Format(r.Seed);
        if (json)
        {
            KeyJson.Write(w =>
            {
                w.WriteStartObject();
                if (r.SecretPhrase is not null) w.WriteString("secretPhrase", r.SecretPhrase);
                w.WriteString("networkId", r.NetworkId);
                if (r.SecretPhrase is not null) w.WriteStringOrNull("secretSeed", seed);
                w.WriteString("publicKey", publicHex);
                w.WriteString("accountId", publicHex);
                w.WriteString("ss58PublicKey", address);
                w.WriteString("ss58Address", address);
                w.WriteString("scheme", KeyInputs.SchemeName(r.Scheme));
                w.WriteEndObject();
            });
            return;
        }
        Console.WriteLine(r.SecretPhrase is null ? $"Public Key URI `{r.Input}` is account:" : $"Secret Key URI `{r.Input}` is account:");
        if (r.SecretPhrase is not null && !r.SecretPhrase.Contains('/') && !r.SecretPhrase.StartsWith("0x", StringComparison.Ordinal))
            Console.WriteLine($"  Secret phrase:       {r.SecretPhrase}");
        Console.WriteLine($"  Network ID:          {r.NetworkId}");
        if (r.SecretPhrase is not null) Console.WriteLine($"  Secret seed:         {seed ?? "n/a"}");
        Console.WriteLine($"  Public key (hex):    {publicHex}");
        Console.WriteLine($"  Account ID:          {publicHex}");
        Console.WriteLine($"  Public key (SS58):   {address}");
        Console.WriteLine($"  SS58 Address:        {address}");
    }
}
