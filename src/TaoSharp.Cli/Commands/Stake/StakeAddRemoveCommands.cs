using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.Stake;

public sealed class StakeAddSettings : SafeTradeSettings
{
    [CommandOption("-a|--amount")]
    [Description("TAO to stake (up to 9 decimals).")]
    public string? Amount { get; init; }
}

/// <summary>
/// <c>tao stake add</c>: reads the pool price, shows the estimate and the limit, asks, then add_stake_limit(limit = price ×
/// (1 + tolerance), allow_partial) — or add_stake with --unsafe. JSON data adds netuid, hotkey, amount_rao, limit_price_rao,
/// alpha_received.
/// </summary>
public sealed class StakeAddCommand : ChainCommand<StakeAddSettings>
{
    protected override int Run(StakeAddSettings settings, WalletPrompts prompts)
    {
        settings.CheckSafeOptions();
        var netuid = RequireNetuid(settings.Netuid);
        var amount = ChainCall.ParseTao(settings.Amount, "--amount");
        if (amount.Rao == 0) throw new UsageException("--amount must be more than 0");
        using var hotkey = HotkeyPub(settings);
        var (price, quote) = Read(settings, "Retrieving the pool price...", async r =>
        {
            var p = await r.CallAsync("swap_currentAlphaPrice", (int)netuid.Value).ConfigureAwait(false) ?? throw NoSubnet(netuid);
            return (p, await StakeQuotes.TryQuoteAsync(r, "swap_simSwapTaoForAlpha", netuid, amount.Rao).ConfigureAwait(false));
        });
        var priceValue = LimitPrice.ParsePrice(Str(price, "price"));
        ulong? limit = settings.IsSafe ? LimitPrice.ForBuy(priceValue, settings.ToleranceValue) : null;
        if (!settings.JsonOutput && settings.CanPrompt)
        {
            var t = new Table().Title("Staking to").AddColumns("Netuid", "Hotkey", "Amount (τ)", "Price (τ/α)", "Est. received (α)", "Fee", "Limit price (τ/α)", "Partial");
            t.AddRow(netuid.ToString(), hotkey.Ss58Address, Units(amount.Rao), Str(price, "price"), quote is null ? "?" : Units(U64(quote, "amount_out")),
                quote is null ? "?" : Units(U64(quote, "fee")), limit is { } l ? Units(l) : "none (--unsafe)", settings.Partial ? "yes" : "no");
            AnsiConsole.Write(t);
        }
        Confirm(settings, $"Stake {Units(amount.Rao)} τ to {hotkey.Ss58Address} on subnet {netuid}?");
        using var coldkey = Coldkey(settings, prompts);
        var call = limit is { } lim
            ? Calls.AddStakeLimit(Account(hotkey), netuid, amount, lim, settings.Partial)
            : Calls.AddStake(Account(hotkey), netuid, amount);
        var result = Submit(settings, coldkey, call, limit is null ? "add_stake" : "add_stake_limit");
        var received = result.Events.FirstOrDefault(e => e.Name == "StakeAdded")?.Fields.GetValueOrDefault("alpha");
        WriteTransaction(settings, result, $"Staked {Units(amount.Rao)} τ to {hotkey.Ss58Address} on subnet {netuid}" + (received is null ? "" : $", received {Units(ulong.Parse(received, CultureInfo.InvariantCulture))} α"), w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteString("hotkey", hotkey.Ss58Address);
            w.WriteNumber("amount_rao", amount.Rao);
            if (limit is { } l) w.WriteNumber("limit_price_rao", l); else w.WriteNull("limit_price_rao");
            if (received is not null) w.WriteNumber("alpha_received", ulong.Parse(received, CultureInfo.InvariantCulture)); else w.WriteNull("alpha_received");
        });
        return 0;
    }
}

public sealed class StakeRemoveSettings : SafeTradeSettings
{
    [CommandOption("-a|--amount")]
    [Description("Alpha to unstake (up to 9 decimals).")]
    public string? Amount { get; init; }

    [CommandOption("--all")]
    [Description("Unstake everything: on --netuid (remove_stake_full_limit), or on every subnet when no --netuid is given (unstake_all).")]
    public bool All { get; init; }

    [CommandOption("--all-alpha")]
    [Description("Move every subnet's alpha of the hotkey to root stake (unstake_all_alpha).")]
    public bool AllAlpha { get; init; }
}

/// <summary>
/// <c>tao stake remove</c>: safe by default (remove_stake_limit / remove_stake_full_limit with limit = price × (1 − tolerance));
/// --all without a netuid sends unstake_all, --all-alpha unstake_all_alpha. JSON data adds netuid, hotkey, amount, limit_price_rao, tao_received.
/// </summary>
public sealed class StakeRemoveCommand : ChainCommand<StakeRemoveSettings>
{
    protected override int Run(StakeRemoveSettings settings, WalletPrompts prompts)
    {
        settings.CheckSafeOptions();
        using var hotkey = HotkeyPub(settings);
        var hot = Account(hotkey);
        byte[] call;
        string what, question;
        ulong? limit = null;
        AlphaBalance? amount = null;
        if (settings.AllAlpha || (settings.All && settings.Netuid is null))
        {
            if (settings.Amount is not null) throw new UsageException("give either --amount or --all/--all-alpha");
            call = settings.AllAlpha ? Calls.UnstakeAllAlpha(hot) : Calls.UnstakeAll(hot);
            what = settings.AllAlpha ? "unstake_all_alpha" : "unstake_all";
            question = settings.AllAlpha ? $"Move all alpha staked to {hotkey.Ss58Address} on every subnet to root?" : $"Unstake everything from {hotkey.Ss58Address} on every subnet?";
        }
        else
        {
            var netuid = RequireNetuid(settings.Netuid);
            if (!settings.All) amount = ParseAlpha(settings.Amount ?? throw new UsageException("give --amount (alpha) or --all"), "--amount");
            else if (settings.Amount is not null) throw new UsageException("give either --amount or --all");
            if (amount is { Raw: 0 }) throw new UsageException("--amount must be more than 0");
            var price = Read(settings, "Retrieving the pool price...", r => r.CallAsync("swap_currentAlphaPrice", (int)netuid.Value)) ?? throw NoSubnet(netuid);
            if (settings.IsSafe) limit = LimitPrice.ForSell(LimitPrice.ParsePrice(Str(price, "price")), settings.ToleranceValue);
            call = amount is { } a
                ? limit is { } l ? Calls.RemoveStakeLimit(hot, netuid, a, l, settings.Partial) : Calls.RemoveStake(hot, netuid, a)
                : Calls.RemoveStakeFullLimit(hot, netuid, limit);
            what = amount is null ? "remove_stake_full_limit" : limit is null ? "remove_stake" : "remove_stake_limit";
            question = $"Unstake {(amount is { } x ? Units(x.Raw) + " α" : "everything")} from {hotkey.Ss58Address} on subnet {netuid} at price {Str(price, "price")} τ/α" +
                (limit is { } lp ? $" (not below {Units(lp)})?" : " (no limit)?");
        }
        Confirm(settings, question);
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, call, what);
        // The chain caps a removal at the stake held (as the reference does): the events say what was really swapped (alpha after the fee).
        var removedEvents = result.Events.Where(e => e.Name == "StakeRemoved").ToArray();
        var tao = removedEvents.Sum(e => ulong.TryParse(e.Fields.GetValueOrDefault("tao"), CultureInfo.InvariantCulture, out var t) ? (decimal)t : 0);
        var alphaSwapped = removedEvents.Sum(e => ulong.TryParse(e.Fields.GetValueOrDefault("alpha"), CultureInfo.InvariantCulture, out var t) ? (decimal)t : 0);
        WriteTransaction(settings, result, $"Unstaked ({what}), received {Units((ulong)tao)} τ", w =>
        {
            if (settings.Netuid is { } n) w.WriteNumber("netuid", n); else w.WriteNull("netuid");
            w.WriteString("hotkey", hotkey.Ss58Address);
            if (amount is { } a) w.WriteNumber("amount", a.Raw); else w.WriteNull("amount");
            if (limit is { } l) w.WriteNumber("limit_price_rao", l); else w.WriteNull("limit_price_rao");
            w.WriteNumber("tao_received", (ulong)tao);
            w.WriteNumber("alpha_swapped", (ulong)alphaSwapped);
        });
        return 0;
    }
}

/// <summary>Swap quotes for the confirmation table; a quote the node refuses (chain error) is shown as unknown.</summary>
internal static class StakeQuotes
{
    public static async Task<JsonNode?> TryQuoteAsync(ChainReader r, string method, NetUid netuid, ulong amount)
    {
        try
        {
            return await r.CallAsync(method, (int)netuid.Value, amount).ConfigureAwait(false);
        }
        catch (RpcCallException)
        {
            return null;
        }
    }
}
