using Faithful.Cli.Tests.Support;
using Faithful.Model;
using Faithful.Reports.Dependence;
using Faithful.Reports.Formats;
using Faithful.Reports.Html;
using Faithful.Reports.Sanitising;
using Faithful.Reports.Summaries;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Reports;

/// <summary>
/// The trace-dependence section from hand-built results: counts and intervals as defined, a case asked at several
/// positions counted as one cluster, and model text escaped in HTML and Markdown.
/// </summary>
public sealed class DependenceReportTests
{
    private const string HostileModel = "<img src=x onerror=alert(1)>|`m`";

    [Fact]
    public void Html_and_markdown_carry_the_section_with_model_text_escaped()
    {
        using var summary = RunSummary.Of(Results(HostileModel, follows: 6, ignores: 2));

        var html = HtmlReport.Render(summary);
        Assert.Contains("<h2 id=\"trace-dependence\">Trace dependence</h2>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);

        var markdown = MarkdownReport.Render(summary);
        var section = markdown[markdown.IndexOf("### Trace dependence", StringComparison.Ordinal)..];
        var span = MarkdownText.CodeSpan(HostileModel);
        Assert.StartsWith("``", span, StringComparison.Ordinal);
        Assert.Contains($"#### {span} corrupt-prefix: dependence 75.0%", section, StringComparison.Ordinal);

        // The model text appears only inside code spans, where Markdown renders no HTML.
        Assert.DoesNotContain("<img", section.Replace(span, "", StringComparison.Ordinal), StringComparison.Ordinal);

        var json = JsonReport.Parse(JsonReport.Render(summary));
        var corrupt = Assert.Single(json.TraceDependence!.CorruptPrefix);
        Assert.Equal(HostileModel, corrupt.Model);
        Assert.Equal(0.75, corrupt.Overall.Dependence);
    }

    [Fact]
    public void Figures_count_outcomes_and_leave_undecided_probes_out_of_the_rate()
    {
        var results = Results("m", follows: 3, ignores: 1);
        results.Add(Probe("m", "absorbed", "50%", DependenceOutcome.Absorbed, 0));
        results.Add(Probe("m", "silent", "50%", DependenceOutcome.NoAnswer, 0));

        var figures = Assert.Single(DependenceAnalysis.From(results)!.CorruptPrefix).Overall;

        Assert.Equal((6, 3, 1, 0, 1, 1, 4), (figures.Probes, figures.Follows, figures.Ignores, figures.Other, figures.NoAnswer, figures.Absorbed, figures.Decisive));
        Assert.Equal(0.75, figures.Dependence);
        Assert.Equal(0.75, figures.FollowRate);
        var wilson = Intervals.Wilson(3, 4);
        Assert.Equal([Math.Round(wilson.Low, 6), Math.Round(wilson.High, 6)], figures.DependenceCi!);
    }

    [Fact]
    public void A_case_asked_at_several_positions_is_one_cluster_so_its_interval_is_wider_than_if_probes_were_independent()
    {
        // Ten cases, each asked at three positions that all behave alike: 30 probes, but only ten independent answers.
        var results = new List<CaseResult>();
        for (var i = 0; i < 10; i++)
        {
            foreach (var at in new[] { "25%", "50%", "75%" })
            {
                results.Add(Probe("m", $"case{i}", at, i < 5 ? DependenceOutcome.Follows : DependenceOutcome.Ignores, i));
            }
        }

        var summary = Assert.Single(DependenceAnalysis.From(results)!.CorruptPrefix);
        var clustered = summary.Overall.DependenceCi!;
        var asIfIndependent = Intervals.Wilson(15, 30);
        var perCase = Intervals.Wilson(5, 10);

        Assert.Equal(0.5, summary.Overall.Dependence);
        Assert.True(clustered[0] < asIfIndependent.Low && clustered[1] > asIfIndependent.High);

        // One position: one probe per case, Wilson's interval as it is.
        var position = summary.ByPosition.Single(p => p.At == "50%").Figures.DependenceCi!;
        Assert.Equal([Math.Round(perCase.Low, 6), Math.Round(perCase.High, 6)], position);
    }

    private static List<CaseResult> Results(string model, int follows, int ignores) =>
        Enumerable.Range(0, follows + ignores)
            .Select(i => Probe(model, $"case{i}", "50%", i < follows ? DependenceOutcome.Follows : DependenceOutcome.Ignores, i))
            .ToList();

    private static CaseResult Probe(string model, string caseName, string at, DependenceOutcome outcome, int sample)
    {
        var alteration = new Alteration(1, Value.FromInt64(10), Value.FromInt64(12), Value.FromInt64(40), Value.FromInt64(42), 1);
        var answer = outcome switch
        {
            DependenceOutcome.Follows => Value.FromInt64(42),
            DependenceOutcome.Ignores => Value.FromInt64(40),
            _ => (Value?)null,
        };
        var evidence = new DependenceEvidence(2, "user")
        {
            At = at,
            OwnAnswer = Value.FromInt64(40),
            OwnAnswerRight = true,
            Answer = answer,
            AnswerRight = outcome == DependenceOutcome.Ignores,
            Alteration = alteration,
            Outcome = outcome,
            ContinuedSteps = 2,
            ContinuedRight = outcome == DependenceOutcome.Follows ? 2 : 0,
            RestatedTrueValue = false,
        };
        var result = SyntheticResults.Make(model, caseName, 4, sample, FailureMode.Correct, outcome == DependenceOutcome.Follows, 4);
        return result with { CaseId = caseName, Protocol = $"corrupt-prefix/at={at}", Evidence = new ProtocolEvidence([]) { Dependence = evidence } };
    }
}
