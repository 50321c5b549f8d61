using TaoSharp.Subnets.Forecast.Scoring;

namespace TaoSharp.Subnets.Forecast.Tests;

public class ScoringTests
{
    private static readonly double[] History = [1, 3, 2, 4]; // mean |step| = (2 + 1 + 2) / 3 = 5/3

    [Fact]
    public void Mase_is_mae_over_the_mean_absolute_step_of_the_history()
    {
        // MAE = (1 + 0) / 2 = 0.5 → MASE = 0.5 / (5/3) = 0.3
        Assert.Equal(0.3, ForecastMetric.Mase(History, [5, 6], [4, 6])!.Value, 12);
        Assert.Equal(0.0, ForecastMetric.Mase(History, [5, 6], [5, 6]));
        Assert.Equal(1.0 / 1.3, ForecastMetric.Score(History, [5, 6], [4, 6]), 12);
        Assert.Equal(1.0, ForecastMetric.Score(History, [5, 6], [5, 6]));
    }

    [Fact]
    public void Mase_ignores_the_tasks_scale_and_offset()
    {
        double[] h2 = [.. History.Select(v => 3 * v - 10)];
        Assert.Equal(
            ForecastMetric.Mase(History, [5, 6], [4, 7])!.Value,
            ForecastMetric.Mase(h2, new[] { 5.0, 6.0 }.Select(v => 3 * v - 10).ToArray(), new[] { 4.0, 7.0 }.Select(v => 3 * v - 10).ToArray())!.Value,
            12);
    }

    [Fact]
    public void Malformed_answers_score_zero()
    {
        Assert.Equal(0.0, ForecastMetric.Score(History, [5, 6], null));
        Assert.Equal(0.0, ForecastMetric.Score(History, [5, 6], [5]));
        Assert.Equal(0.0, ForecastMetric.Score(History, [5, 6], [5, double.NaN]));
        Assert.Equal(0.0, ForecastMetric.Score(History, [5, 6], [double.PositiveInfinity, 6]));
    }

    [Fact]
    public void Flat_history_does_not_divide_by_zero()
    {
        var score = ForecastMetric.Score([2, 2, 2], [2], [2]);
        Assert.Equal(1.0, score);
        Assert.True(ForecastMetric.Score([2, 2, 2], [2], [3]) < 1e-6);
    }

    [Fact]
    public void Ema_update_blends_new_scores_from_zero()
    {
        var board = new ScoreBoard(alpha: 0.25);
        board.Update(1, 1.0);
        Assert.Equal(0.25, board.Get(1));
        board.Update(1, 0.5);
        Assert.Equal(0.25 * 0.5 + 0.75 * 0.25, board.Get(1));
        Assert.Equal(0.0, board.Get(2));
        board.Reset(1);
        Assert.Equal(0.0, board.Get(1));
    }

    [Fact]
    public void Weights_are_max_upscaled_to_u16()
    {
        var board = new ScoreBoard(alpha: 1.0);
        board.Update(4, 0.5);
        board.Update(2, 1.0);
        board.Update(3, 0.0);
        Assert.Equal([((ushort)2, ushort.MaxValue), ((ushort)4, (ushort)32768)], board.ToWeights());
        Assert.Empty(new ScoreBoard(0.1).ToWeights());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Out_of_range_scores_are_rejected(double score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBoard(0.1).Update(0, score));
    }
}
