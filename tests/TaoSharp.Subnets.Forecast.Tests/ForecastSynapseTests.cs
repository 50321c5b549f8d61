using System.Text;
using TaoSharp.Sdk;
using TaoSharp.Subnets.Forecast.Protocol;

namespace TaoSharp.Subnets.Forecast.Tests;

public class ForecastSynapseTests
{
    [Fact]
    public void Round_trips_through_the_sdk_json_with_snake_case_fields()
    {
        var request = new ForecastSynapse { TaskId = 9, History = [1.5, 2.0], Horizon = 3, Prediction = [2.5, 3.0, 3.5] };
        var json = SynapseJson.Serialize(request);
        var text = Encoding.UTF8.GetString(json);
        Assert.Contains("\"name\":\"ForecastSynapse\"", text);
        Assert.Contains("\"history\":[1.5,2", text);
        var back = SynapseJson.Deserialize<ForecastSynapse>(json);
        Assert.Equal(9UL, back.TaskId);
        Assert.Equal([1.5, 2.0], back.History);
        Assert.Equal(3, back.Horizon);
        Assert.Equal([2.5, 3.0, 3.5], back.Prediction!);
        Assert.Equal(["task_id", "history", "horizon"], back.RequiredHashFields);
    }

    [Theory]
    [InlineData(1, 3, "history")]
    [InlineData(10, 0, "horizon")]
    [InlineData(10, ForecastSynapse.MaxHorizon + 1, "horizon")]
    [InlineData(ForecastSynapse.MaxHistory + 1, 3, "history")]
    public void Malformed_requests_are_named(int historyLength, int horizon, string what)
    {
        var s = new ForecastSynapse { History = new double[historyLength], Horizon = horizon };
        Assert.Contains(what, s.ValidateRequest());
        Assert.Null(new ForecastSynapse { History = [1, 2], Horizon = 1 }.ValidateRequest());
        Assert.Contains("non-finite", new ForecastSynapse { History = [1, double.NaN], Horizon = 1 }.ValidateRequest());
    }
}
