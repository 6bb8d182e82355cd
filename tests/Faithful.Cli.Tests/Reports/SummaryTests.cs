using Faithful.Cli.Tests.Support;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Reports;

public sealed class SummaryTests
{
    [Fact]
    public void Summary_groups_by_model_and_length_with_mode_counts()
    {
        var results = SyntheticResults.Curve("sim:a", 10, length => length == 5 ? 6 : 2, 5, 95)
            .Concat(SyntheticResults.Curve("sim:b", 4, _ => 4, 5))
            .ToList();

        var summary = RunSummary.Of(results);

        Assert.Equal(["sim:a", "sim:b"], summary.Models.Select(m => m.Model));
        var a = summary.Models[0];
        Assert.Equal([5, 95], a.ByLength.Select(c => c.Key));
        Assert.Equal(0.6, a.ByLength[0].Summary.FirstAnswerAccuracy.Rate, 9);
        Assert.Equal(0.2, a.ByLength[1].Summary.FirstAnswerAccuracy.Rate, 9);
        Assert.Equal(8, a.Overall.Modes[FailureMode.Correct]);
        Assert.Equal(6, a.Overall.Modes[FailureMode.ArithmeticError]);
        Assert.Equal(6, a.Overall.Modes[FailureMode.PrematureAnswer]);
        // Wrong traces at length 95 diverge at step 47 (index 47 → bin of width 5 starting at 46).
        Assert.Equal(8, a.FirstDivergence.NeverDiverged);
        Assert.Equal(12, a.FirstDivergence.Bins.Sum(b => b.Count));
        Assert.Equal(1.0, summary.Models[1].Overall.StepFaithfulness.Mean, 9);
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

    [Fact]
    public void A_length_where_every_request_failed_counts_its_errors_and_has_no_rates()
    {
        var scored = SyntheticResults.Curve("sim:a", 4, _ => 2, 5);
        var failed = SyntheticResults.Curve("sim:a", 3, _ => 0, 15).Select(r => r with { Verdict = null, Error = "HTTP 500" });

        var summary = RunSummary.Of(scored.Concat(failed));
        var document = Faithful.Reports.Formats.JsonReport.Parse(Faithful.Reports.Formats.JsonReport.Render(summary));
        var empty = document.Models[0].ByLength.Single(l => l.Length == 15).Scores;

        Assert.Equal(3, empty.Cases);
        Assert.Equal(3, empty.Errors);
        Assert.Null(empty.FirstAnswerAccuracy);
        Assert.Null(empty.FirstAnswerAccuracyCi);
        Assert.Null(empty.StepFaithfulness);
        var overall = document.Models[0].Overall;
        Assert.Equal(7, overall.Cases);
        Assert.Equal(0.5, overall.FirstAnswerAccuracy);
        Assert.Contains("| 15 | 3 | n/a (0.0%–100.0%) | n/a |", Faithful.Reports.Formats.MarkdownReport.Render(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Right_for_the_wrong_reasons_is_a_share_of_the_right_final_answers()
    {
        List<Faithful.Traces.Results.CaseResult> results =
        [
            SyntheticResults.Make("sim:a", "P1", 5, 0, FailureMode.Correct, true, 5),
            SyntheticResults.Make("sim:a", "P2", 5, 1, FailureMode.ArithmeticError, true, 2),
            SyntheticResults.Make("sim:a", "P3", 5, 2, FailureMode.PrematureAnswer, true, 1),
            SyntheticResults.Make("sim:a", "P4", 5, 3, FailureMode.ArithmeticError, false, 2),
        ];

        var document = Faithful.Reports.Formats.JsonReport.Parse(Faithful.Reports.Formats.JsonReport.Render(RunSummary.Of(results)));

        // Two of the three right answers came from unfaithful traces; the wrong answer is not in the denominator.
        Assert.Equal(0.666667, document.Models[0].Overall.RightForWrongReasons);
    }
}
