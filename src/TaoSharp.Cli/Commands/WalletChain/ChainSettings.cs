using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Cli.Commands.WalletChain;

/// <summary>Wallet options plus btcli's --network (spec-client §6.1).</summary>
public class ChainWalletSettings : WalletSettings
{
    [CommandOption("--network|--subtensor.network|--chain")]
    [Description("'local' (ws://127.0.0.1:9944, the default) or a ws://, wss://, http:// or https:// URL.")]
    public string? Network { get; init; }
}

/// <summary>Connects to the chain and turns the SDK's failures into the CLI's expected errors (one clear line, exit 1).</summary>
internal static class ChainCall
{
    /// <summary>JSON-RPC's "method not found" code.</summary>
    private const int MethodNotFound = -32601;

    public static T Run<T>(ChainWalletSettings settings, Func<TaoClient, CancellationToken, Task<T>> body)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            return RunAsync(settings, body, cts.Token).GetAwaiter().GetResult();
        }
        catch (ChainConnectionException e)
        {
            throw new CommandFailedException(e.Message);
        }
        catch (RpcCallException e) when (e.Code == MethodNotFound)
        {
            throw new CommandFailedException($"the node does not serve {e.Method} (it is older than this CLI or does not implement it yet)");
        }
        catch (RpcCallException e)
        {
            throw new CommandFailedException(e.Message);
        }
        catch (TransactionRejectedException e)
        {
            throw new CommandFailedException(e.Message);
        }
        catch (OperationCanceledException)
        {
            throw new CommandFailedException("the node did not answer within 2 minutes");
        }
    }

    private static async Task<T> RunAsync<T>(ChainWalletSettings settings, Func<TaoClient, CancellationToken, Task<T>> body, CancellationToken ct)
    {
        await using var client = await TaoClient.ConnectAsync(settings.Network, ct: ct).ConfigureAwait(false);
        return await body(client, ct).ConfigureAwait(false);
    }

    /// <summary>A TAO amount as typed ("1.5") to RAO, exactly; more than 9 decimals or a negative amount is refused.</summary>
    public static TaoBalance ParseTao(string? text, string option)
    {
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tao))
            throw new UsageException($"{option} must be a TAO amount such as 1.5");
        var rao = tao * 1_000_000_000m;
        if (rao != decimal.Truncate(rao)) throw new UsageException($"{option} has more than 9 decimals (1 RAO = 0.000000001 TAO)");
        if (rao > ulong.MaxValue) throw new UsageException($"{option} is larger than the total TAO supply");
        return new TaoBalance((ulong)rao);
    }

    public static string FormatTao(TaoBalance b) =>
        (b.Rao / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "." + (b.Rao % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
}
