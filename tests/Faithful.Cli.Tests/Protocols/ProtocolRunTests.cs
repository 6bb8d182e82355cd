using Faithful.Cli.Tests.Support;
using Faithful.Reports.Formats;
using Faithful.Reports.Protocols;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Cli.Tests.Protocols;

/// <summary>
/// The run: every protocol on the same cases against the simulated model, offline, into one report; each
/// protocol's figures match its documented simulated effect (docs/protocols.md) within their 95% intervals.
/// </summary>
public sealed class ProtocolRunTests : IClassFixture<ProtocolRunTests.Run>
{
    private readonly Run run;

    public ProtocolRunTests(Run run) => this.run = run;

    private ReportDocument Report => run.Report;

    private ProtocolReport Protocols => Report.Protocols!;

    [Fact]
    public void One_report_holds_every_protocol_as_its_own_series_by_length()
    {
        Assert.True(run.Outcome.ExitCode == 0, run.Outcome.Output);
        Assert.Equal(
            ["single", "checkpointed", "gradual", "plan-execute", "explain-then-execute", "metamorphic/original", "metamorphic/renamed", "metamorphic/scheme", "metamorphic/shifted"],
            ProtocolComparison.Sorted(Report.Models.Select(m => m.Model["sim:study [".Length..^1])));
        Assert.All(Report.Models, m => Assert.Equal([5, 50, 95], m.ByLength.Select(l => l.Length)));
        Assert.Equal("single", Protocols.Reference);
        Assert.Equal(8, Protocols.Pairs.Count);
        Assert.Contains("protocols against single", run.Outcome.Output, StringComparison.Ordinal);

        var html = File.ReadAllText(run.Dir["report.html"]);
        Assert.Contains("id=\"protocols\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-protocols\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-protocols-sim-study-checkpointed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-model=\"sim:study [gradual]\" data-metric=\"first-answer-accuracy\"", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Conversation (", html, StringComparison.Ordinal);
        Assert.Contains("### Protocols compared with `single`", File.ReadAllText(run.Dir["report.md"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("single")]
    [InlineData("checkpointed")]
    [InlineData("gradual")]
    [InlineData("explain-then-execute")]
    [InlineData("metamorphic/original")]
    [InlineData("metamorphic/renamed")]
    [InlineData("metamorphic/scheme")]
    [InlineData("metamorphic/shifted")]
    public void First_answer_accuracy_matches_the_documented_effect_within_its_interval(string protocol)
    {
        var model = Report.Models.Single(m => m.Model == $"sim:study [{protocol}]");
        var expected = model.ByLength.Sum(l => l.Scores.Cases * ProtocolEffects.ExpectedFirstAnswerAccuracy(protocol, SimulationProfile.Study, l.Length)!.Value) / model.Overall.Cases;

        var ci = model.Overall.FirstAnswerAccuracyCi!;
        Assert.True(ci[0] <= expected && expected <= ci[1], $"{protocol}: expected {expected:0.000}, measured {model.Overall.FirstAnswerAccuracy:0.000} [{ci[0]:0.000}, {ci[1]:0.000}]");
    }

    [Fact]
    public void The_paired_comparison_shows_each_protocols_direction_with_mcnemar()
    {
        PairedFigures Pair(string candidate) => Protocols.Pairs.Single(p => p.Candidate == candidate).Overall;

        Assert.True(Pair("checkpointed").AccuracyDifference > 0.3 && Pair("checkpointed").McNemarP < 0.001);
        Assert.True(Pair("plan-execute").AccuracyDifference > 0.3 && Pair("plan-execute").McNemarP < 0.001);
        Assert.True(Pair("gradual").AccuracyDifference < 0 && Pair("gradual").McNemarP < 0.05);
        Assert.True(Pair("gradual").AccuracyDifferenceCi![1] < 0);
        var explain = Pair("explain-then-execute");
        Assert.True(explain.AccuracyDifferenceCi![0] <= 0 && 0 <= explain.AccuracyDifferenceCi[1], "explaining first changes nothing about executing");

        var checkpointed = Protocols.Pairs.Single(p => p.Candidate == "checkpointed");
        Assert.True(checkpointed.ByLength.Single(l => l.Length == 95).Figures.AccuracyDifference > checkpointed.ByLength.Single(l => l.Length == 5).Figures.AccuracyDifference);
        Assert.Equal(checkpointed.Overall.Gained + checkpointed.Overall.Lost, checkpointed.FlippedTotal);
        Assert.All(checkpointed.Flipped, f => Assert.NotEqual(f.BaselineRight, f.CandidateRight));
    }

    [Fact]
    public void Checkpointed_reports_unaided_success_as_single_accuracy_and_accuracy_with_checks_as_documented()
    {
        var lengths = Assert.Single(Protocols.Checkpointed).ByLength;
        var cases = lengths.Sum(l => l.Cases);
        var unaided = lengths.Sum(l => l.Cases * l.UnaidedSuccess) / cases;
        var expected = lengths.Sum(l => l.Cases * ProtocolEffects.SingleAccuracy(SimulationProfile.Study, l.Length)) / cases;

        AssertWithin(expected, unaided, cases, "unaided success");
        Assert.All(lengths, l => Assert.True(l.AccuracyWithChecks > l.UnaidedSuccess || l.Length == 5));
        Assert.All(lengths, l => Assert.InRange(l.UnaidedReach, l.UnaidedSuccess, 1));
    }

    [Fact]
    public void Gradual_shows_where_the_first_wrong_turn_happens()
    {
        var lengths = Assert.Single(Protocols.Gradual).ByLength;

        Assert.All(lengths, l =>
        {
            Assert.Equal(5, l.FirstWrongByFifth.Count);
            Assert.Equal((int)Math.Round(l.WentWrong * l.Cases), l.FirstWrongByFifth.Sum());
            Assert.InRange(l.MeanFirstWrongTurnShare!.Value, 0, 1);
        });
        Assert.True(lengths.Single(l => l.Length == 95).WentWrong > lengths.Single(l => l.Length == 5).WentWrong);
    }

    [Fact]
    public void Plan_execute_restates_the_structure_as_documented_and_answers_at_least_that_often()
    {
        var lengths = Assert.Single(Protocols.PlanExecute).ByLength;
        var cases = lengths.Sum(l => l.Cases);
        var structure = lengths.Sum(l => l.Cases * l.SameStructure) / cases;
        var expected = lengths.Sum(l => l.Cases * Math.Pow(1 - ProtocolEffects.PlanStatementSlip, l.Length)) / cases;

        AssertWithin(expected, structure, cases, "same structure");
        Assert.All(lengths, l => Assert.True(l.PlanRead == 1 && l.ExecutedAccuracy >= l.SameStructure));
    }

    [Fact]
    public void Explain_then_execute_sets_rationale_against_execution_per_case()
    {
        var summary = Assert.Single(Protocols.ExplainThenExecute);

        AssertWithin(ProtocolEffects.RationaleCorrect, summary.RationaleCorrect, summary.Cases.Count, "rationale correct");
        Assert.InRange(summary.Kappa!.Value, -0.15, 0.15);
        Assert.Equal(summary.Cases.Count, summary.BothRight + summary.RationaleOnly + summary.ExecutionOnly + summary.BothWrong);
        Assert.True(summary.RationaleOnly > summary.ExecutionOnly, "the knowing-doing gap: right rationales with unfaithful execution outnumber the reverse");
    }

    [Fact]
    public void Metamorphic_failures_follow_the_structure_and_renaming_costs_accuracy()
    {
        var summary = Assert.Single(Protocols.Metamorphic);
        var scheme = summary.Variants.Single(v => v.Variant == "scheme");
        var shifted = summary.Variants.Single(v => v.Variant == "shifted");

        Assert.True(summary.Consistency > summary.ConsistencyIfIndependent, $"consistency {summary.Consistency} against {summary.ConsistencyIfIndependent} if independent");
        Assert.True(scheme.WrongWhenOriginalWrong > scheme.WrongWhenOriginalRight);
        Assert.True(scheme.AccuracyDifference < 0 && scheme.McNemarP < 0.05, $"scheme: {scheme.AccuracyDifference}, p {scheme.McNemarP}");
        Assert.True(shifted.McNemarP > 0.05, $"shifted: p {shifted.McNemarP}");
        Assert.DoesNotContain(summary.Variants, v => v.Variant == "reordered");
    }

    private static void AssertWithin(double expected, double measured, int cases, string what)
    {
        var ci = Intervals.Wilson((int)Math.Round(measured * cases), cases);
        Assert.True(ci.Low <= expected && expected <= ci.High, $"{what}: expected {expected:0.000}, measured {measured:0.000} {ci}");
    }

    /// <summary>The run, once for the class: 15 study programs (lengths 5, 50, 95) × 30 inputs under all six protocols.</summary>
    public sealed class Run : IAsyncLifetime
    {
        internal TempDir Dir { get; } = new();

        internal CliProcess.Outcome Outcome { get; private set; } = null!;

        public ReportDocument Report { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Outcome = await CliProcess.RunAsync(
                "run", "--protocol", "single,checkpointed,gradual,plan-execute,explain-then-execute,metamorphic", "--model", "sim:study",
                "--lengths", "5,50,95", "--inputs", "30", "--out", Dir.Path);
            Report = JsonReport.Parse(await File.ReadAllTextAsync(Dir["report.json"]));
        }

        public ValueTask DisposeAsync()
        {
            Dir.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
