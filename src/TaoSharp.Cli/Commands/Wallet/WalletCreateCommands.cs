using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>Options of create / new-coldkey / new-hotkey.</summary>
public class WalletNewKeySettings : WalletWriteSettings
{
    [CommandOption("--n-words|--n_words")]
    [Description("Mnemonic length: 12 (default), 15, 18, 21 or 24.")]
    public int? NWords { get; init; }

    [CommandOption("--uri")]
    [Description("Make the key from a dev name instead of a new mnemonic (alice → //Alice); written unencrypted.")]
    public string? Uri { get; init; }
}

/// <summary><c>tao wallet create</c>: a new coldkey (encrypted by default) and a new hotkey, each from its own mnemonic.</summary>
public sealed class WalletCreateCommand : WalletCommand<WalletNewKeySettings>
{
    protected override int Run(WalletNewKeySettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        int words = WalletKeyWriter.WordCount(settings.NWords);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.Coldkey, wallet.ColdkeyPub, wallet.Hotkey, wallet.HotkeyPub);

        using var cold = NewKeypair(settings.Uri, words, out var coldMnemonic);
        using var hot = NewKeypair(settings.Uri, words, out var hotMnemonic);
        bool encryptCold = settings.Uri is null && settings.EncryptOr(true);
        WalletKeyWriter.WriteColdkey(wallet, cold, prompts, encryptCold);
        WalletKeyWriter.WriteHotkey(wallet, hot, prompts, encrypt: false);

        if (settings.JsonOutput)
        {
            WriteSuccess(w =>
            {
                w.WriteString("name", wallet.Name);
                w.WriteString("path", wallet.WalletsPath);
                w.WriteString("hotkey", wallet.HotkeyName);
                w.WriteString("hotkey_ss58", hot.Ss58Address);
                w.WriteString("coldkey_ss58", cold.Ss58Address);
            });
            return Keys.ExitCodes.Ok;
        }
        if (coldMnemonic is not null) WalletKeyWriter.ShowMnemonic(coldMnemonic, "coldkey", settings);
        Console.WriteLine($"Coldkey created: {cold.Ss58Address} ({wallet.Coldkey.Path}{(encryptCold ? ", encrypted" : "")})");
        if (hotMnemonic is not null) WalletKeyWriter.ShowMnemonic(hotMnemonic, "hotkey", settings);
        Console.WriteLine($"Hotkey created: {hot.Ss58Address} ({wallet.Hotkey.Path})");
        return Keys.ExitCodes.Ok;
    }

    internal static WalletKeypair NewKeypair(string? uri, int words, out Mnemonic? mnemonic)
    {
        if (uri is not null)
        {
            mnemonic = null;
            return WalletKeypair.FromUri(DevAccounts.BtcliUri(uri));
        }
        mnemonic = Mnemonic.Generate(words);
        return WalletKeypair.FromMnemonic(mnemonic);
    }
}

/// <summary><c>tao wallet new-coldkey</c>: coldkey + coldkeypub.txt from a new mnemonic (encrypted by default).</summary>
public sealed class WalletNewColdkeyCommand : WalletCommand<WalletNewKeySettings>
{
    protected override int Run(WalletNewKeySettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        int words = WalletKeyWriter.WordCount(settings.NWords);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.Coldkey, wallet.ColdkeyPub);
        using var cold = WalletCreateCommand.NewKeypair(settings.Uri, words, out var mnemonic);
        bool encrypt = settings.Uri is null && settings.EncryptOr(true);
        WalletKeyWriter.WriteColdkey(wallet, cold, prompts, encrypt);
        if (settings.JsonOutput)
        {
            WriteSuccess(w =>
            {
                w.WriteString("name", wallet.Name);
                w.WriteString("path", wallet.WalletsPath);
                w.WriteString("coldkey_ss58", cold.Ss58Address);
            });
            return Keys.ExitCodes.Ok;
        }
        if (mnemonic is not null) WalletKeyWriter.ShowMnemonic(mnemonic, "coldkey", settings);
        Console.WriteLine($"Coldkey created: {cold.Ss58Address} ({wallet.Coldkey.Path}{(encrypt ? ", encrypted" : "")})");
        return Keys.ExitCodes.Ok;
    }
}

/// <summary><c>tao wallet new-hotkey</c>: hotkeys/&lt;name&gt; + &lt;name&gt;pub.txt from a new mnemonic (plaintext by default).</summary>
public sealed class WalletNewHotkeyCommand : WalletCommand<WalletNewKeySettings>
{
    protected override int Run(WalletNewKeySettings settings, WalletPrompts prompts)
    {
        var wallet = settings.OpenWallet();
        int words = WalletKeyWriter.WordCount(settings.NWords);
        prompts.ConfirmOverwrite(settings.Overwrite, wallet.Hotkey, wallet.HotkeyPub);
        using var hot = WalletCreateCommand.NewKeypair(settings.Uri, words, out var mnemonic);
        bool encrypt = settings.Uri is null && settings.EncryptOr(false);
        WalletKeyWriter.WriteHotkey(wallet, hot, prompts, encrypt);
        if (settings.JsonOutput)
        {
            WriteSuccess(w =>
            {
                w.WriteString("name", wallet.Name);
                w.WriteString("path", wallet.WalletsPath);
                w.WriteString("hotkey", wallet.HotkeyName);
                w.WriteString("hotkey_ss58", hot.Ss58Address);
            });
            return Keys.ExitCodes.Ok;
        }
        if (mnemonic is not null) WalletKeyWriter.ShowMnemonic(mnemonic, "hotkey", settings);
        Console.WriteLine($"Hotkey created: {hot.Ss58Address} ({wallet.Hotkey.Path}{(encrypt ? ", encrypted" : "")})");
        return Keys.ExitCodes.Ok;
    }
}
