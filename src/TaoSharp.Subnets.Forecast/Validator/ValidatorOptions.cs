namespace TaoSharp.Subnets.Forecast.Validator;

/// <summary>How a forecast validator runs its rounds. Block counts are chain blocks.</summary>
public sealed record ValidatorOptions
{
    /// <summary>Points of history sent to miners.</summary>
    public int HistoryLength { get; init; } = 48;

    /// <summary>Points to predict.</summary>
    public int Horizon { get; init; } = 6;

    /// <summary>Seeds the task generator; give validators different seeds so they ask different questions.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A new task every this many blocks.</summary>
    public ulong RoundIntervalBlocks { get; init; } = 2;

    /// <summary>
    /// Blocks after asking at which the held-out future counts as "revealed" and the answers are scored: the subnet's
    /// model of time is one series step per block, so by default the future is known after <see cref="Horizon"/> blocks.
    /// </summary>
    public ulong? RevealDelayBlocks { get; init; }

    /// <summary>EMA weight of a new round score (the template's moving_average_alpha is 0.1).</summary>
    public double EmaAlpha { get; init; } = 0.1;

    /// <summary>Dendrite timeout per query.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the loop looks at the chain head.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A JSON file that keeps the validator's unrevealed weight commits across restarts (commit-reveal subnets); null keeps
    /// them in memory, so a restart between a commit and its reveal loses that one weight update.
    /// </summary>
    public string? PendingCommitsPath { get; init; }

    public ulong EffectiveRevealDelay => RevealDelayBlocks ?? (ulong)Horizon;
}
