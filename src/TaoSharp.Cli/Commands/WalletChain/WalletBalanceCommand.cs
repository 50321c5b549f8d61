using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Crypto.Wallet;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Queries;

namespace TaoSharp.Cli.Commands.WalletChain;

public sealed class WalletBalanceSettings : ChainWalletSettings
{
    [CommandOption("--ss58|--ss58-address|--address")]
    [Description("Show this address instead of the wallet's coldkey.")]
    public string? Address { get; init; }
}

/// <summary><c>tao wallet balance</c>: free and reserved TAO of the coldkey (read from coldkeypub.txt, no password needed).</summary>
public sealed class WalletBalanceCommand : WalletCommand<WalletBalanceSettings>
{
    protected override int Run(WalletBalanceSettings settings, WalletPrompts prompts)
    {
        using var key = settings.Address is { } a ? WalletKeypair.FromSs58(a) : WalletKeypair.FromKeyfileContent(settings.OpenWallet().ColdkeyPub.Read());
        var account = AccountId.FromBytes(key.PublicKey);
        var balance = ChainCall.Run(settings, (c, ct) => new ChainQueries(c).BalanceAsync(account, ct));
        if (settings.JsonOutput)
        {
            WriteSuccess(w =>
            {
                w.WriteString("coldkey", key.Ss58Address);
                w.WriteNumber("free_rao", balance.Free.Rao);
                w.WriteNumber("reserved_rao", balance.Reserved.Rao);
                w.WriteString("free", ChainCall.FormatTao(balance.Free));
                w.WriteString("reserved", ChainCall.FormatTao(balance.Reserved));
                w.WriteString("total", ChainCall.FormatTao(new TaoBalance(balance.Free.Rao + balance.Reserved.Rao)));
            });
            return 0;
        }
        var table = new Table().AddColumns("Coldkey", "Free (τ)", "Reserved (τ)");
        table.AddRow(key.Ss58Address, ChainCall.FormatTao(balance.Free), ChainCall.FormatTao(balance.Reserved));
        AnsiConsole.Write(table);
        return 0;
    }
}
