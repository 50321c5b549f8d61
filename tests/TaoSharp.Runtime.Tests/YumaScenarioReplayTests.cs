using System.Text.Json.Nodes;
using TaoSharp.Math.Epoch;
using TaoSharp.Runtime.Epoch;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// The multi-epoch upstream scenarios of shared/vectors/yuma that carry a weight plan instead of per-epoch input snapshots
/// (the Yuma3 tests): replayed epoch by epoch as the reference model's run_yuma3 does, feeding each epoch's bonds and permits
/// into the next, and compared with the model's recorded outputs bit for bit and with upstream's dividend targets.
/// </summary>
public class YumaScenarioReplayTests
{
    public static TheoryData<string> PlanFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(SharedFiles.Vectors("yuma"), "epoch_*.json").Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(f))!["inputs"]?["weight_plan"] is JsonObject) data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlanFiles))]
    public void Weight_plan_scenario_replays_exactly(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedFiles.Vectors("yuma", file)))!;
        var inputs = root["inputs"]!;
        var records = root["derived_by_reference_model"]!.AsArray().ToDictionary(r => (int)r!["epoch"]!, r => r!);
        Assert.NotEmpty(records);
        var plan = inputs["weight_plan"]!.AsObject();
        int? resetEpoch = (int?)inputs["bonds_reset"]?["epoch"];
        int? resetUid = (int?)inputs["bonds_reset"]?["uid"];

        var state = inputs["params"]!.DeepClone().AsObject();
        int n = (int)state["n"]!;
        Assert.Equal(n, inputs["alpha_stake"]!.AsArray().Count);
        state["alpha_stake"] = inputs["alpha_stake"]!.DeepClone();
        state["block_at_registration"] = Repeat(n, 1);
        state["last_update"] = Repeat(n, 1);
        state["validator_permit"] = new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)false)]);
        state["weights"] = Rows(n);
        state["bonds"] = Rows(n);

        // The scenario's setup epoch (no weights yet) at block 2, then one epoch per block.
        long block = 2;
        Step(state, block);
        int epochs = records.Keys.Max() + 1;
        var dividendTargets = root["expected"]?["dividends_proportion_per_epoch"]?.AsArray();
        double tolerance = (double?)root["expected"]?["tolerance"] ?? 1e-3;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (plan[epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)] is JsonObject set)
            {
                var uids = set["uids"]!.AsArray().Select(u => (ushort)(int)u!).ToArray();
                var perValidator = set["values_per_validator_uid0_1_2"]!.AsArray();
                for (int uid = 0; uid < perValidator.Count; uid++)
                {
                    // set_weights stores the row max-upscaled, in submission order, and stamps last_update.
                    var values = EpochVector.U16MaxUpscaleToU16([.. perValidator[uid]!.AsArray().Select(v => (ushort)(int)v!)]);
                    state["weights"]![uid] = new JsonArray([.. uids.Zip(values).Select(p => (JsonNode?)new JsonArray((int)p.First, (int)p.Second))]);
                    state["last_update"]![uid] = block;
                }
            }

            if (epoch == resetEpoch)
            {
                foreach (var row in state["bonds"]!.AsArray())
                {
                    var kept = row!.AsArray().Where(p => (int)p![0]! != resetUid).Select(p => p!.DeepClone()).ToArray();
                    row.AsArray().Clear();
                    foreach (var p in kept) row.AsArray().Add(p);
                }
            }

            block++;
            var output = Step(state, block);
            string label = $"{file} epoch {epoch} (block {block})";
            if (records.TryGetValue(epoch, out var record))
            {
                Assert.True((long)record["block"]! == block, $"{label}: the record is for block {record["block"]}");
                AssertRecord(record, output, label);
            }

            if (dividendTargets is not null && epoch < dividendTargets.Count && dividendTargets[epoch] is JsonArray target)
            {
                var dividends = output["dividends"]!.AsArray();
                for (int uid = 0; uid < target.Count; uid++)
                {
                    double ours = (int)dividends[uid]! / 65535.0;
                    Assert.True(System.Math.Abs(ours - (double)target[uid]!) <= tolerance, $"{label}: uid {uid} dividend {ours} vs upstream target {target[uid]}");
                }
            }
        }
    }

    /// <summary>
    /// epoch_test_512_graph.json (generative, no per-epoch records): validators blockwise (interleave 0) and every 8th uid
    /// (interleave 1), with and without server self-weights; every validator and every server must show the stated values.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Generative_512_graph_gives_the_upstream_values(int interleave)
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedFiles.Vectors("yuma", "epoch_test_512_graph.json")))!;
        var inputs = root["inputs"]!;
        var expected = root["expected"]!;
        int n = (int)inputs["params"]!["n"]!;
        int validatorCount = (int)inputs["params"]!["max_allowed_validators"]!;
        long block = (long)inputs["epoch_block"]!;
        int stride = interleave == 0 ? 1 : n / validatorCount;
        var validators = Enumerable.Range(0, validatorCount).Select(i => i * stride).ToHashSet();
        var servers = Enumerable.Range(0, n).Where(u => !validators.Contains(u)).ToArray();
        foreach (var selfWeight in inputs["server_self_weight"]!.AsArray().Select(x => (bool)x!))
        {
            var state = inputs["params"]!.DeepClone().AsObject();
            state["alpha_stake"] = new JsonArray([.. Enumerable.Range(0, n).Select(u => (JsonNode?)(validators.Contains(u) ? (long)inputs["stake_per_validator"]! : 0L))]);
            state["block_at_registration"] = Repeat(n, (long)inputs["registration_block"]!);
            state["last_update"] = Repeat(n, (long)inputs["registration_block"]!);
            state["validator_permit"] = new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)false)]);
            state["weights"] = Rows(n);
            state["bonds"] = Rows(n);
            Step(state, block); // sets the permits

            // u16::MAX / n on every server, max-upscaled on storage; servers optionally weight themselves fully.
            var serverWeights = EpochVector.U16MaxUpscaleToU16([.. servers.Select(_ => (ushort)(ushort.MaxValue / n))]);
            foreach (int v in validators)
            {
                state["weights"]![v] = new JsonArray([.. servers.Zip(serverWeights).Select(p => (JsonNode?)new JsonArray(p.First, (int)p.Second))]);
                state["last_update"]![v] = block;
            }

            if (selfWeight)
            {
                foreach (int s in servers)
                {
                    state["weights"]![s] = new JsonArray(new JsonArray(s, (int)ushort.MaxValue));
                    state["last_update"]![s] = block;
                }
            }

            JsonObject output = state;
            for (int e = 0; e < (int)inputs["epochs_after_weights"]!; e++) output = Step(state, block);

            string label = $"512 graph interleave {interleave}, server self-weight {selfWeight}";
            var bonds = output["bonds"]!.AsArray();
            var wantValidator = expected["validator"]!;
            var wantServer = expected["server"]!;
            for (int u = 0; u < n; u++)
            {
                bool isValidator = validators.Contains(u);
                var want = isValidator ? wantValidator : wantServer;
                string who = $"{label}: {(isValidator ? "validator" : "server")} uid {u}";
                Assert.True((int)output["dividends"]![u]! == (int)(want["dividends_u16"] ?? want["dividends"])!, $"{who}: dividends {output["dividends"]![u]}");
                Assert.True((long)output["emission"]![u]! == (long)want["emission"]!, $"{who}: emission {output["emission"]![u]}");
                Assert.True((int)output["consensus"]![u]! == (int)want["consensus"]!, $"{who}: consensus {output["consensus"]![u]}");
                Assert.True((int)output["incentive"]![u]! == (int)want["incentive"]!, $"{who}: incentive {output["incentive"]![u]}");
                var row = bonds[u]!.AsArray().ToDictionary(p => (int)p![0]!, p => (int)p![1]!);
                if (isValidator)
                {
                    Assert.All(servers, s => Assert.True(row.GetValueOrDefault(s) == (int)wantValidator["bond_on_any_server"]!, $"{who}: bond on server {s}"));
                    Assert.All(validators, v => Assert.True(row.GetValueOrDefault(v) == (int)wantValidator["bond_on_validator"]!, $"{who}: bond on validator {v}"));
                }
                else
                {
                    Assert.True(row.Values.All(b => b == 0), $"{who}: server bonds should be all 0");
                }
            }
        }
    }

    /// <summary>Runs one epoch on the state and carries its bonds and new permits forward, as the chain stores them.</summary>
    private static JsonObject Step(JsonObject state, long block)
    {
        state["current_block"] = block;
        var output = JsonNode.Parse(EpochCaseFormat.WriteOutput(YumaEpoch.Run(EpochCaseFormat.ParseCase(state.ToJsonString()))))!.AsObject();
        state["bonds"] = output["bonds"]!.DeepClone();
        state["validator_permit"] = output["validator_permit"]!.DeepClone();
        return output;
    }

    private static void AssertRecord(JsonNode record, JsonObject output, string label)
    {
        var pairs = new (string Record, string Output)[]
        {
            ("dividends_u16", "dividends"), ("incentive_u16", "incentive"), ("consensus_u16", "consensus"),
            ("validator_trust_u16", "validator_trust"), ("emission", "emission"), ("server_emission", "server_emission"),
            ("validator_emission", "validator_emission"), ("validator_permit", "validator_permit"), ("bonds_rows_u16_storage_order", "bonds"),
        };
        foreach (var (recordKey, outputKey) in pairs)
        {
            if (record[recordKey] is not JsonNode want) continue;
            Assert.True(JsonNode.DeepEquals(want, output[outputKey]),
                $"{label}: '{outputKey}' differs\n expected {want.ToJsonString()}\n actual   {output[outputKey]!.ToJsonString()}");
        }
    }

    private static JsonArray Repeat(int n, long value) => new([.. Enumerable.Repeat<JsonNode?>(null, n).Select(_ => (JsonNode?)value)]);

    private static JsonArray Rows(int n) => new([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)new JsonArray())]);
}
