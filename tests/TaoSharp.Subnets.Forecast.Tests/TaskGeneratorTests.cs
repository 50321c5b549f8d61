using TaoSharp.Subnets.Forecast.Series;
using TaoSharp.Subnets.Forecast.Tasks;

namespace TaoSharp.Subnets.Forecast.Tests;

public class TaskGeneratorTests
{
    private static readonly SeriesCatalog Catalog = SeriesCatalog.LoadBundled();

    [Fact]
    public void Task_is_an_affine_image_of_a_window_of_the_named_series()
    {
        var generator = new TaskGenerator(Catalog, historyLength: 48, horizon: 6, seed: 7);
        for (var n = 0; n < 20; n++)
        {
            var pending = generator.Next();
            Assert.Equal(48, pending.Task.History.Count);
            Assert.Equal(6, pending.Future.Count);
            Assert.Equal(6, pending.Task.Horizon);
            var o = pending.Origin;
            Assert.InRange(o.Scale, TaskGenerator.MinScale, TaskGenerator.MaxScale);
            Assert.InRange(System.Math.Abs(o.Offset), 0, TaskGenerator.MaxAbsOffset);
            var raw = Catalog[o.SeriesName].Values;
            for (var i = 0; i < 48; i++)
                Assert.Equal(o.Scale * raw[o.WindowStart + i] + o.Offset, pending.Task.History[i], 9);
            for (var i = 0; i < 6; i++)
                Assert.Equal(o.Scale * raw[o.WindowStart + 48 + i] + o.Offset, pending.Future[i], 9);
        }
    }

    [Fact]
    public void Same_seed_same_tasks_and_ids_increase()
    {
        var a = new TaskGenerator(Catalog, 48, 6, seed: 3);
        var b = new TaskGenerator(Catalog, 48, 6, seed: 3);
        var first = a.Next();
        var second = a.Next();
        Assert.Equal(first.Task.History, b.Next().Task.History);
        Assert.Equal(1UL, first.Task.TaskId);
        Assert.Equal(2UL, second.Task.TaskId);
    }

    [Fact]
    public void Transformed_values_cannot_be_looked_up_in_the_public_file()
    {
        var raw = Catalog.All.SelectMany(s => s.Values).ToHashSet();
        var generator = new TaskGenerator(Catalog, 48, 6, seed: 11);
        var history = generator.Next().Task.History;
        Assert.True(history.Count(raw.Contains) <= 2, "transformed history should not reproduce raw values");
    }

    [Fact]
    public void Windows_longer_than_every_series_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TaskGenerator(Catalog, historyLength: 5000, horizon: 6, seed: 1));
    }
}
