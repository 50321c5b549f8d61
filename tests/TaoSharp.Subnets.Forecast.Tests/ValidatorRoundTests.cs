using TaoSharp.Subnets.Forecast.Neurons;
using TaoSharp.Subnets.Forecast.Scoring;
using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Validator;

namespace TaoSharp.Subnets.Forecast.Tests;

public class ValidatorRoundTests
{
    private static readonly SeriesCatalog Catalog = SeriesCatalog.LoadBundled();

    private static NeuronEntry Miner(ushort uid, string hotkey) => new(uid, hotkey, 0, false, "127.0.0.2", 9000 + uid, 0);

    private static SubnetSnapshot At(ulong block, params NeuronEntry[] neurons) => new(1, block, neurons, 10, 3, 0);

    [Fact]
    public void Answers_are_scored_only_once_the_future_is_revealed()
    {
        var rounds = new ForecastRounds(Catalog, new ValidatorOptions { Horizon = 4, HistoryLength = 20, EmaAlpha = 0.5 });
        var validator = new NeuronEntry(0, "validator", 1000, true, "0.0.0.0", 0, 0);
        var snapshot = At(10, validator, Miner(1, "good"), Miner(2, "silent"));
        rounds.Sync(snapshot);
        var round = rounds.TryAsk(snapshot, "validator")!;
        Assert.Equal([1, 2], round.Targets.Select(t => (int)t.Uid));   // every serving neuron but the validator
        Assert.Equal(14UL, round.RevealAt);                             // horizon blocks later

        var perfect = round.Task.Future.ToArray();
        rounds.Record(round, [perfect, null]);
        Assert.Empty(rounds.Reveal(13));
        var result = Assert.Single(rounds.Reveal(14));

        var good = result.Scores.Single(s => s.Uid == 1);
        Assert.Equal(0.0, good.Mase);
        Assert.Equal(1.0, good.Score);
        Assert.Equal(0.5, good.Ema);             // EMA from 0 with alpha 0.5
        var silent = result.Scores.Single(s => s.Uid == 2);
        Assert.Null(silent.Mase);
        Assert.Equal(0.0, silent.Score);
        Assert.Equal((1L, 1L), rounds.Counts[1]);
        Assert.Equal((1L, 0L), rounds.Counts[2]);
        Assert.Equal(0, rounds.OpenRounds);
    }

    [Fact]
    public void A_score_matches_the_metric_and_rounds_follow_the_interval()
    {
        var rounds = new ForecastRounds(Catalog, new ValidatorOptions { Horizon = 3, HistoryLength = 12, RoundIntervalBlocks = 5, RevealDelayBlocks = 1, EmaAlpha = 1 });
        var snapshot = At(1, Miner(1, "m"));
        rounds.Sync(snapshot);
        var round = rounds.TryAsk(snapshot, "v")!;
        Assert.Null(rounds.TryAsk(At(5, Miner(1, "m")), "v"));
        Assert.NotNull(rounds.TryAsk(At(6, Miner(1, "m")), "v"));

        double[] guess = [.. round.Task.Future.Select(v => v + 1)];
        rounds.Record(round, [guess]);
        var scored = rounds.Reveal(2).Single().Scores.Single();
        Assert.Equal(ForecastMetric.Score(round.Task.Task.History, round.Task.Future, guess), scored.Score, 12);
    }

    [Fact]
    public void A_uid_taken_over_by_a_new_hotkey_starts_from_zero_and_old_answers_are_not_credited()
    {
        var rounds = new ForecastRounds(Catalog, new ValidatorOptions { Horizon = 2, HistoryLength = 10, RevealDelayBlocks = 1, EmaAlpha = 1, RoundIntervalBlocks = 1 });
        var before = At(1, Miner(1, "old"));
        rounds.Sync(before);
        var first = rounds.TryAsk(before, "v")!;
        rounds.Record(first, [first.Task.Future.ToArray()]);
        Assert.Equal(1.0, rounds.Reveal(2).Single().Scores.Single().Ema);

        var second = rounds.TryAsk(At(2, Miner(1, "old")), "v")!;
        rounds.Record(second, [second.Task.Future.ToArray()]);
        rounds.Sync(At(3, Miner(1, "new")));
        Assert.Equal(0.0, rounds.Scores.Get(1));
        Assert.Empty(rounds.Reveal(3).Single().Scores);
    }

    [Fact]
    public void Nothing_is_asked_when_no_miner_serves()
    {
        var rounds = new ForecastRounds(Catalog, new ValidatorOptions());
        var unserved = new NeuronEntry(1, "m", 0, false, "0.0.0.0", 0, 0);
        Assert.Null(rounds.TryAsk(At(5, unserved), "v"));
        Assert.Throws<ArgumentException>(() => rounds.Record(
            new ForecastRound(new Tasks.TaskGenerator(Catalog, 10, 2, 1).Next(), [Miner(1, "m")], 0, 1), []));
    }

    [Theory]
    [InlineData(10UL, 3UL, 13UL, false)]   // 3 blocks since the last update: not more than the limit
    [InlineData(10UL, 3UL, 14UL, true)]
    [InlineData(0UL, 0UL, 1UL, true)]
    public void Weights_are_due_when_the_rate_limit_allows(ulong lastUpdate, ulong rateLimit, ulong block, bool due)
    {
        var self = new NeuronEntry(0, "v", 1000, true, "0.0.0.0", 0, lastUpdate);
        var snapshot = new SubnetSnapshot(1, block, [self], 10, rateLimit, 0);
        Assert.Equal(due, new WeightsCadence().IsDue(snapshot, self));
    }

    [Fact]
    public void Weights_are_not_resent_while_the_last_submission_may_be_pending()
    {
        var cadence = new WeightsCadence();
        var self = new NeuronEntry(0, "v", 1000, true, "0.0.0.0", 0, 0);
        Assert.True(cadence.IsDue(new SubnetSnapshot(1, 20, [self], 10, 3, 0), self));
        cadence.Sent(20);
        Assert.False(cadence.IsDue(new SubnetSnapshot(1, 22, [self], 10, 3, 0), self));
        Assert.True(cadence.IsDue(new SubnetSnapshot(1, 24, [self], 10, 3, 0), self));
    }
}
