using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>Options of regen-coldkey / regen-hotkey: the secret to restore from.</summary>
public class WalletRegenSettings : WalletWriteSettings
{
    [CommandOption("--mnemonic")]
    [Description("Mnemonic words (12-24; btcli's numbered '1-word 2-word …' form is accepted).")]
    public string? Mnemonic { get; init; }

    [CommandOption("--seed")]
    [Description("32-byte seed as 64 hex digits (0x optional).")]
    public string? Seed { get; init; }

    [CommandOption("-j|--json")]
    [Description("polkadot-js JSON backup (not supported yet: gives a clear error).")]
    public string? Json { get; init; }

    [CommandOption("--json-password")]
    [Description("Password of the --json backup.")]
    public string? JsonPassword { get; init; }

    /// <summary>The keypair from exactly one of --mnemonic / --seed, or a prompted mnemonic.</summary>
    public WalletKeypair ReadKeypair(WalletPrompts prompts)
    {
        int given = (Mnemonic is null ? 0 : 1) + (Seed is null ? 0 : 1) + (Json is null ? 0 : 1);
        if (given > 1) throw new UsageException("give only one of --mnemonic, --seed and --json");
        if (Json is not null)
            throw new UsageException("restoring from a polkadot-js JSON backup (--json) is not supported yet; use --mnemonic or --seed");
        if (Seed is not null)
            return WalletKeypair.FromSeed(HexBytes.TryParse(Seed, 32)
                ?? throw new UsageException("--seed must be 32 bytes as 64 hex digits (0x optional)"));
        var words = Mnemonic ?? prompts.Ask("Enter the mnemonic, or the seed hex (0x…):", "--mnemonic or --seed");
        if (words.Trim().StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return WalletKeypair.FromSeed(HexBytes.TryParse(words, 32) ?? throw new UsageException("the seed must be 32 bytes as 64 hex digits"));
        return WalletKeypair.FromMnemonic(Crypto.Bip39.Mnemonic.Parse(NumberedMnemonic.Normalize(words)));
    }
}

/// <summary><c>tao wallet regen-coldkey</c>: restores coldkey + coldkeypub.txt (encrypted by default).</summary>
public sealed class WalletRegenColdkeyCommand : WalletCommand<WalletRegenSettings>
{
    protected override int Run(WalletRegenSettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        using var keypair = settings.ReadKeypair(prompts);
        bool encrypt = settings.EncryptOr(true);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.Coldkey, wallet.ColdkeyPub);
        WalletKeyWriter.WriteColdkey(wallet, keypair, prompts, encrypt);
        WalletRegenOutput.Report(settings, wallet, "coldkey", keypair.Ss58Address, wallet.Coldkey.Path);
        return ExitCodes.Ok;
    }
}

/// <summary><c>tao wallet regen-hotkey</c>: restores hotkeys/&lt;name&gt; + pub file (plaintext by default).</summary>
public sealed class WalletRegenHotkeyCommand : WalletCommand<WalletRegenSettings>
{
    protected override int Run(WalletRegenSettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        using var keypair = settings.ReadKeypair(prompts);
        bool encrypt = settings.EncryptOr(false);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.Hotkey, wallet.HotkeyPub);
        WalletKeyWriter.WriteHotkey(wallet, keypair, prompts, encrypt);
        WalletRegenOutput.Report(settings, wallet, "hotkey", keypair.Ss58Address, wallet.Hotkey.Path);
        return ExitCodes.Ok;
    }
}

/// <summary>Options of regen-coldkeypub / regen-hotkeypub: the public key to record.</summary>
public class WalletRegenPubSettings : WalletWriteSettings
{
    [CommandOption("--ss58|--ss58-address")]
    [Description("SS58 address of the key.")]
    public string? Ss58 { get; init; }

    [CommandOption("--public-key-hex|--public-key")]
    [Description("Public key as 64 hex digits (0x optional).")]
    public string? PublicKeyHex { get; init; }

    public WalletKeypair ReadKeypair(WalletPrompts prompts)
    {
        if (Ss58 is not null && PublicKeyHex is not null) throw new UsageException("give only one of --ss58 and --public-key-hex");
        if (PublicKeyHex is not null)
            return WalletKeypair.FromPublicKey(HexBytes.TryParse(PublicKeyHex, 32)
                ?? throw new UsageException("--public-key-hex must be 32 bytes as 64 hex digits (0x optional)"));
        var address = Ss58 ?? prompts.Ask("Enter the SS58 address:", "--ss58 or --public-key-hex");
        return WalletKeypair.FromPublicKey(KeyInputs.ParsePublicKey(address, null));
    }
}

/// <summary><c>tao wallet regen-coldkeypub</c>: writes only coldkeypub.txt (watch-only wallets, miner machines).</summary>
public sealed class WalletRegenColdkeypubCommand : WalletCommand<WalletRegenPubSettings>
{
    protected override int Run(WalletRegenPubSettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        using var keypair = settings.ReadKeypair(prompts);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.ColdkeyPub);
        wallet.WriteColdkeyPub(keypair, overwrite: true);
        WalletRegenOutput.Report(settings, wallet, "coldkeypub", keypair.Ss58Address, wallet.ColdkeyPub.Path);
        return ExitCodes.Ok;
    }
}

/// <summary><c>tao wallet regen-hotkeypub</c>: writes only hotkeys/&lt;name&gt;pub.txt.</summary>
public sealed class WalletRegenHotkeypubCommand : WalletCommand<WalletRegenPubSettings>
{
    protected override int Run(WalletRegenPubSettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        using var keypair = settings.ReadKeypair(prompts);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.HotkeyPub);
        wallet.WriteHotkeyPub(keypair, overwrite: true);
        WalletRegenOutput.Report(settings, wallet, "hotkeypub", keypair.Ss58Address, wallet.HotkeyPub.Path);
        return ExitCodes.Ok;
    }
}

internal static class WalletRegenOutput
{
    public static void Report(WalletSettings settings, TaoWallet wallet, string what, string ss58, string path)
    {
        if (settings.JsonOutput)
        {
            KeyJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("success", true);
                w.WriteString("error", "");
                w.WriteStartObject("data");
                w.WriteString("name", wallet.Name);
                w.WriteString("path", wallet.WalletsPath);
                if (what.StartsWith("hotkey", StringComparison.Ordinal)) w.WriteString("hotkey", wallet.HotkeyName);
                w.WriteString(what.StartsWith("hotkey", StringComparison.Ordinal) ? "hotkey_ss58" : "coldkey_ss58", ss58);
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return;
        }
        Console.WriteLine($"Regenerated {what}: {ss58} ({path})");
    }
}
