using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Crypto.Wallet;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>Costs the chain recycles for key swaps (the reference runtime's KeySwapCost / KeySwapOnSubnetCost).</summary>
internal static class KeySwapCosts
{
    public static readonly TaoBalance AllSubnets = new(100_000_000);
    public static readonly TaoBalance OneSubnet = new(1_000_000);
}

/// <summary>btcli's `wallet swap-hotkey` options: --hotkey is the old hotkey, the new one is another hotkey of the wallet.</summary>
public sealed class WalletSwapHotkeySettings : ChainWalletSettings
{
    [CommandOption("--destination-hotkey-name|--destination-hotkey|--new-hotkey")]
    [Description("The new hotkey: a hotkey name of this wallet, or an SS58 address.")]
    public string? DestinationHotkey { get; init; }

    [CommandOption("--netuid")]
    [Description("Swap only on this subnet (costs 0.001 TAO).")]
    public int? Netuid { get; init; }

    [CommandOption("--all-netuids")]
    [Description("Swap on every subnet (costs 0.1 TAO).")]
    public bool AllNetuids { get; init; }

    [CommandOption("--keep-stake")]
    [Description("Leave every stake position on the old hotkey; only the neuron and its settings move (swap_hotkey_v2).")]
    public bool KeepStake { get; init; }
}

/// <summary>
/// <c>tao wallet swap-hotkey</c>: swap_hotkey_v2 signed by the coldkey that owns both hotkeys. JSON data = {extrinsic
/// fields, coldkey, old_hotkey, new_hotkey, netuid (null = all subnets), keep_stake, cost_rao}.
/// </summary>
public sealed class WalletSwapHotkeyCommand : ChainCommand<WalletSwapHotkeySettings>
{
    protected override int Run(WalletSwapHotkeySettings settings, WalletPrompts prompts)
    {
        if (settings.DestinationHotkey is null) throw new UsageException("--destination-hotkey-name is required (the new hotkey's name in this wallet, or its address)");
        if (settings.AllNetuids == settings.Netuid.HasValue) throw new UsageException("give exactly one of --netuid N and --all-netuids");
        NetUid? netuid = settings.AllNetuids ? null : RequireNetuid(settings.Netuid);
        using var oldPub = HotkeyPub(settings);
        using var newPub = Destination(settings);
        if (oldPub.Ss58Address == newPub.Ss58Address) throw new UsageException("the new hotkey is the old hotkey");
        using var coldPub = ColdkeyPub(settings);
        var cost = netuid is null ? KeySwapCosts.AllSubnets : KeySwapCosts.OneSubnet;
        var scope = netuid is { } n ? $"on subnet {n.Value}" : "on every subnet";
        Confirm(settings, $"Swap hotkey {oldPub.Ss58Address} for {newPub.Ss58Address} {scope}? This recycles {ChainCall.FormatTao(cost)} τ.");
        using var coldkey = Coldkey(settings, prompts);
        var call = Calls.SwapHotkeyV2(Account(oldPub), Account(newPub), netuid, settings.KeepStake);
        var result = Submit(settings, coldkey, call, "swap_hotkey", KeySwapAdvice.For);
        WriteTransaction(settings, result, $"Hotkey {oldPub.Ss58Address} swapped for {newPub.Ss58Address} {scope}", w =>
        {
            w.WriteString("coldkey", coldPub.Ss58Address);
            w.WriteString("old_hotkey", oldPub.Ss58Address);
            w.WriteString("new_hotkey", newPub.Ss58Address);
            if (netuid is { } one) w.WriteNumber("netuid", one.Value);
            else w.WriteNull("netuid");
            w.WriteBoolean("keep_stake", settings.KeepStake);
            w.WriteNumber("cost_rao", cost.Rao);
        });
        return 0;
    }

    private static WalletKeypair Destination(WalletSwapHotkeySettings settings)
    {
        var text = settings.DestinationHotkey!;
        if (Ss58Address.IsValid(text)) return WalletKeypair.FromSs58(text);
        var wallet = settings.OpenWallet();
        return new TaoWallet(wallet.Name, wallet.WalletsPath, text).LoadHotkeyPub();
    }
}

/// <summary>btcli-style `wallet swap-coldkey` options.</summary>
public sealed class WalletSwapColdkeySettings : ChainWalletSettings
{
    [CommandOption("--action")]
    [Description("announce (pays 0.1 TAO, starts the delay), execute (after the delay), dispute (freezes the coldkey until root resets it), clear.")]
    public string? Action { get; init; }

    [CommandOption("--new-coldkey|--new-coldkey-ss58|--new-wallet")]
    [Description("The new coldkey: an SS58 address or the name of another wallet (announce and execute).")]
    public string? NewColdkey { get; init; }
}

/// <summary>
/// <c>tao wallet swap-coldkey --action announce|execute|dispute|clear</c>, signed by the current coldkey. JSON data =
/// {extrinsic fields, action, coldkey, new_coldkey (or null), status: ColdkeySwapStatus after the call}.
/// </summary>
public sealed class WalletSwapColdkeyCommand : ChainCommand<WalletSwapColdkeySettings>
{
    protected override int Run(WalletSwapColdkeySettings settings, WalletPrompts prompts)
    {
        var action = settings.Action?.Trim().ToLowerInvariant() switch
        {
            "announce" => "announce",
            "execute" or "swap" => "execute",
            "dispute" => "dispute",
            "clear" => "clear",
            null => throw new UsageException("--action is required: announce, execute, dispute or clear"),
            var other => throw new UsageException($"--action must be announce, execute, dispute or clear (got '{other}')"),
        };
        AccountId? newColdkey = action is "announce" or "execute" ? NewColdkey(settings) : null;
        using var coldPub = ColdkeyPub(settings);
        if (newColdkey is { } nc && nc == Account(coldPub)) throw new UsageException("the new coldkey is the current coldkey");
        var newSs58 = newColdkey is { } k ? Ss58Address.Encode(k.AsSpan()) : null;
        var (call, question, done) = action switch
        {
            "announce" => (Calls.AnnounceColdkeySwap(newColdkey!.Value),
                $"Announce a swap of coldkey {coldPub.Ss58Address} to {newSs58}? The first announcement recycles {ChainCall.FormatTao(KeySwapCosts.AllSubnets)} τ, and until the swap the coldkey can only make swap calls.",
                "Coldkey swap announced"),
            "execute" => (Calls.SwapColdkeyAnnounced(newColdkey!.Value),
                $"Move everything of coldkey {coldPub.Ss58Address} (balance, stake, hotkeys, subnets) to {newSs58}?",
                "Coldkey swapped"),
            "dispute" => (Calls.DisputeColdkeySwap(),
                $"Dispute the swap announced for {coldPub.Ss58Address}? The coldkey is frozen until root resets it.",
                "Coldkey swap disputed"),
            _ => (Calls.ClearColdkeySwapAnnouncement(), $"Clear the swap announced for {coldPub.Ss58Address}?", "Coldkey swap announcement cleared"),
        };
        Confirm(settings, question);
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, call, $"{action} coldkey swap", KeySwapAdvice.For);
        var status = Read(settings, "Reading the swap status...", r => r.CallAsync("tao_getColdkeySwap", coldPub.Ss58Address));
        var summary = action == "announce" && status?["execute_block"] is { } when ? $"{done}; it can be executed from block {when}" : done;
        WriteTransaction(settings, result, summary, w =>
        {
            w.WriteString("action", action);
            w.WriteString("coldkey", coldPub.Ss58Address);
            w.WriteString("new_coldkey", newSs58);
            JsonFields.Write(w, "status", status);
        });
        return 0;
    }

    private static AccountId NewColdkey(WalletSwapColdkeySettings settings)
    {
        var text = settings.NewColdkey ?? throw new UsageException("--new-coldkey is required for announce and execute (an SS58 address or a wallet name)");
        if (Ss58Address.IsValid(text)) return ParseAccount(text, "--new-coldkey");
        var wallet = settings.OpenWallet();
        using var pub = WalletKeypair.FromKeyfileContent(new TaoWallet(text, wallet.WalletsPath, wallet.HotkeyName).ColdkeyPub.Read());
        return AccountId.FromBytes(pub.PublicKey);
    }
}

public sealed class WalletSwapCheckSettings : ChainWalletSettings
{
    [CommandOption("--ss58|--coldkey|--key|-k")]
    [Description("The coldkey's SS58 address (default: the wallet's coldkey).")]
    public string? Ss58 { get; init; }
}

/// <summary><c>tao wallet swap-check</c>: a coldkey's swap announcement and dispute (tao_getColdkeySwap); JSON data = ColdkeySwapStatus.</summary>
public sealed class WalletSwapCheckCommand : ChainCommand<WalletSwapCheckSettings>
{
    protected override int Run(WalletSwapCheckSettings settings, WalletPrompts prompts)
    {
        var address = ColdkeyAddress(settings, settings.Ss58);
        var status = Read(settings, "Reading the swap status...", r => r.CallAsync("tao_getColdkeySwap", address));
        if (settings.JsonOutput)
        {
            WriteJson(w =>
            {
                if (status is JsonObject obj)
                    foreach (var (k, v) in obj) JsonFields.Write(w, k, v);
            });
            return 0;
        }
        if (!JsonFields.Bool(status, "announced"))
        {
            AnsiConsole.MarkupLine($"No coldkey swap is announced for {address}.");
            return 0;
        }
        var table = new Table().Title($"Coldkey swap of {address}").AddColumns("Item", "Value");
        foreach (var (k, v) in (JsonObject)status!) table.AddRow(k, Markup.Escape(v?.ToJsonString() ?? "null"));
        AnsiConsole.Write(table);
        return 0;
    }
}

/// <summary>Hints for the key-swap errors (the rest fall back to <see cref="ChainErrorAdvice"/>).</summary>
internal static class KeySwapAdvice
{
    public static string? For(string error) => error switch
    {
        "HotKeySetTxRateLimitExceeded" => "A coldkey may swap a hotkey once per tx_rate_limit blocks; try again later.",
        "HotKeySwapOnSubnetIntervalNotPassed" => "Hotkey swaps touching a subnet are limited to one per day (7200 blocks) per coldkey.",
        "NewHotKeyNotCleanForRootSwap" => "The new hotkey already has root stake or root claims; pick a fresh hotkey.",
        "NotEnoughBalanceToPaySwapHotKey" or "NotEnoughBalanceToPaySwapColdKey" => "The swap cost is more than the free balance; check `tao wallet balance`.",
        "ColdkeySwapTooEarly" => "The announcement delay has not passed; `tao wallet swap-check` shows the first block.",
        "ColdkeySwapAnnouncementNotFound" => "No swap is announced for this coldkey: `--action announce` first.",
        "AnnouncedColdkeyHashDoesNotMatch" => "--new-coldkey is not the key that was announced.",
        "ColdkeySwapReannouncedTooEarly" or "ColdkeySwapClearTooEarly" => "Wait until the re-announcement block shown by `tao wallet swap-check`.",
        "ColdkeySwapAnnounced" => "This coldkey announced a swap: only swap calls are allowed until it executes or is cleared.",
        "ColdkeySwapDisputed" => "This coldkey's swap is disputed: every call is blocked until root resets it.",
        "ColdKeyAlreadyAssociated" => "The new coldkey has already staked; use an unused coldkey.",
        "NewColdKeyIsHotkey" => "The new coldkey is registered as a hotkey; use a coldkey.",
        _ => null,
    };
}
