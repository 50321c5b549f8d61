using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>Facts a localnet run collects besides the final metagraph (timings, prices around staking, invariants).</summary>
public sealed record LocalnetRunFacts(
    ushort NetUid, double FirstBlockSeconds, double? FirstEpochResultsSeconds, decimal PriceBeforeStake, decimal PriceAfterStake,
    long BlocksChecked, long InvariantViolations, IReadOnlyList<string> FirstViolations, IReadOnlyDictionary<string, long> WeightSets);

/// <summary>The one JSON document `tao localnet --blocks N` prints.</summary>
public static class LocalnetSummary
{
    public static string ToJson(LocalnetSnapshot s, LocalnetRunFacts f)
    {
        var neurons = new JsonArray();
        foreach (var n in s.Neurons)
        {
            neurons.Add(new JsonObject
            {
                ["uid"] = n.Uid,
                ["hotkey"] = n.Hotkey,
                ["role"] = n.Role,
                ["model"] = n.Model,
                ["score"] = n.Score,
                ["answered"] = n.Answered,
                ["incentive"] = n.Incentive,
                ["dividends"] = n.Dividends,
                ["emission"] = n.Emission,
                ["stake"] = n.Stake,
                ["validator_permit"] = n.ValidatorPermit,
                ["weight_sets"] = f.WeightSets.TryGetValue(n.Hotkey, out var w) ? w : null,
            });
        }
        var doc = new JsonObject
        {
            ["netuid"] = f.NetUid,
            ["block"] = s.Block,
            ["tempo"] = s.Pool.Tempo,
            ["last_epoch_block"] = s.Pool.LastStep,
            ["subnet"] = new JsonObject
            {
                ["price"] = s.Pool.Price,
                ["tao_in"] = s.Pool.TaoIn,
                ["alpha_in"] = s.Pool.AlphaIn,
                ["alpha_out"] = s.Pool.AlphaOut,
                ["price_before_stake"] = f.PriceBeforeStake,
                ["price_after_stake"] = f.PriceAfterStake,
            },
            ["invariants"] = new JsonObject
            {
                ["blocks_checked"] = f.BlocksChecked,
                ["violations"] = f.InvariantViolations,
                ["first_violations"] = new JsonArray([.. f.FirstViolations.Select(v => (JsonNode?)JsonValue.Create(v))]),
            },
            ["timings"] = new JsonObject
            {
                ["first_block_seconds"] = System.Math.Round(f.FirstBlockSeconds, 3),
                ["first_epoch_results_seconds"] = f.FirstEpochResultsSeconds is { } e ? System.Math.Round(e, 3) : null,
            },
            ["neurons"] = neurons,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
