using Faithful.Cli.Tests.Support;
using Faithful.Reports.Summaries;
using Proportion = Faithful.Reports.Summaries.Proportion;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Reports;

public sealed class SummaryTests
{
    [Fact]
    public void Wilson_interval_matches_the_textbook_value()
    {
        // 8 of 10: Wilson 95% interval is [0.4902, 0.9433].
        var p = Proportion.Of(8, 10);
        Assert.Equal(0.8, p.Rate, 6);
        Assert.Equal(0.4902, p.Low, 3);
        Assert.Equal(0.9433, p.High, 3);
        Assert.Equal(0, Proportion.Of(0, 0).Rate);
        Assert.Equal(0, Proportion.Of(0, 5).Low);
    }

    [Fact]
    public void Summary_groups_by_model_and_length_with_mode_counts()
    {
        var results = SyntheticResults.Curve("sim:a", 10, length => length == 5 ? 6 : 2, 5, 95)
            .Concat(SyntheticResults.Curve("sim:b", 4, _ => 4, 5))
            .ToList();

        var summary = RunSummary.Of(results);

        Assert.Equal(["sim:a", "sim:b"], summary.Models.Select(m => m.Model));
        var a = summary.Models[0];
        Assert.Equal([5, 95], a.ByLength.Select(c => c.Length));
        Assert.Equal(0.6, a.ByLength[0].Summary.FirstAnswerAccuracy.Rate, 9);
        Assert.Equal(0.2, a.ByLength[1].Summary.FirstAnswerAccuracy.Rate, 9);
        Assert.Equal(8, a.Overall.Modes[FailureMode.Correct]);
        Assert.Equal(6, a.Overall.Modes[FailureMode.ArithmeticError]);
        Assert.Equal(6, a.Overall.Modes[FailureMode.PrematureAnswer]);
        // Wrong traces at length 95 diverge at step 47 (index 47 → bin of width 5 starting at 46).
        Assert.Equal(8, a.NeverDiverged);
        Assert.Equal(12, a.FirstDivergence.Sum(b => b.Count));
        Assert.Equal(1.0, summary.Models[1].Overall.StepFaithfulness.Value, 9);
    }

    [Fact]
    public void Summary_does_not_depend_on_completion_order()
    {
        var results = SyntheticResults.Curve("sim:a", 6, _ => 3, 5, 10, 15);
        var shuffled = results.OrderBy(r => r.CaseId.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();

        Assert.Equal(
            Faithful.Reports.Formats.JsonReport.Render(RunSummary.Of(results)),
            Faithful.Reports.Formats.JsonReport.Render(RunSummary.Of(shuffled)));
    }
}
