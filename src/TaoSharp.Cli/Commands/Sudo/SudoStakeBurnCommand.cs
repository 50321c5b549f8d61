using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Stake;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.Sudo;

public sealed class SudoStakeBurnSettings : SafeTradeSettings
{
    [CommandOption("-a|--amount")]
    [Description("TAO to spend on the buy-back (up to 9 decimals).")]
    public string? Amount { get; init; }
}

/// <summary>
/// <c>tao sudo stake-burn</c> (btcli's owner buy-back): add_stake_burn — buy alpha on --netuid with --amount TAO through the
/// wallet's hotkey (--hotkey: a name or an SS58 address) and burn it at once. Safe by default: limit = price × (1 +
/// tolerance), fill-or-kill (the call has no partial fill); --unsafe sends no limit. The chain lets any coldkey do this;
/// typically the subnet owner does. JSON data adds netuid, hotkey, amount_rao, limit_price_rao, alpha_burned.
/// </summary>
public sealed class SudoStakeBurnCommand : ChainCommand<SudoStakeBurnSettings>
{
    protected override int Run(SudoStakeBurnSettings settings, WalletPrompts prompts)
    {
        settings.CheckSafeOptions();
        if (settings.Partial) throw new UsageException("add_stake_burn is fill-or-kill: --allow-partial-stake does not apply");
        var netuid = RequireNetuid(settings.Netuid);
        if (netuid.IsRoot) throw new UsageException("stake-burn buys a subnet's alpha: root (netuid 0) has none to burn");
        var amount = ChainCall.ParseTao(settings.Amount, "--amount");
        if (amount.Rao == 0) throw new UsageException("--amount must be more than 0");
        using var hotkey = HotkeyPub(settings);
        ulong? limit = null;
        string priceText = "?";
        if (settings.IsSafe)
        {
            var price = Read(settings, "Retrieving the pool price...", r => r.CallAsync("swap_currentAlphaPrice", (int)netuid.Value)) ?? throw NoSubnet(netuid);
            priceText = Str(price, "price");
            limit = LimitPrice.ForBuy(LimitPrice.ParsePrice(priceText), settings.ToleranceValue);
        }
        Confirm(settings, $"Buy back and burn subnet {netuid} alpha with {Units(amount.Rao)} τ through {hotkey.Ss58Address}" +
            (limit is { } l ? $" (price {priceText} τ/α, not above {Units(l)})?" : " (no price limit)?"));
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.AddStakeBurn(Account(hotkey), netuid, amount, limit), "add_stake_burn");
        var burned = result.Events.FirstOrDefault(e => e.Name == "AddStakeBurn")?.Fields.GetValueOrDefault("alpha");
        ulong? alpha = burned is null ? null : ulong.Parse(burned, CultureInfo.InvariantCulture);
        WriteTransaction(settings, result, $"Bought back and burned {(alpha is { } a ? Units(a) : "?")} α on subnet {netuid} for {Units(amount.Rao)} τ", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteString("hotkey", hotkey.Ss58Address);
            w.WriteNumber("amount_rao", amount.Rao);
            if (limit is { } lp) w.WriteNumber("limit_price_rao", lp); else w.WriteNull("limit_price_rao");
            if (alpha is { } x) w.WriteNumber("alpha_burned", x); else w.WriteNull("alpha_burned");
        });
        return 0;
    }
}
