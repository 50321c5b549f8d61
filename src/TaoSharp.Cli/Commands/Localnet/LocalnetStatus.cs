using System.Text.Json.Nodes;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>One row of the localnet table / summary (u16 values already divided by 65535, RAO by 10^9).</summary>
public sealed record NeuronStatus(
    ushort Uid, string Hotkey, string Role, string? Model, double? Score, long? Answered, decimal Stake,
    double Incentive, double Dividends, decimal Emission, bool ValidatorPermit, ulong LastUpdate);

/// <summary>The subnet's pool and emission state.</summary>
public sealed record PoolStatus(decimal Price, decimal TaoIn, decimal AlphaIn, decimal AlphaOut, ulong LastStep, ulong Tempo);

/// <summary>Everything the table shows at one block.</summary>
public sealed record LocalnetSnapshot(ulong Block, PoolStatus Pool, IReadOnlyList<NeuronStatus> Neurons);

/// <summary>Reads the metagraph and pool through the node's domain RPC and labels each uid with its localnet role.</summary>
public sealed class LocalnetStatusReader(TaoClient client, ushort netuid, LocalnetPlan plan, LocalnetNeurons? neurons)
{
    public async Task<LocalnetSnapshot> ReadAsync(CancellationToken ct)
    {
        var m = await client.CallAsync("subnetInfo_getMetagraph", [netuid, false], ct).ConfigureAwait(false) as JsonObject
            ?? throw new InvalidOperationException($"the node has no metagraph for netuid {netuid}");
        var pool = m["pool"] as JsonObject ?? throw new FormatException("metagraph lacks 'pool'");
        var hotkeys = (m["hotkeys"] as JsonArray)!;
        var rows = new List<NeuronStatus>(hotkeys.Count);
        for (var i = 0; i < hotkeys.Count; i++)
        {
            var hotkey = hotkeys[i]!.GetValue<string>();
            var uid = (ushort)U64(m, "uids", i);
            var who = plan.ByHotkey(hotkey);
            var miner = neurons?.Miners.FirstOrDefault(x => x.Plan.Hotkey.Ss58 == hotkey).Miner;
            rows.Add(new NeuronStatus(
                uid, hotkey, who?.RoleName ?? "external", who?.Model,
                who?.Role == NeuronRole.Miner || who is null ? neurons?.ScoreOf(uid) : null,
                miner?.Answered,
                Tao(U64(m, "total_stake", i)),
                U64(m, "incentive", i) / 65535.0,
                U64(m, "dividends", i) / 65535.0,
                Tao(U64(m, "emission", i)),
                (m["validator_permit"] as JsonArray)?[i]?.GetValue<bool>() ?? false,
                U64(m, "last_update", i)));
        }
        var price = decimal.Parse(pool["price"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return new LocalnetSnapshot(
            Num(m["block"]),
            new PoolStatus(price, Tao(Num(pool["tao_in"])), Tao(Num(pool["alpha_in"])), Tao(Num(pool["alpha_out"])), Num(m["last_step"]), Num(m["tempo"])),
            rows);
    }

    public static decimal Tao(ulong rao) => rao / 1_000_000_000m;

    private static ulong U64(JsonObject m, string field, int i) =>
        (m[field] as JsonArray)?[i] is JsonValue v && v.TryGetValue<ulong>(out var x) ? x : 0;

    private static ulong Num(JsonNode? n) => n is JsonValue v && v.TryGetValue<ulong>(out var x) ? x : 0;
}
