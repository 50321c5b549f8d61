using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Crypto.Wallet;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Cli.Commands.WalletChain;

/// <summary>
/// Base of the chain-backed command groups (subnets, stake, weights, sudo, root, axon, wallet overview): the wallet
/// commands' error handling (one line, or the JSON envelope with "success": false). The shared steps are in <see cref="ChainOps"/>.
/// </summary>
public abstract class ChainCommand<TSettings> : WalletCommand<TSettings> where TSettings : ChainWalletSettings;

/// <summary>
/// The steps chain-backed commands share: reads through the node's domain RPC (docs/rpc-domain.md), signing and
/// submitting with the wallet's keys, confirmation, and output as Spectre tables or, with --json-output, exactly one
/// envelope <c>{"success", "error", "data"}</c> (schemas in docs/cli.md).
/// </summary>
public static class ChainOps
{
    /// <summary>Runs chain work under a spinner when a person watches a terminal; plain otherwise.</summary>
    public static T Spin<T>(ChainWalletSettings settings, string status, Func<T> work) =>
        settings.JsonOutput || Console.IsOutputRedirected || Console.IsErrorRedirected
            ? work()
            : AnsiConsole.Status().Start(status, _ => work());

    /// <summary>One read-only session: a client for the body's queries, under a spinner.</summary>
    public static T Read<T>(ChainWalletSettings settings, string status, Func<ChainReader, Task<T>> body) =>
        Spin(settings, status, () => ChainCall.Run(settings, (c, ct) => body(new ChainReader(c, ct))));

    /// <summary>btcli's confirmation before spending: default No; skipped with --no-prompt, --json-output or without a terminal.</summary>
    public static void Confirm(ChainWalletSettings settings, string question)
    {
        if (settings.CanPrompt && !AnsiConsole.Confirm(question, defaultValue: false))
            throw new CommandFailedException("cancelled; nothing was submitted");
    }

    /// <summary>
    /// Signs and submits a call, waits for its block and fails with the chain's error name plus what to do about it.
    /// A Sudo.sudo whose inner call failed (the extrinsic itself succeeds, Sudid carries the error) counts as failed.
    /// </summary>
    public static TransactionResult Submit(ChainWalletSettings settings, WalletKeypair key, byte[] call, string what, Func<string, string?>? advice = null)
    {
        var result = Spin(settings, $"Submitting {what}...", () =>
            ChainCall.Run(settings, (c, ct) => new TransactionSubmitter(c).SubmitAsync(new WalletSigner(key), call, WaitFor.InBlock, ct: ct)));
        var error = result.Success ? SudoError(result) : result.Error ?? "unknown error";
        if (error is not null)
            throw new CommandFailedException($"the chain refused {what}: {error}. " + (advice?.Invoke(error) ?? ChainErrorAdvice.For(error)));
        return result;
    }

    /// <summary>Writes a transaction's outcome: the JSON envelope with the common fields plus the command's, or one line.</summary>
    public static void WriteTransaction(ChainWalletSettings settings, TransactionResult result, string summary, Action<Utf8JsonWriter>? data = null)
    {
        if (settings.JsonOutput)
        {
            WriteSuccess(w =>
            {
                w.WriteString("extrinsic_hash", result.Hash.ToHex());
                w.WriteString("block_hash", result.BlockHash?.ToHex());
                w.WriteNumber("fee_rao", result.Fee.Rao);
                data?.Invoke(w);
            });
            return;
        }
        AnsiConsole.MarkupLine($"[green]✅ {Markup.Escape(summary)}[/] (block {result.BlockHash}, fee {ChainCall.FormatTao(result.Fee)} τ)");
    }

    /// <summary>Writes a read command's data as the JSON envelope (pass-through of the node's documented shapes).</summary>
    public static void WriteJson(Action<Utf8JsonWriter> data) => WriteSuccess(data);

    /// <summary>btcli's success envelope: {"success": true, "error": "", "data": {…}}.</summary>
    public static void WriteSuccess(Action<Utf8JsonWriter> data) =>
        KeyJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteString("error", "");
            w.WriteStartObject("data");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    public static WalletKeypair ColdkeyPub(ChainWalletSettings settings) => WalletKeypair.FromKeyfileContent(settings.OpenWallet().ColdkeyPub.Read());

    /// <summary>The coldkey a read-only command looks at: <paramref name="ss58"/> (checked) when given, else the wallet's.</summary>
    public static string ColdkeyAddress(ChainWalletSettings settings, string? ss58)
    {
        if (ss58 is not null)
        {
            ParseAccount(ss58, "--ss58");
            return ss58;
        }
        using var pub = ColdkeyPub(settings);
        return pub.Ss58Address;
    }

    public static WalletKeypair Coldkey(ChainWalletSettings settings, WalletPrompts prompts) =>
        WalletKeypair.FromKeyfileContent(prompts.Unlock(settings.OpenWallet().Coldkey));

    /// <summary>The hotkey's public part: --hotkey may be an SS58 address (as btcli allows) or a hotkey name of the wallet.</summary>
    public static WalletKeypair HotkeyPub(ChainWalletSettings settings) =>
        settings.Hotkey is { } h && Ss58Address.IsValid(h) ? WalletKeypair.FromSs58(h) : settings.OpenWallet().LoadHotkeyPub();

    /// <summary>The hotkey with its secret, for calls the hotkey signs (weights, serve_axon).</summary>
    public static WalletKeypair Hotkey(ChainWalletSettings settings, WalletPrompts prompts)
    {
        if (settings.Hotkey is { } h && Ss58Address.IsValid(h))
            throw new UsageException("this call is signed by the hotkey: give its wallet hotkey name with --hotkey, not an address");
        return WalletKeypair.FromKeyfileContent(prompts.Unlock(settings.OpenWallet().Hotkey));
    }

    public static AccountId Account(WalletKeypair key) => AccountId.FromBytes(key.PublicKey);

    public static AccountId ParseAccount(string? ss58, string option)
    {
        if (ss58 is null) throw new UsageException($"{option} is required (an SS58 address)");
        if (!Ss58Address.TryDecode(ss58, out var decoded, out var why)) throw new UsageException($"{option}: {why}");
        return AccountId.FromBytes(decoded.PublicKey);
    }

    public static NetUid RequireNetuid(int? netuid, string option = "--netuid")
    {
        if (netuid is null) throw new UsageException($"{option} is required");
        if (netuid is < 0 or > ushort.MaxValue) throw new UsageException($"{option} must be 0..65535");
        return new NetUid((ushort)netuid.Value);
    }

    /// <summary>"1,2,3" → netuids; null/empty → null.</summary>
    public static NetUid[]? ParseNetuids(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null : ParseList(text, option, t => ushort.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).Select(v => new NetUid(v)).ToArray();

    public static T[] ParseList<T>(string text, string option, Func<string, T> parse)
    {
        try
        {
            return text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new UsageException($"{option} must be a comma-separated list ({e.Message})");
        }
    }

    /// <summary>An alpha amount as typed ("2.5") to its raw 9-decimal units.</summary>
    public static AlphaBalance ParseAlpha(string? text, string option) => new(ChainCall.ParseTao(text, option).Rao);

    /// <summary>The JSON envelope's error for an unknown subnet (the node answers null).</summary>
    public static CommandFailedException NoSubnet(NetUid netuid) =>
        new($"subnet {netuid} does not exist (see `tao subnets list`)");

    private static string? SudoError(TransactionResult result)
    {
        var sudid = result.Events.FirstOrDefault(e => e.Pallet == "Sudo" && e.Name == "Sudid");
        if (sudid is null || !sudid.Fields.TryGetValue("sudo_result", out var r) || r == "Ok") return null;
        return r.StartsWith("Err(", StringComparison.Ordinal) && r.EndsWith(')') ? r[4..^1] : r;
    }
}

/// <summary>The domain queries one command makes over one connection (raw JSON in the shapes of docs/rpc-domain.md).</summary>
public sealed class ChainReader(TaoClient client, CancellationToken ct)
{
    public TaoClient Client => client;
    public CancellationToken Token => ct;

    public Task<JsonNode?> CallAsync(string method, params JsonNode?[] args) => client.CallAsync(method, new JsonArray(args), ct);

    public async Task<JsonArray> ArrayAsync(string method, params JsonNode?[] args) =>
        await CallAsync(method, args).ConfigureAwait(false) as JsonArray ?? [];

    public async Task<ulong> BlockAsync() => await new Sdk.Queries.ChainQueries(client).BestBlockNumberAsync(ct).ConfigureAwait(false);
}

/// <summary>What to do about a chain error, by its name (the CLI's one-line hints).</summary>
public static class ChainErrorAdvice
{
    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["InsufficientBalance"] = "Check `tao wallet balance`; fees and the existential deposit count too.",
        ["NotEnoughBalanceToStake"] = "The coldkey's free balance is below the amount plus fees; check `tao wallet balance`.",
        ["NotEnoughBalanceToPayBurn"] = "The registration burn is more than the free balance; see `tao subnets burn-cost`/`subnets show`.",
        ["NetworkTxRateLimitExceeded"] = "Subnet creation is rate limited (network_rate_limit blocks since the last one); try again later.",
        ["SubnetLimitReached"] = "The chain holds its maximum number of subnets (subnet_limit).",
        ["CannotAffordLockCost"] = "Creating a subnet locks `tao subnets burn-cost`; fund the coldkey first.",
        ["NotEnoughStakeToWithdraw"] = "You have less stake than that on this hotkey and subnet; see `tao stake list`.",
        ["SlippageTooHigh"] = "The price moved beyond your tolerance: raise --tolerance, allow a partial fill with --allow-partial-stake, or use --unsafe.",
        ["PriceLimitExceeded"] = "The price moved beyond your tolerance: raise --tolerance, allow a partial fill with --allow-partial-stake, or use --unsafe.",
        ["ZeroMaxStakeAmount"] = "At the limit price nothing can be filled: raise --tolerance or use --unsafe.",
        ["AmountTooLow"] = "The amount is below the minimum stake (after fees); use a larger --amount.",
        ["SubtokenDisabled"] = "The subnet has not been started yet: its owner runs `tao subnets start --netuid N`.",
        ["HotKeyNotRegisteredInSubNet"] = "Register the hotkey first: `tao subnets register --netuid N`.",
        ["HotKeyAccountNotExists"] = "The hotkey is not registered anywhere: `tao subnets register --netuid N`.",
        ["HotKeyAlreadyRegisteredInSubNet"] = "This hotkey already has a UID on the subnet; nothing to do.",
        ["NonAssociatedColdKey"] = "The hotkey belongs to another coldkey; use your own hotkey (--hotkey).",
        ["SubnetNotExists"] = "No such subnet; see `tao subnets list`.",
        ["SubNetworkDoesNotExist"] = "No such subnet; see `tao subnets list`.",
        ["TooManyRegistrationsThisBlock"] = "The subnet's per-block registration limit is reached; try again next block.",
        ["TooManyRegistrationsThisInterval"] = "The subnet's registrations for this interval are used up; try again after the adjustment interval.",
        ["SubNetRegistrationDisabled"] = "Registration is switched off on this subnet (registration_allowed = false).",
        ["RegistrationPriceLimitExceeded"] = "The burn rose above your limit: raise --tolerance or use --unsafe.",
        ["NeedWaitingMoreBlocksToStarCall"] = "The start-call delay has not passed yet since the subnet was registered; try again later.",
        ["FirstEmissionBlockNumberAlreadySet"] = "The subnet is already started.",
        ["NotSubnetOwner"] = "Only the subnet owner's coldkey can do this.",
        ["BadOrigin"] = "This setting needs the subnet owner's coldkey (or sudo for root-only settings).",
        ["RequireSudo"] = "Root-only settings need the chain's sudo key (on a dev chain: //Alice).",
        ["ValueNotInBounds"] = "The value is outside the range allowed for this setting (owner ranges are narrower than sudo's).",
        ["IncorrectWeightVersionKey"] = "Your --version-key is below the subnet's weights_version (`tao subnets hyperparameters`).",
        ["NeuronNoValidatorPermit"] = "Only validators with a permit may set weights on other UIDs; stake more or wait for the next epoch.",
        ["CommitRevealEnabled"] = "This subnet uses commit-reveal: use `tao weights commit` and later `tao weights reveal`.",
        ["CommitRevealDisabled"] = "Commit-reveal is off on this subnet: use `tao weights set`.",
        ["RevealTooEarly"] = "Reveal in the reveal epoch (commit epoch + commit_reveal_period); see `tao weights reveal --help`.",
        ["InvalidRevealCommitHashNotMatch"] = "uids, weights, salt and version key must be exactly those of the commit.",
        ["NoWeightsCommitFound"] = "There is no pending commit for this hotkey on the subnet.",
        ["InvalidIpAddress"] = "Serve a public address: 127.0.0.1, ::1 and broadcast addresses are refused.",
        ["InvalidIpType"] = "--ip-type must be 4 or 6.",
        ["InvalidPort"] = "--port must not be 0.",
        ["ServingRateLimitExceeded"] = "The subnet's serving_rate_limit has not passed since the last serve; try again later.",
        ["DelegateTxRateLimitExceeded"] = "Take increases are rate limited; try again later.",
        ["TxRateLimitExceeded"] = "Rate limited; try again in a few blocks.",
        ["StakingRateLimitExceeded"] = "Staking operations on this hotkey/subnet are rate limited; try again next block.",
    };

    public static string For(string error)
    {
        var name = error.Contains('.', StringComparison.Ordinal) ? error[(error.LastIndexOf('.') + 1)..] : error;
        return Hints.TryGetValue(name.Trim(), out var hint) ? hint : "See docs/cli.md for the chain's error names.";
    }
}
