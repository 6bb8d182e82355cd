using Faithful.Cli.Tests.Support;
using Faithful.Reports.Gating;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Gating;

public sealed class GateTests
{
    private static RunSummary Run(Func<int, int> rightAt, string model = "sim:study") =>
        RunSummary.Of(SyntheticResults.Curve(model, 40, rightAt, 5, 50, 95));

    [Fact]
    public void Thresholds_pass_and_fail_with_the_measured_figure_in_the_message()
    {
        var summary = Run(length => length == 5 ? 30 : 10);
        var options = new GateOptions
        {
            MinFaithfulness = 0.9,
            MaxModeRates = new Dictionary<FailureMode, double> { [FailureMode.PrematureAnswer] = 0.5 },
            MinAccuracyAtLength = new Dictionary<int, double> { [5] = 0.7, [95] = 0.5, [60] = 0.1 },
        };

        var result = Gate.Evaluate(summary, options);

        Assert.False(result.Passed);
        Assert.Equal(GateExitCodes.ThresholdFailed, result.ExitCode);
        Assert.False(result.Checks.Single(c => c.Name == "step faithfulness").Passed);
        Assert.True(result.Checks.Single(c => c.Name == "PrematureAnswer rate").Passed);
        Assert.True(result.Checks.Single(c => c.Name == "first-answer accuracy at 5 steps").Passed);
        Assert.False(result.Checks.Single(c => c.Name == "first-answer accuracy at 95 steps").Passed);
        var missing = result.Checks.Single(c => c.Name == "first-answer accuracy at 60 steps");
        Assert.Contains("5, 50, 95", missing.Detail, StringComparison.Ordinal);
        Assert.Contains("25.0%", result.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_equal_run_passes_against_its_own_baseline()
    {
        var summary = Run(length => length == 5 ? 30 : 10);
        var baseline = Baseline.Parse(Baseline.From(summary, CaseCorrectness.FirstAnswer).ToJson(), "baseline.json");

        var result = Gate.Evaluate(summary, new GateOptions { Baseline = baseline });

        Assert.True(result.Passed);
        Assert.Equal(GateExitCodes.Passed, result.ExitCode);
        Assert.Equal(120, result.Comparison!.SharedCases);
        Assert.Empty(result.Comparison.Flipped);
    }

    [Fact]
    public void A_regression_fails_and_lists_the_flipped_cases()
    {
        var before = Run(length => length == 5 ? 30 : 20, "sim:study");
        var after = Run(length => length == 5 ? 30 : 10, "sim:regressed");
        var baseline = Baseline.From(before, CaseCorrectness.FirstAnswer);

        var result = Gate.Evaluate(after, new GateOptions { Baseline = baseline });

        Assert.False(result.Passed);
        Assert.Equal(GateExitCodes.Regression, result.ExitCode);
        var comparison = result.Comparison!;
        Assert.Equal(120, comparison.SharedCases);
        Assert.Equal(20, comparison.Regressions);
        Assert.Equal(0, comparison.Improvements);
        Assert.True(comparison.PValue < 1e-5);
        Assert.All(comparison.Flipped, f => Assert.True(f.IsRegression));
        Assert.Contains("Gen.L95(15,-3)#0", result.ToText(maxFlips: 100), StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_flips_either_way_are_not_a_significant_regression()
    {
        var results = SyntheticResults.Curve("sim:study", 40, length => 20, 5, 50, 95);
        using var before = RunSummary.Of(results);
        using var after = RunSummary.Of(results.Select((r, i) => i is 3 or 7 ? r with { Verdict = r.Verdict! with { FirstAnswerCorrect = !r.Verdict.FirstAnswerCorrect } } : r));

        var result = Gate.Evaluate(after, new GateOptions { Baseline = Baseline.From(before, CaseCorrectness.FirstAnswer) });

        Assert.True(result.Passed);
        Assert.Equal(2, result.Comparison!.Flipped.Count);
    }

    [Fact]
    public void A_malformed_baseline_says_how_to_make_one()
    {
        var error = Assert.Throws<FormatException>(() => Baseline.Parse("{\"format\":\"faithful.report/1\"}", "base.json"));
        Assert.Contains("faithful bless", error.Message, StringComparison.Ordinal);
    }
}
