using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.Stake;

/// <summary>Settings of the stake commands that only read a coldkey's state (<c>stake list</c>, <c>stake auto</c>).</summary>
public sealed class ColdkeyQuerySettings : ChainWalletSettings
{
    [CommandOption("--ss58|--coldkey")]
    [Description("Look at this coldkey (SS58) instead of the wallet's.")]
    public string? Ss58 { get; init; }
}

/// <summary><c>tao stake list</c>: stakeInfo_getStakeInfoForColdkey; JSON data = {"coldkey", "stakes": StakeInfo[]}.</summary>
public sealed class StakeListCommand : ChainCommand<ColdkeyQuerySettings>
{
    protected override int Run(ColdkeyQuerySettings settings, WalletPrompts prompts)
    {
        var coldkey = ColdkeyAddress(settings, settings.Ss58);
        var stakes = Read(settings, "Retrieving stake information...", r => r.ArrayAsync("stakeInfo_getStakeInfoForColdkey", coldkey));
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteString("coldkey", coldkey);
                JsonFields.Write(w, "stakes", stakes);
            });
            return 0;
        }
        var table = new Table().Title($"Stakes of {coldkey}").AddColumns("Hotkey", "Netuid", "Stake (α)", "Value (τ)", "Emission (α/block)", "Registered");
        ulong total = 0;
        foreach (var st in stakes)
        {
            total += U64(st, "value_in_tao");
            table.AddRow(Str(st, "hotkey"), Str(st, "netuid"), Units(U64(st, "stake")), Units(U64(st, "value_in_tao")), Units(U64(st, "emission")), Bool(st, "is_registered") ? "yes" : "no");
        }
        table.AddRow("[bold]total[/]", "", "", Units(total), "", "");
        AnsiConsole.Write(table);
        return 0;
    }
}

public sealed class StakeMoveSettings : ChainWalletSettings
{
    [CommandOption("--origin-netuid")]
    public int? OriginNetuid { get; init; }

    [CommandOption("--dest-netuid")]
    public int? DestNetuid { get; init; }

    [CommandOption("--dest|--to|--dest-hotkey")]
    [Description("Destination hotkey (SS58); default: the origin hotkey.")]
    public string? DestHotkey { get; init; }

    [CommandOption("-a|--amount")]
    [Description("Alpha to move.")]
    public string? Amount { get; init; }
}

/// <summary><c>tao stake move</c>: move_stake from the wallet's hotkey (--hotkey) to --dest on --dest-netuid.</summary>
public sealed class StakeMoveCommand : ChainCommand<StakeMoveSettings>
{
    protected override int Run(StakeMoveSettings settings, WalletPrompts prompts)
    {
        var origin = RequireNetuid(settings.OriginNetuid, "--origin-netuid");
        var dest = RequireNetuid(settings.DestNetuid ?? settings.OriginNetuid, "--dest-netuid");
        var amount = ParseAlpha(settings.Amount, "--amount");
        using var hotkey = HotkeyPub(settings);
        var destHot = settings.DestHotkey is null ? Account(hotkey) : ParseAccount(settings.DestHotkey, "--dest");
        Confirm(settings, $"Move {Units(amount.Raw)} α from {hotkey.Ss58Address} on subnet {origin} to subnet {dest}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.MoveStake(Account(hotkey), destHot, origin, dest, amount), "move_stake");
        WriteTransaction(settings, result, $"Moved {Units(amount.Raw)} α", w =>
        {
            w.WriteNumber("origin_netuid", origin.Value);
            w.WriteNumber("dest_netuid", dest.Value);
            w.WriteNumber("amount", amount.Raw);
        });
        return 0;
    }
}

public sealed class StakeTransferSettings : ChainWalletSettings
{
    [CommandOption("--origin-netuid|--netuid")]
    public int? OriginNetuid { get; init; }

    [CommandOption("--dest-netuid")]
    [Description("Default: the origin netuid.")]
    public int? DestNetuid { get; init; }

    [CommandOption("--dest-ss58|--dest")]
    [Description("Coldkey (SS58) that receives the stake.")]
    public string? DestColdkey { get; init; }

    [CommandOption("-a|--amount")]
    [Description("Alpha to transfer.")]
    public string? Amount { get; init; }
}

/// <summary><c>tao stake transfer</c>: transfer_stake to another coldkey (same hotkey).</summary>
public sealed class StakeTransferCommand : ChainCommand<StakeTransferSettings>
{
    protected override int Run(StakeTransferSettings settings, WalletPrompts prompts)
    {
        var origin = RequireNetuid(settings.OriginNetuid, "--origin-netuid");
        var dest = RequireNetuid(settings.DestNetuid ?? settings.OriginNetuid, "--dest-netuid");
        var destCold = ParseAccount(settings.DestColdkey, "--dest-ss58");
        var amount = ParseAlpha(settings.Amount, "--amount");
        using var hotkey = HotkeyPub(settings);
        Confirm(settings, $"Transfer {Units(amount.Raw)} α staked to {hotkey.Ss58Address} on subnet {origin} to coldkey {settings.DestColdkey} (subnet {dest})?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.TransferStake(destCold, Account(hotkey), origin, dest, amount), "transfer_stake");
        WriteTransaction(settings, result, $"Transferred {Units(amount.Raw)} α", w =>
        {
            w.WriteString("dest_coldkey", settings.DestColdkey);
            w.WriteNumber("origin_netuid", origin.Value);
            w.WriteNumber("dest_netuid", dest.Value);
            w.WriteNumber("amount", amount.Raw);
        });
        return 0;
    }
}

public sealed class StakeSwapSettings : SafeTradeSettings
{
    [CommandOption("-o|--origin-netuid")]
    public int? OriginNetuid { get; init; }

    [CommandOption("-d|--dest-netuid")]
    public int? DestNetuid { get; init; }

    [CommandOption("-a|--amount")]
    [Description("Alpha to swap.")]
    public string? Amount { get; init; }
}

/// <summary>
/// <c>tao stake swap</c>: swap_stake_limit with limit = (origin price / destination price) × (1 − tolerance) in RAO
/// (the chain checks its cross price against it); --unsafe sends swap_stake.
/// </summary>
public sealed class StakeSwapCommand : ChainCommand<StakeSwapSettings>
{
    protected override int Run(StakeSwapSettings settings, WalletPrompts prompts)
    {
        settings.CheckSafeOptions();
        var origin = RequireNetuid(settings.OriginNetuid, "--origin-netuid");
        var dest = RequireNetuid(settings.DestNetuid, "--dest-netuid");
        if (origin == dest) throw new UsageException("--origin-netuid and --dest-netuid must differ (use `stake move` to change hotkey)");
        var amount = ParseAlpha(settings.Amount, "--amount");
        using var hotkey = HotkeyPub(settings);
        var (po, pd) = Read(settings, "Retrieving prices...", async r =>
            (await r.CallAsync("swap_currentAlphaPrice", (int)origin.Value).ConfigureAwait(false) ?? throw NoSubnet(origin),
             await r.CallAsync("swap_currentAlphaPrice", (int)dest.Value).ConfigureAwait(false) ?? throw NoSubnet(dest)));
        var destPrice = LimitPrice.ParsePrice(Str(pd, "price"));
        ulong? limit = settings.IsSafe && destPrice > 0 ? LimitPrice.ForSell(LimitPrice.ParsePrice(Str(po, "price")) / destPrice, settings.ToleranceValue) : null;
        Confirm(settings, $"Swap {Units(amount.Raw)} α of {hotkey.Ss58Address} from subnet {origin} to subnet {dest}?");
        using var coldkey = Coldkey(settings, prompts);
        var call = limit is { } l
            ? Calls.SwapStakeLimit(Account(hotkey), origin, dest, amount, l, settings.Partial)
            : Calls.SwapStake(Account(hotkey), origin, dest, amount);
        var result = Submit(settings, coldkey, call, limit is null ? "swap_stake" : "swap_stake_limit");
        WriteTransaction(settings, result, $"Swapped {Units(amount.Raw)} α from subnet {origin} to {dest}", w =>
        {
            w.WriteNumber("origin_netuid", origin.Value);
            w.WriteNumber("dest_netuid", dest.Value);
            w.WriteNumber("amount", amount.Raw);
            if (limit is { } x) w.WriteNumber("limit_price_rao", x); else w.WriteNull("limit_price_rao");
        });
        return 0;
    }
}

/// <summary><c>tao stake child get</c>: tao_getChildKeys; JSON data = {"netuid", "hotkey", "children": [{proportion, child}]}.</summary>
public sealed class StakeChildGetCommand : ChainCommand<SubnetSettings>
{
    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        using var hotkey = HotkeyPub(settings);
        var children = Read(settings, "Retrieving children...", r => r.ArrayAsync("tao_getChildKeys", hotkey.Ss58Address, (int)netuid.Value));
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                w.WriteNumber("netuid", netuid.Value);
                w.WriteString("hotkey", hotkey.Ss58Address);
                JsonFields.Write(w, "children", children);
            });
            return 0;
        }
        var table = new Table().Title($"Children of {hotkey.Ss58Address} on subnet {netuid}").AddColumns("Child", "Proportion");
        foreach (var c in children)
            table.AddRow(Str(c, "child"), (U64(c, "proportion") / (decimal)ulong.MaxValue).ToString("0.0000", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return 0;
    }
}

public sealed class StakeChildSetSettings : SubnetSettings
{
    [CommandOption("-c|--children")]
    [Description("Child hotkeys (SS58), comma-separated.")]
    public string? Children { get; init; }

    [CommandOption("--prop|--proportions")]
    [Description("Proportions between 0 and 1, one per child, summing to at most 1.")]
    public string? Proportions { get; init; }
}

/// <summary><c>tao stake child set</c>: set_children with proportion = ⌊p × (2^64 − 1)⌋.</summary>
public sealed class StakeChildSetCommand : ChainCommand<StakeChildSetSettings>
{
    protected override int Run(StakeChildSetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var children = ParseList(settings.Children ?? throw new UsageException("--children is required"), "--children", s => ParseAccount(s, "--children"));
        var props = ParseList(settings.Proportions ?? throw new UsageException("--proportions is required"), "--proportions",
            s => decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        if (children.Length != props.Length) throw new UsageException($"{children.Length} children but {props.Length} proportions");
        if (props.Any(p => p > 1) || props.Sum() > 1) throw new UsageException("proportions must each be at most 1 and sum to at most 1");
        var list = children.Zip(props, (c, p) => ((ulong)decimal.Floor(p * ulong.MaxValue), c)).ToArray();
        using var hotkey = HotkeyPub(settings);
        return ChildSet.Submit(settings, prompts, hotkey, netuid, list, "set_children");
    }
}

/// <summary><c>tao stake child revoke</c>: set_children with an empty list.</summary>
public sealed class StakeChildRevokeCommand : ChainCommand<SubnetSettings>
{
    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        using var hotkey = HotkeyPub(settings);
        return ChildSet.Submit(settings, prompts, hotkey, netuid, [], "set_children (revoke)");
    }
}

internal static class ChildSet
{
    public static int Submit(ChainWalletSettings settings, WalletPrompts prompts, Crypto.Wallet.WalletKeypair hotkey, NetUid netuid,
        (ulong, AccountId)[] children, string what)
    {
        Confirm(settings, $"Set {children.Length} children of {hotkey.Ss58Address} on subnet {netuid}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = ChainOps.Submit(settings, coldkey, Calls.SetChildren(Account(hotkey), netuid, children), what);
        WriteTransaction(settings, result, $"Children of {hotkey.Ss58Address} on subnet {netuid} set ({children.Length})", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteString("hotkey", hotkey.Ss58Address);
            w.WriteNumber("children", children.Length);
        });
        return 0;
    }
}

public sealed class StakeChildTakeSettings : SubnetSettings
{
    [CommandOption("-t|--take")]
    [Description("Take as a fraction, e.g. 0.09 for 9% (stored as take × 65535).")]
    public string? Take { get; init; }
}

/// <summary><c>tao stake child take</c>: set_childkey_take(hotkey, netuid, ⌊take × 65535⌋).</summary>
public sealed class StakeChildTakeCommand : ChainCommand<StakeChildTakeSettings>
{
    protected override int Run(StakeChildTakeSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        if (!decimal.TryParse(settings.Take, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var take) || take > 1)
            throw new UsageException("--take must be a fraction in [0, 1], e.g. 0.09");
        var raw = (ushort)decimal.Floor(take * 65535);
        using var hotkey = HotkeyPub(settings);
        Confirm(settings, $"Set the childkey take of {hotkey.Ss58Address} on subnet {netuid} to {take:P2}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.SetChildkeyTake(Account(hotkey), netuid, raw), "set_childkey_take");
        WriteTransaction(settings, result, $"Childkey take set to {raw}/65535", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteNumber("take", raw);
        });
        return 0;
    }
}

public sealed class StakeClaimRootSettings : ChainWalletSettings
{
    [CommandOption("--netuids|--netuid")]
    [Description("Subnets to claim root dividends on, comma-separated.")]
    public string? Netuids { get; init; }
}

/// <summary><c>tao stake claim-root</c>: claim_root(netuids) by the coldkey.</summary>
public sealed class StakeClaimRootCommand : ChainCommand<StakeClaimRootSettings>
{
    protected override int Run(StakeClaimRootSettings settings, WalletPrompts prompts)
    {
        var netuids = ParseNetuids(settings.Netuids, "--netuids") ?? throw new UsageException("--netuids is required");
        Confirm(settings, $"Claim root dividends on subnets {string.Join(',', netuids)}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.ClaimRoot(netuids), "claim_root");
        WriteTransaction(settings, result, "Root dividends claimed", w =>
        {
            w.WriteStartArray("netuids");
            foreach (var n in netuids.Select(n => n.Value).Distinct().Order()) w.WriteNumberValue(n);
            w.WriteEndArray();
        });
        return 0;
    }
}
