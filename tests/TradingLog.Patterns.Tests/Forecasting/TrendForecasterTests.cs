using TradingLog.Patterns.Forecasting;

namespace TradingLog.Patterns.Tests.Forecasting;

public sealed class TrendForecasterTests
{
    [Fact]
    public void LeastSquaresOnAStraightLineForecastsItExactlyWithANarrowBand()
    {
        double[] x = [-300, -240, -180, -120, -60, 0];
        var y = x.Select(v => 5 + 0.01 * v).ToArray();
        var forecast = TrendForecaster.Fit(x, y, TimeSpan.FromMinutes(10), ForecastMethod.Linear)!.Value;
        Assert.Equal(5, forecast.Now, 9);
        Assert.Equal(11, forecast.AtHorizon, 9);
        Assert.Equal(0.01, forecast.SlopePerSecond, 9);
        Assert.Equal(11, forecast.Lower, 6);
        Assert.Equal(TimeSpan.FromSeconds(300), forecast.Reaches(8)!.Value);
    }

    [Fact]
    public void LeastSquaresOnNoisyPointsGivesABandAroundTheForecast()
    {
        double[] x = [-5, -4, -3, -2, -1, 0];
        double[] y = [1, 3, 2, 4, 3, 5];
        var forecast = TrendForecaster.Fit(x, y, TimeSpan.FromSeconds(5), ForecastMethod.Linear)!.Value;
        Assert.True(forecast.Lower < forecast.AtHorizon && forecast.AtHorizon < forecast.Upper);
        Assert.Equal(forecast.AtHorizon - forecast.Lower, forecast.Upper - forecast.AtHorizon, 9);
    }

    [Fact]
    public void HoltFollowsARecentTurnSoonerThanLeastSquares()
    {
        // Flat for twenty minutes, then rising 1 a minute for five.
        var x = Enumerable.Range(-24, 25).Select(m => m * 60.0).ToArray();
        var y = x.Select(v => v < -300 ? 10 : 10 + (v + 300) / 60).ToArray();
        var holt = TrendForecaster.Fit(x, y, TimeSpan.FromMinutes(10), ForecastMethod.Holt)!.Value;
        var linear = TrendForecaster.Fit(x, y, TimeSpan.FromMinutes(10), ForecastMethod.Linear)!.Value;
        Assert.True(holt.AtHorizon > linear.AtHorizon, $"Holt {holt.AtHorizon} against least squares {linear.AtHorizon}");
        Assert.InRange(holt.AtHorizon, 20, 27);
    }

    [Fact]
    public void AFallingOrFlatTrendNeverReachesAHigherThreshold()
    {
        double[] x = [-2, -1, 0];
        var forecast = TrendForecaster.Fit(x, [3, 2, 1], TimeSpan.FromSeconds(1), ForecastMethod.Linear)!.Value;
        Assert.Null(forecast.Reaches(5));
        Assert.Null(TrendForecaster.Fit([0, 1], [1, 2], TimeSpan.FromSeconds(1), ForecastMethod.Linear));
    }
}
