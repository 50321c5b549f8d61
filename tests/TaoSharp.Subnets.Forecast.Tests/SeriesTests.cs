using TaoSharp.Subnets.Forecast.Series;

namespace TaoSharp.Subnets.Forecast.Tests;

public class SeriesTests
{
    [Fact]
    public void Bundled_catalog_loads_the_vega_series()
    {
        var catalog = SeriesCatalog.LoadBundled();
        Assert.Equal(["co2", "seattle-temp-max", "seattle-temp-min", "seattle-wind"], catalog.All.Select(s => s.Name));
        Assert.Equal(741, catalog["co2"].Length);
        Assert.Equal(315.70, catalog["co2"].Values[0]);
        Assert.Equal(1461, catalog["seattle-temp-max"].Length);
        Assert.Equal(12.8, catalog["seattle-temp-max"].Values[0]);
        Assert.Equal(5.0, catalog["seattle-temp-min"].Values[0]);
        Assert.Equal(4.7, catalog["seattle-wind"].Values[0]);
    }

    [Fact]
    public void Split_keeps_every_point_once()
    {
        var catalog = SeriesCatalog.LoadBundled();
        var (train, heldOut) = catalog.Split(0.7);
        Assert.Equal(518, train["co2"].Length);
        Assert.Equal(223, heldOut["co2"].Length);
        Assert.Equal(catalog["co2"].Values[518], heldOut["co2"].Values[0]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n1,2\n", "no column")]
    [InlineData("x,b\n", "no data rows")]
    [InlineData("x,b\n1,2\nabc,3\n", "line 3")]
    [InlineData("x,b\n1,2\nNaN,3\n", "not a finite number")]
    [InlineData("b,x\n1,2\n3\n", "expected at least 2 fields")]
    public void Malformed_csv_gives_a_clear_error(string csv, string message)
    {
        var e = Assert.Throws<FormatException>(() => CsvSeriesReader.Read(new StringReader(csv), "x", "s"));
        Assert.Contains(message, e.Message);
    }
}
