using System.Text.Json.Nodes;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Subnets.Forecast.Neurons;

/// <summary>
/// Reads the subnet from a node's domain RPC (<c>subnetInfo_getMetagraph</c>, docs/rpc-domain.md): one call returns
/// the per-uid vectors, axons and hyperparameters at the head block.
/// </summary>
public sealed class RpcSubnetView(TaoClient client, ushort netuid) : ISubnetView
{
    public ushort NetUid { get; } = netuid;

    public async Task<SubnetSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var m = await client.CallAsync("subnetInfo_getMetagraph", [NetUid, false], cancellationToken).ConfigureAwait(false);
        return m is JsonObject o ? Parse(NetUid, o) : SubnetSnapshot.Empty(NetUid);
    }

    /// <summary>Metagraph JSON → snapshot; a missing or mistyped field is an error naming it.</summary>
    public static SubnetSnapshot Parse(ushort netuid, JsonObject m)
    {
        var hotkeys = Array(m, "hotkeys");
        var stakes = Array(m, "total_stake");
        var permits = Array(m, "validator_permit");
        var lastUpdate = Array(m, "last_update");
        var axons = Array(m, "axons");
        var uids = Array(m, "uids");
        var n = hotkeys.Count;
        if (stakes.Count != n || permits.Count != n || lastUpdate.Count != n || axons.Count != n || uids.Count != n)
            throw new FormatException("metagraph per-uid vectors have different lengths");
        var neurons = new NeuronEntry[n];
        for (var i = 0; i < n; i++)
        {
            var axon = axons[i] as JsonObject ?? throw new FormatException($"metagraph axons[{i}] is not an object");
            neurons[i] = new NeuronEntry(
                (ushort)Number(uids[i], "uids"),
                hotkeys[i]?.GetValue<string>() ?? throw new FormatException($"metagraph hotkeys[{i}] is null"),
                Number(stakes[i], "total_stake"),
                permits[i]?.GetValue<bool>() ?? false,
                axon["ip"]?.GetValue<string>() ?? "0.0.0.0",
                (int)Number(axon["port"], "axons.port"),
                Number(lastUpdate[i], "last_update"));
        }
        var hparams = m["hparams"] as JsonObject ?? throw new FormatException("metagraph lacks 'hparams'");
        return new SubnetSnapshot(netuid, Number(m["block"], "block"), neurons,
            Number(hparams["tempo"], "hparams.tempo"), Number(hparams["weights_rate_limit"], "hparams.weights_rate_limit"),
            Number(hparams["weights_version"], "hparams.weights_version"));
    }

    private static JsonArray Array(JsonObject m, string field) =>
        m[field] as JsonArray ?? throw new FormatException($"metagraph lacks the array '{field}'");

    private static ulong Number(JsonNode? node, string field) =>
        node is JsonValue v && v.TryGetValue<ulong>(out var x) ? x : throw new FormatException($"metagraph field '{field}' is not an unsigned integer");
}
