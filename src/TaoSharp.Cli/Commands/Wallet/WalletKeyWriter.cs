using Spectre.Console;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>The steps create/new-*/regen-* share after overwrites are confirmed: get the password if encrypting, write, show the mnemonic.</summary>
public static class WalletKeyWriter
{
    public static void WriteColdkey(TaoWallet wallet, WalletKeypair keypair, WalletPrompts prompts, bool encrypt)
    {
        var password = encrypt ? prompts.NewPassword(wallet.Coldkey) : null;
        wallet.WriteColdkey(keypair, password, overwrite: true);
    }

    public static void WriteHotkey(TaoWallet wallet, WalletKeypair keypair, WalletPrompts prompts, bool encrypt)
    {
        var password = encrypt ? prompts.NewPassword(wallet.Hotkey) : null;
        wallet.WriteHotkey(keypair, password, overwrite: true);
    }

    /// <summary>btwallet's mnemonic display after creating a key (never in JSON mode).</summary>
    public static void ShowMnemonic(Mnemonic mnemonic, string keyKind, WalletSettings settings)
    {
        if (settings.JsonOutput) return;
        AnsiConsole.MarkupLine("[red]IMPORTANT: Store this mnemonic in a secure (preferably offline) place, as anyone who has possession of this mnemonic can use it to regenerate the key and access your tokens.[/]");
        Console.WriteLine($"The mnemonic to the new {keyKind} is: {mnemonic.Phrase}");
        Console.WriteLine($"You can use the mnemonic to recreate the key with `tao wallet regen-{keyKind}` in case it gets lost.");
    }

    public static int WordCount(int? nWords)
    {
        int words = nWords ?? 12;
        if (!Mnemonic.AllowedWordCounts.Contains(words))
            throw new Keys.UsageException($"--n-words must be 12, 15, 18, 21 or 24, got {words}");
        return words;
    }
}
