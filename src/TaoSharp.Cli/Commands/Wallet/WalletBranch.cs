using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>`tao wallet ...`: btcli-style wallet commands over btwallet's on-disk layout.</summary>
public static class WalletBranch
{
    public static void Configure(IConfigurator<CommandSettings> wallet)
    {
        wallet.SetDescription("Create, regenerate and list wallets (btwallet layout and keyfile formats).");
        wallet.AddCommand<WalletCreateCommand>("create").WithDescription("Create a coldkey and a hotkey from new mnemonics.");
        wallet.AddCommand<WalletNewColdkeyCommand>("new-coldkey").WithDescription("Create a new coldkey (encrypted by default).");
        wallet.AddCommand<WalletNewHotkeyCommand>("new-hotkey").WithDescription("Create a new hotkey (plaintext by default).");
        wallet.AddCommand<WalletRegenColdkeyCommand>("regen-coldkey").WithDescription("Restore a coldkey from its mnemonic or seed.");
        wallet.AddCommand<WalletRegenColdkeypubCommand>("regen-coldkeypub").WithDescription("Write coldkeypub.txt from an address or public key.");
        wallet.AddCommand<WalletRegenHotkeyCommand>("regen-hotkey").WithDescription("Restore a hotkey from its mnemonic or seed.");
        wallet.AddCommand<WalletRegenHotkeypubCommand>("regen-hotkeypub").WithDescription("Write hotkeys/<name>pub.txt from an address or public key.");
        wallet.AddCommand<WalletListCommand>("list").WithDescription("List wallets and their keys.");
        wallet.AddCommand<WalletSignCommand>("sign").WithDescription("Sign a message with the coldkey (or --use-hotkey).");
        wallet.AddCommand<WalletVerifyCommand>("verify").WithDescription("Verify a signature (exit 0 valid, 1 invalid, 2 malformed input).");
        // Chain-backed commands (owned by the sdk area, Commands/WalletChain/).
        wallet.AddCommand<WalletChain.WalletBalanceCommand>("balance").WithDescription("Show the coldkey's free and reserved TAO on chain.");
        wallet.AddCommand<WalletChain.WalletOverviewCommand>("overview").WithDescription("The coldkey's neurons on every subnet (stake, rank, trust, incentive, ...).");
        wallet.AddCommand<WalletChain.WalletSetIdentityCommand>("set-identity").WithDescription("Set the coldkey's on-chain identity (set_identity).");
        wallet.AddCommand<WalletChain.WalletGetIdentityCommand>("get-identity").WithDescription("Show a coldkey's on-chain identity.");
        wallet.AddCommand<WalletChain.WalletTransferCommand>("transfer").WithDescription("Transfer TAO from the coldkey (asks before spending unless --no-prompt).");
        wallet.AddCommand<WalletSwapHotkeyCommand>("swap-hotkey").WithDescription("Swap a hotkey for another of the coldkey's (swap_hotkey_v2; --netuid N or --all-netuids).");
        wallet.AddCommand<WalletSwapColdkeyCommand>("swap-coldkey").WithDescription("Coldkey swap: --action announce|execute|dispute|clear --new-coldkey.");
        wallet.AddCommand<WalletSwapCheckCommand>("swap-check").WithDescription("Show a coldkey's swap announcement and dispute.");
    }
}
