using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Crypto.Wallet;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Cli.Commands.WalletChain;

public sealed class WalletTransferSettings : ChainWalletSettings
{
    [CommandOption("-d|--destination|--dest")]
    [Description("SS58 address that receives the TAO.")]
    public string? Destination { get; init; }

    [CommandOption("-a|--amount")]
    [Description("Amount in TAO (up to 9 decimals).")]
    public string? Amount { get; init; }

    [CommandOption("--allow-death")]
    [Description("Allow the coldkey to drop below the existential deposit (transfer_allow_death instead of transfer_keep_alive).")]
    public bool AllowDeath { get; init; }
}

/// <summary><c>tao wallet transfer</c>: signs Balances.transfer_keep_alive with the coldkey and waits for inclusion.</summary>
public sealed class WalletTransferCommand : WalletCommand<WalletTransferSettings>
{
    protected override int Run(WalletTransferSettings settings, WalletPrompts prompts)
    {
        var destText = settings.Destination ?? throw new UsageException("give the receiving address with --destination");
        using var destKey = WalletKeypair.FromSs58(destText);
        var dest = AccountId.FromBytes(destKey.PublicKey);
        var amount = ChainCall.ParseTao(settings.Amount, "--amount");
        if (amount.Rao == 0) throw new UsageException("--amount must be more than 0");
        if (settings.CanPrompt && !AnsiConsole.Confirm($"Transfer {ChainCall.FormatTao(amount)} τ to {destKey.Ss58Address}?", false))
            throw new CommandFailedException("transfer cancelled");
        using var coldkey = WalletKeypair.FromKeyfileContent(prompts.Unlock(settings.OpenWallet().Coldkey));
        var call = settings.AllowDeath ? Calls.TransferAllowDeath(dest, amount) : Calls.TransferKeepAlive(dest, amount);
        var result = ChainCall.Run(settings, (c, ct) => new TransactionSubmitter(c).SubmitAsync(new WalletSigner(coldkey), call, WaitFor.InBlock, ct: ct));
        if (!result.Success)
            throw new CommandFailedException($"the chain refused the transfer: {result.Error}" +
                (result.Error is { } e && e.Contains("Balance", StringComparison.Ordinal) ? " (check `tao wallet balance`; fees and the existential deposit count too)" : ""));
        if (settings.JsonOutput)
        {
            WriteSuccess(w =>
            {
                w.WriteString("extrinsic_hash", result.Hash.ToHex());
                w.WriteString("block_hash", result.BlockHash!.Value.ToHex());
                w.WriteString("from", coldkey.Ss58Address);
                w.WriteString("to", destKey.Ss58Address);
                w.WriteNumber("amount_rao", amount.Rao);
                w.WriteNumber("fee_rao", result.Fee.Rao);
            });
            return 0;
        }
        AnsiConsole.MarkupLine($"[green]Transferred[/] {ChainCall.FormatTao(amount)} τ to {destKey.Ss58Address} in block {result.BlockHash} (fee {ChainCall.FormatTao(result.Fee)} τ)");
        return 0;
    }
}
