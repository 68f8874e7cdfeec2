using TradingLog.Patterns.Anomalies;

namespace TradingLog.Patterns.Tests.Anomalies;

public sealed class RateAnomalyDetectorTests
{
    private static readonly RateAnomalyDetector Detector = new();

    [Fact]
    public void TheBaselineIsTheMedianAndAnOutlierInItDoesNotMoveIt()
    {
        var baseline = RobustBaseline.Of([10, 11, 9, 10, 12, 10, 500]);
        Assert.Equal(10, baseline.Median);
        Assert.Equal(Math.Sqrt(10), baseline.Spread, 6); // MAD 1 × 1.4826 is below the Poisson floor
        Assert.Equal(RateAnomalyKind.None, Detector.Judge(14, baseline));
        Assert.Equal(RateAnomalyKind.Spike, Detector.Judge(40, baseline));
    }

    [Fact]
    public void ARarePatternsSingleEventIsNoSpike()
    {
        var baseline = RobustBaseline.Of([0, 0, 1, 0, 0, 0, 0, 0]);
        Assert.Equal(RateAnomalyKind.None, Detector.Judge(3, baseline));
        Assert.Equal(RateAnomalyKind.Spike, Detector.Judge(30, baseline));
    }

    [Fact]
    public void ADropNeedsAMedianWorthDroppingFrom()
    {
        Assert.Equal(RateAnomalyKind.Drop, Detector.Judge(0, RobustBaseline.Of([60, 58, 61, 59, 60, 62])));
        Assert.Equal(RateAnomalyKind.None, Detector.Judge(0, RobustBaseline.Of([3, 2, 4, 3, 3, 2])));
    }

    [Fact]
    public void TooFewBaselineSamplesJudgeNothing()
    {
        Assert.Equal(RateAnomalyKind.None, Detector.Judge(1000, RobustBaseline.Of([1, 1, 1])));
    }

    [Fact]
    public void HigherSensitivityFiresOnSmallerDepartures()
    {
        var baseline = RobustBaseline.Of([100, 100, 100, 100, 100, 100]);
        Assert.Equal(RateAnomalyKind.None, new RateAnomalyDetector { Sensitivity = RateAnomalyDetector.Sensitivities["low"] }.Judge(145, baseline));
        Assert.Equal(RateAnomalyKind.Spike, new RateAnomalyDetector { Sensitivity = RateAnomalyDetector.Sensitivities["high"] }.Judge(145, baseline));
    }
}
