using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
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

namespace TaoSharp.Cli.Commands.Weights;

/// <summary>`tao weights ...` (aliases wt, weight): set, commit and reveal weights, signed by the hotkey.</summary>
public static class WeightsBranch
{
    public static void Configure(IConfigurator<CommandSettings> w)
    {
        w.SetDescription("Set, commit and reveal a validator's weights (signed by the hotkey).");
        w.AddCommand<WeightsSetCommand>("set").WithDescription("set_weights: weights are max-upscaled to u16 as the Python SDK does.");
        w.AddCommand<WeightsCommitCommand>("commit").WithDescription("commit_weights: commit a hash now, reveal later with the printed salt.");
        w.AddCommand<WeightsRevealCommand>("reveal").WithDescription("reveal_weights: the uids, weights, salt and version key of the commit.");
    }
}

public class WeightsSettings : SubnetSettings
{
    [CommandOption("--uids")]
    [Description("Target UIDs, comma-separated.")]
    public string? Uids { get; init; }

    [CommandOption("--weights")]
    [Description("Weights (any non-negative numbers), one per uid; scaled so the largest is 65535.")]
    public string? Weights { get; init; }

    [CommandOption("--version-key")]
    [Description("Weights version key (default: the subnet's weights_version).")]
    public ulong? VersionKey { get; init; }

    [CommandOption("--salt")]
    [Description("Commit/reveal salt: u16 values, comma-separated (commit: random 8 values when omitted).")]
    public string? Salt { get; init; }

    public ChainWeights ChainWeights()
    {
        var uids = ChainOps.ParseList(Uids ?? throw new UsageException("--uids is required"), "--uids", s => ushort.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture));
        var weights = ChainOps.ParseList(Weights ?? throw new UsageException("--weights is required"), "--weights",
            s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
        try
        {
            return WeightNormalization.ToChain(uids, weights);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}

/// <summary>Reads the version key and turns SettingWeightsTooFast into "wait until block N".</summary>
internal static class WeightsPreflight
{
    public static ulong VersionKey(WeightsSettings settings, NetUid netuid) =>
        settings.VersionKey ?? Read(settings, "Retrieving hyperparameters...", async r =>
            U64(await r.CallAsync("subnetInfo_getSubnetHyperparams", (int)netuid.Value).ConfigureAwait(false) ?? throw NoSubnet(netuid), "weights_version"));

    /// <summary>
    /// Advice for a refused weights call: for the rate limit, the block from which the hotkey may set weights again
    /// (last_update + weights_rate_limit) read from the metagraph and the hyperparameters.
    /// </summary>
    public static Func<string, string?> Advice(WeightsSettings settings, NetUid netuid, string hotkeySs58) => error =>
    {
        if (!error.Contains("SettingWeightsTooFast", StringComparison.Ordinal) && !error.Contains("CommittingWeightsTooFast", StringComparison.Ordinal))
            return null;
        try
        {
            var (limit, last, block) = Read(settings, "Reading the rate limit...", async r =>
            {
                var h = await r.CallAsync("subnetInfo_getSubnetHyperparams", (int)netuid.Value).ConfigureAwait(false);
                var m = await r.CallAsync("subnetInfo_getSelectiveMetagraph", (int)netuid.Value, new JsonArray("hotkeys", "last_update")).ConfigureAwait(false);
                var uid = Array(m, "hotkeys").Select(x => x!.GetValue<string>()).ToList().IndexOf(hotkeySs58);
                var lastUpdate = uid < 0 ? 0 : Array(m, "last_update")[uid]!.GetValue<ulong>();
                return (U64(h, "weights_rate_limit"), lastUpdate, await r.BlockAsync().ConfigureAwait(false));
            });
            var allowed = last + limit;
            return $"The subnet's weights_rate_limit is {limit} blocks and this hotkey's last update was at block {last}: " +
                $"try again at block {allowed} or later (the head is at block {block}, {(allowed > block ? allowed - block : 0)} blocks to wait).";
        }
        catch (Exception e) when (e is CommandFailedException or Sdk.Client.ChainConnectionException or Sdk.Client.RpcCallException)
        {
            return "The subnet's weights_rate_limit blocks have not passed since this hotkey's last update; see `tao subnets hyperparameters`.";
        }
    };

    public static void WriteWeights(System.Text.Json.Utf8JsonWriter w, NetUid netuid, ChainWeights cw, ulong version)
    {
        w.WriteNumber("netuid", netuid.Value);
        w.WriteStartArray("uids");
        foreach (var u in cw.Uids) w.WriteNumberValue(u);
        w.WriteEndArray();
        w.WriteStartArray("weights");
        foreach (var v in cw.Values) w.WriteNumberValue(v);
        w.WriteEndArray();
        w.WriteNumber("version_key", version);
    }
}

/// <summary><c>tao weights set</c>: set_weights; JSON data adds netuid, uids, weights (u16 as sent), version_key.</summary>
public sealed class WeightsSetCommand : ChainCommand<WeightsSettings>
{
    protected override int Run(WeightsSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var cw = settings.ChainWeights();
        using var hotkey = Hotkey(settings, prompts);
        var version = WeightsPreflight.VersionKey(settings, netuid);
        Confirm(settings, $"Set {cw.Uids.Length} weights on subnet {netuid} from {hotkey.Ss58Address}?");
        var result = Submit(settings, hotkey, Calls.SetWeights(netuid, cw.Uids, cw.Values, version), "set_weights",
            WeightsPreflight.Advice(settings, netuid, hotkey.Ss58Address));
        WriteTransaction(settings, result, $"Weights set on subnet {netuid}", w => WeightsPreflight.WriteWeights(w, netuid, cw, version));
        return 0;
    }
}

/// <summary>
/// <c>tao weights commit</c>: commit_weights(blake2b-256 of the reveal); JSON data adds commit_hash and salt, which
/// `weights reveal` needs with the same uids, weights and version key.
/// </summary>
public sealed class WeightsCommitCommand : ChainCommand<WeightsSettings>
{
    protected override int Run(WeightsSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var cw = settings.ChainWeights();
        var salt = settings.Salt is { } s
            ? ParseList(s, "--salt", x => ushort.Parse(x, NumberStyles.None, CultureInfo.InvariantCulture))
            : Enumerable.Range(0, 8).Select(_ => (ushort)RandomNumberGenerator.GetInt32(0, 65536)).ToArray();
        using var hotkey = Hotkey(settings, prompts);
        var version = WeightsPreflight.VersionKey(settings, netuid);
        var hash = Calls.WeightCommitHash(Account(hotkey), netuid.Value, cw.Uids, cw.Values, salt, version);
        Confirm(settings, $"Commit {cw.Uids.Length} weights on subnet {netuid} from {hotkey.Ss58Address}?");
        var result = Submit(settings, hotkey, Calls.CommitWeights(netuid, hash), "commit_weights", WeightsPreflight.Advice(settings, netuid, hotkey.Ss58Address));
        var saltText = string.Join(',', salt);
        WriteTransaction(settings, result, $"Weights committed on subnet {netuid} (hash {hash.ToHex()}); reveal with --salt {saltText}", w =>
        {
            WeightsPreflight.WriteWeights(w, netuid, cw, version);
            w.WriteString("commit_hash", hash.ToHex());
            w.WriteStartArray("salt");
            foreach (var x in salt) w.WriteNumberValue(x);
            w.WriteEndArray();
        });
        return 0;
    }
}

/// <summary><c>tao weights reveal</c>: reveal_weights with the commit's uids, weights, salt and version key.</summary>
public sealed class WeightsRevealCommand : ChainCommand<WeightsSettings>
{
    protected override int Run(WeightsSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        var cw = settings.ChainWeights();
        var salt = ParseList(settings.Salt ?? throw new UsageException("--salt is required (the salt printed by `weights commit`)"), "--salt",
            x => ushort.Parse(x, NumberStyles.None, CultureInfo.InvariantCulture));
        using var hotkey = Hotkey(settings, prompts);
        var version = WeightsPreflight.VersionKey(settings, netuid);
        Confirm(settings, $"Reveal {cw.Uids.Length} weights on subnet {netuid} from {hotkey.Ss58Address}?");
        var result = Submit(settings, hotkey, Calls.RevealWeights(netuid, cw.Uids, cw.Values, salt, version), "reveal_weights");
        WriteTransaction(settings, result, $"Weights revealed on subnet {netuid}", w => WeightsPreflight.WriteWeights(w, netuid, cw, version));
        return 0;
    }
}
