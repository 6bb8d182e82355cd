using Faithful.Model;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

public sealed class ScoresTests
{
    [Fact]
    public void Wilson_interval_matches_published_values()
    {
        // Newcombe (1998), method 3: 81/263 → [0.2553, 0.3662]; 0/10 → [0, 0.2775]; 10/10 → [0.7225, 1].
        var a = Intervals.Wilson(81, 263);
        var none = Intervals.Wilson(0, 10);
        var all = Intervals.Wilson(10, 10);

        Assert.Equal(0.2553, a.Low, 3);
        Assert.Equal(0.3662, a.High, 3);
        Assert.Equal(0, none.Low, 6);
        Assert.Equal(0.2775, none.High, 3);
        Assert.Equal(0.7225, all.Low, 3);
        Assert.Equal(new Interval(0, 1), Intervals.Wilson(0, 0));
    }

    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(3, 3.1824)]
    [InlineData(5, 2.5706)]
    [InlineData(10, 2.2281)]
    [InlineData(30, 2.0423)]
    [InlineData(31, 2.0395)]
    [InlineData(60, 2.0003)]
    [InlineData(1000, 1.9623)]
    public void Student_t_quantile_matches_tables(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, Intervals.TQuantile975(degreesOfFreedom), tolerance: 0.0005);
    }

    [Fact]
    public void Mean_interval_is_t_based_and_degenerate_for_one_value()
    {
        var estimate = MeanEstimate.Of([0.5, 0.7, 0.9]);

        Assert.Equal(0.7, estimate.Mean, 10);
        Assert.Equal(0.2, estimate.StandardDeviation, 10);
        Assert.Equal(0.7 - 4.3027 * 0.2 / Math.Sqrt(3), estimate.Ci95.Low, 3);
        Assert.Equal(new Interval(0.4, 0.4), MeanEstimate.Of([0.4]).Ci95);
    }

    [Fact]
    public void Scores_count_each_measure_and_group_by_length_depth_and_model()
    {
        var results = new List<CaseResult>
        {
            Result("m1", length: 5, depth: 1, Verdict(FailureMode.Correct, first: true, final: true, faithfulness: 1.0)),
            Result("m1", length: 5, depth: 2, Verdict(FailureMode.ArithmeticError, first: true, final: true, faithfulness: 0.5)),
            Result("m1", length: 95, depth: 1, Verdict(FailureMode.PrematureAnswer, first: false, final: true, faithfulness: 1.0)),
            Result("m2", length: 95, depth: 2, Verdict(FailureMode.MissingAnswer, first: false, final: false, faithfulness: 0.0)),
            Result("m2", length: 95, depth: 2, null, error: "request failed"),
        };

        var report = Scores.Compute(results);

        Assert.Equal(4, report.Overall.Cases);
        Assert.Equal(1, report.Overall.Errors);
        Assert.Equal(new Proportion(2, 4), report.Overall.FirstAnswerAccuracy);
        Assert.Equal(new Proportion(3, 4), report.Overall.FinalAnswerAccuracy);
        Assert.Equal(0.625, report.Overall.StepFaithfulness.Mean, 10);
        // Right for the wrong reasons, among the three final-right cases: the arithmetic and the premature one.
        Assert.Equal(new Proportion(2, 3), report.Overall.RightForWrongReasons);
        Assert.Equal(new Proportion(1, 4), report.Overall.Faithful);
        Assert.Equal(1, report.Overall.Modes[FailureMode.MissingAnswer]);
        Assert.Equal(["length=5", "length=95"], report.ByLength.Select(g => g.Group));
        Assert.Equal(new Proportion(2, 2), report.ByLength[0].FirstAnswerAccuracy);
        Assert.Equal(new Proportion(0, 2), report.ByLength[1].FirstAnswerAccuracy);
        Assert.Equal(["lookback=1", "lookback=2"], report.ByLookBack.Select(g => g.Group));
        Assert.Equal(["model=m1", "model=m2"], report.ByModel.Select(g => g.Group));
        Assert.Equal(1, report.ByModel[1].Errors);
    }

    [Fact]
    public void Keyed_groups_keep_their_key_and_mode_shares_count_only_scored_cases()
    {
        var results = new List<CaseResult>
        {
            Result("m1", length: 95, depth: 1, Verdict(FailureMode.PrematureAnswer, first: false, final: true, faithfulness: 0.5)),
            Result("m1", length: 5, depth: 1, Verdict(FailureMode.Correct, first: true, final: true, faithfulness: 1.0)),
            Result("m1", length: 5, depth: 1, Verdict(FailureMode.PrematureAnswer, first: false, final: false, faithfulness: 0.2)),
            Result("m1", length: 5, depth: 1, null, error: "request failed"),
        };

        var byLength = Scores.KeyedBy(results, r => r.Length, Comparer<int>.Default, l => $"length={l}");

        Assert.Equal([5, 95], byLength.Select(g => g.Key));
        Assert.Equal("length=5", byLength[0].Summary.Group);
        Assert.Equal(3, byLength[0].Summary.Total);
        Assert.Equal(new Proportion(1, 2), byLength[0].Summary.ModeShare(FailureMode.PrematureAnswer));
        Assert.Equal(byLength.Select(g => g.Summary.Group), Scores.ByLength(results).Select(g => g.Group));
    }

    [Fact]
    public void First_divergence_histogram_bins_one_based_steps_up_to_the_longest_program()
    {
        var results = new List<CaseResult>
        {
            Result("m1", length: 40, depth: 1, Verdict(FailureMode.ArithmeticError, first: false, final: false, faithfulness: 0.5) with { FirstDivergence = 0 }),
            Result("m1", length: 40, depth: 1, Verdict(FailureMode.ArithmeticError, first: false, final: false, faithfulness: 0.5) with { FirstDivergence = 1 }),
            Result("m1", length: 40, depth: 1, Verdict(FailureMode.ArithmeticError, first: false, final: false, faithfulness: 0.5) with { FirstDivergence = 39 }),
            Result("m1", length: 40, depth: 1, Verdict(FailureMode.Correct, first: true, final: true, faithfulness: 1.0)),
            Result("m1", length: 40, depth: 1, null, error: "request failed"),
        };

        var histogram = DivergenceHistogram.Of(results, maxBins: 20);

        Assert.Equal(20, histogram.Bins.Count);
        Assert.Equal(new DivergenceBin(1, 2, 2), histogram.Bins[0]);
        Assert.Equal(new DivergenceBin(39, 40, 1), histogram.Bins[^1]);
        Assert.Equal(1, histogram.NeverDiverged);
    }

    [Fact]
    public void An_interval_cut_to_the_unit_range_keeps_what_lies_inside()
    {
        Assert.Equal(new Interval(0, 0.5), new Interval(-0.2, 0.5).Within(0, 1));
        Assert.Equal(new Interval(0.3, 1), new Interval(0.3, 1.4).Within(0, 1));
    }

    private static CaseResult Result(string model, int length, int depth, TraceVerdict? verdict, string? error = null) =>
        new($"p({length},{depth})#0", "p", length, depth, model, 0, EquatableArray<Value>.Empty, "", verdict, error);

    private static TraceVerdict Verdict(FailureMode mode, bool first, bool final, double faithfulness) => new(
        EquatableArray<StepAlignment>.Empty,
        EquatableArray<Faithful.Traces.Parsing.ParsedClaim>.Empty,
        null,
        mode,
        new[] { mode }.ToEquatableArray(),
        EquatableArray<Evidence>.Empty,
        first,
        final,
        faithfulness,
        1.0);
}
