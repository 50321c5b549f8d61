using Spectre.Console.Cli;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>`tao wallet ...`: btcli-style wallet commands over btwallet's on-disk layout.</summary>
public static class WalletBranch
{
    public static void Configure(IConfigurator<CommandSettings> wallet)
    {
        wallet.SetDescription("Create, regenerate and list wallets (btwallet layout and keyfile formats).");
    }
}
