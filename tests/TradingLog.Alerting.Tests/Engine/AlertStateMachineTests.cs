using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Engine;

namespace TradingLog.Alerting.Tests.Engine;

public sealed class AlertStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly AlertingSettings Settings = new() { FlapWindow = TimeSpan.FromMinutes(10), FlapTransitions = 4 };

    private static AlertInstance NewAlert() => new() { Rule = "r", Fingerprint = "f", Labels = new Dictionary<string, string>() };

    private static AlertRule Rule(TimeSpan @for = default, TimeSpan keep = default) =>
        new() { Name = "r", Type = AlertRuleType.Count, For = @for, KeepFiringFor = keep };

    [Fact]
    public void AConditionTrueForItsPendingPeriodFires()
    {
        var alert = NewAlert();
        var rule = Rule(TimeSpan.FromSeconds(30));
        Assert.Equal("pending", AlertStateMachine.Step(alert, true, T0, rule, Settings).Single().To);
        Assert.Empty(AlertStateMachine.Step(alert, true, T0.AddSeconds(29), rule, Settings));
        Assert.Equal(T0.AddSeconds(30), AlertStateMachine.Deadline(alert, rule));
        Assert.Equal("firing", AlertStateMachine.Step(alert, true, T0.AddSeconds(30), rule, Settings).Single().To);
        Assert.Equal(T0.AddSeconds(30), alert.FiringSince);
    }

    [Fact]
    public void APendingAlertWhoseConditionClearsGoesBackToInactiveWithoutFiring()
    {
        var alert = NewAlert();
        var rule = Rule(TimeSpan.FromSeconds(30));
        AlertStateMachine.Step(alert, true, T0, rule, Settings);
        var back = AlertStateMachine.Step(alert, false, T0.AddSeconds(15), rule, Settings).Single();
        Assert.Equal(("pending", "inactive"), (back.From, back.To));
        Assert.Equal("pending", AlertStateMachine.Step(alert, true, T0.AddSeconds(20), rule, Settings).Single().To);
        Assert.Empty(AlertStateMachine.Step(alert, true, T0.AddSeconds(45), rule, Settings)); // the period restarted at 20 s
    }

    [Fact]
    public void KeepFiringForHoldsAFiringAlertThroughAShortClear()
    {
        var alert = NewAlert();
        var rule = Rule(keep: TimeSpan.FromMinutes(1));
        AlertStateMachine.Step(alert, true, T0, rule, Settings);
        Assert.Empty(AlertStateMachine.Step(alert, false, T0.AddSeconds(30), rule, Settings));
        Assert.Empty(AlertStateMachine.Step(alert, true, T0.AddSeconds(45), rule, Settings));
        Assert.Empty(AlertStateMachine.Step(alert, false, T0.AddSeconds(100), rule, Settings));
        Assert.Equal("resolved", AlertStateMachine.Step(alert, false, T0.AddSeconds(105), rule, Settings).Single().To);
    }

    [Fact]
    public void AnAlertThatFlipsTooOftenIsMarkedFlappingAndAQuietWindowEndsIt()
    {
        var alert = NewAlert();
        var rule = Rule();
        var changes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            changes.AddRange(AlertStateMachine.Step(alert, i % 2 == 0, T0.AddMinutes(i), rule, Settings).Select(t => t.To));
        }

        Assert.Equal(["firing", "resolved", "firing", "resolved", "flapping"], changes);
        Assert.True(alert.Flapping);
        Assert.Empty(AlertStateMachine.Step(alert, false, T0.AddMinutes(12), rule, Settings));
        Assert.Equal("resolved", AlertStateMachine.Step(alert, false, T0.AddMinutes(14), rule, Settings).Single().To);
        Assert.False(alert.Flapping);
    }

    [Fact]
    public void APendingPeriodStartsAgainAfterNobodyEvaluatedForAWhile()
    {
        var alert = NewAlert();
        var rule = Rule(TimeSpan.FromSeconds(30));
        AlertStateMachine.Step(alert, true, T0, rule, Settings);
        alert.EvaluatedAt = T0;
        // Every host was down for ten minutes: the condition was not seen to hold, so it does not fire at once.
        Assert.Empty(AlertStateMachine.Step(alert, true, T0.AddMinutes(10), rule, Settings));
        alert.EvaluatedAt = T0.AddMinutes(10);
        Assert.Equal(T0.AddMinutes(10), alert.ActiveSince);
        Assert.Equal("firing", AlertStateMachine.Step(alert, true, T0.AddMinutes(10).AddSeconds(30), rule, Settings).Single().To);
    }
}
