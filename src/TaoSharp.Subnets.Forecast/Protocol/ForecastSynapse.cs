using System.Text.Json.Serialization;
using TaoSharp.Sdk;

namespace TaoSharp.Subnets.Forecast.Protocol;

/// <summary>
/// The forecast subnet's request/response: the validator fills <see cref="TaskId"/>, <see cref="History"/> and
/// <see cref="Horizon"/>; the miner fills <see cref="Prediction"/>. The request fields are hashed into the body hash so
/// a relay cannot swap the history under a validator's signature.
/// </summary>
[SynapseName("ForecastSynapse")]
public sealed class ForecastSynapse : Synapse
{
    /// <summary>Bounds on untrusted input: a request is rejected before any model runs on it.</summary>
    public const int MaxHistory = 4096;
    public const int MaxHorizon = 256;

    [JsonPropertyName("task_id"), JsonRequired]
    public ulong TaskId { get; set; }

    [JsonPropertyName("history"), JsonRequired]
    public double[] History { get; set; } = [];

    [JsonPropertyName("horizon"), JsonRequired]
    public int Horizon { get; set; }

    /// <summary>The miner's answer; null until answered.</summary>
    [JsonPropertyName("prediction")]
    public double[]? Prediction { get; set; }

    [JsonIgnore]
    public override IReadOnlyList<string> RequiredHashFields => ["task_id", "history", "horizon"];

    /// <summary>Null when the request is well-formed, otherwise why not (the miner answers 400-style with no prediction).</summary>
    public string? ValidateRequest()
    {
        if (History is null || History.Length < 2 || History.Length > MaxHistory)
            return $"history must have 2..{MaxHistory} points";
        if (Horizon < 1 || Horizon > MaxHorizon)
            return $"horizon must be in 1..{MaxHorizon}";
        foreach (var v in History)
        {
            if (!double.IsFinite(v))
                return "history contains a non-finite value";
        }
        return null;
    }
}
