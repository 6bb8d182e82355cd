using System.Xml.Linq;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Formats;
using Faithful.Reports.Html;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Reports;

public sealed class ReportFormatTests
{
    private static RunSummary Sample() => RunSummary.Of(SyntheticResults.Curve("sim:study", 10, length => length == 5 ? 6 : 2, 5, 50, 95));

    [Fact]
    public void Json_report_is_versioned_and_reads_back()
    {
        var json = JsonReport.Render(Sample());
        var document = JsonReport.Parse(json);

        Assert.Equal("faithful.report/1", document.Format);
        var model = Assert.Single(document.Models);
        Assert.Equal([5, 50, 95], model.ByLength.Select(l => l.Length));
        Assert.Equal(0.6, model.ByLength[0].Scores.FirstAnswerAccuracy);
        Assert.Equal(30, document.Cases.Count);
        Assert.Throws<FormatException>(() => JsonReport.Parse("{\"format\":\"other/9\"}"));
        Assert.Throws<FormatException>(() => JsonReport.Parse("{not json"));
    }

    [Fact]
    public void JUnit_has_a_suite_per_model_and_failures_for_unfaithful_traces_even_with_control_characters()
    {
        var results = SyntheticResults.Curve("sim:study", 4, _ => 1, 5);
        results.Add(SyntheticResults.Make("sim:other", "P.X", 5, 9, FailureMode.SelfCorrection, true, 4, reply: "bell\u0007 and \uFFFF and </failure>"));

        var xml = XDocument.Parse(JUnitReport.Render(RunSummary.Of(results)));

        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(["sim:other", "sim:study"], suites.Select(s => (string)s.Attribute("name")!));

        // sim:study: the length-5 group (3 of 4 unfaithful) and its 4 traces, 3 of them unfaithful.
        Assert.Equal("5", (string)suites[1].Attribute("tests")!);
        Assert.Equal("4", (string)suites[1].Attribute("failures")!);
        var group = suites[1].Elements("testcase").First();
        Assert.Equal("program length 5", (string)group.Attribute("name")!);
        Assert.StartsWith("3 of 4 traces are not faithful", (string)group.Element("failure")!.Attribute("message")!, StringComparison.Ordinal);
        var failure = suites[0].Elements("testcase").Single(c => (string)c.Attribute("classname")! == "P.X").Element("failure")!;
        Assert.Equal("SelfCorrection", (string)failure.Attribute("type")!);
        Assert.Contains("</failure>", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_a_row_per_model_and_escapes_pipes()
    {
        var results = SyntheticResults.Curve("openai:a|b", 2, _ => 1, 5);

        var markdown = MarkdownReport.Render(RunSummary.Of(results), "Gate PASSED");

        Assert.Contains("| `openai:a\\|b` | 2 | 50.0% |", markdown, StringComparison.Ordinal);
        Assert.Contains("### Gate", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_draws_every_plot_and_a_drill_down_sample_of_the_worst_and_a_random_few_per_group()
    {
        var html = HtmlReport.Render(Sample());

        Assert.Contains("id=\"plot-headline\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-modes-0\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-divergence-0\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "<polyline class=\"series\""));

        // Lengths 5, 50 and 95 fall in three length ranges: 3 worst and 2 random traces each.
        Assert.Equal(15, Count(html, "<details class=\"trace\""));
        Assert.Equal(9, Count(html, "data-pick=\"worst\""));
        Assert.Equal(6, Count(html, "data-pick=\"random\""));
        Assert.Contains("15 of 30 traces", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_drill_down_sample_is_the_same_whatever_order_results_arrive_in_and_its_worst_picks_are_the_least_faithful()
    {
        var results = SyntheticResults.Curve("sim:study", 40, length => length / 5, 5, 50, 95);
        using var ordered = RunSummary.Of(results);
        using var shuffled = RunSummary.Of(results.OrderBy(r => r.CaseId.GetHashCode(StringComparison.Ordinal)).Reverse());

        Assert.Equal(ordered.DrillDown.Select(d => d.Result.CaseId), shuffled.DrillDown.Select(d => d.Result.CaseId));
        foreach (var group in ordered.DrillDown.GroupBy(d => d.Group))
        {
            var worst = group.Where(d => d.Pick == "worst").Select(d => d.Result.Verdict!.StepFaithfulness).ToList();
            var lowestInGroup = results.Where(r => r.Length == group.First().Result.Length).Select(r => r.Verdict!.StepFaithfulness).Order().Take(worst.Count);
            Assert.Equal(lowestInGroup, worst.Order());
        }

        Assert.Equal(HtmlReport.Render(ordered), HtmlReport.Render(shuffled));
    }

    [Fact]
    public void Many_groups_share_the_drill_down_budget_worst_first()
    {
        var results = Enumerable.Range(0, 40).SelectMany(m => SyntheticResults.Curve($"sim:m{m:00}", 6, _ => 3, 5, 50, 95)).ToList();

        using var summary = RunSummary.Of(results, maxDrillDowns: 150);

        // 120 groups share 150 drill-downs: one each, the group's worst.
        Assert.Equal(120, summary.DrillDown.Count);
        Assert.All(summary.DrillDown, d => Assert.Equal("worst", d.Pick));
    }

    [Fact]
    public void Html_trace_list_names_each_trace_by_its_inputs()
    {
        var results = new[]
        {
            SyntheticResults.Make("sim:study", "Chain", 5, 1, FailureMode.Correct, true, 5),
            SyntheticResults.Make("sim:study", "Chain", 5, 2, FailureMode.ArithmeticError, false, 3),
        };

        var html = HtmlReport.Render(RunSummary.Of(results));

        // Two input draws of one program must be told apart in the list, not only in the drill-down.
        Assert.Contains(">Chain(1, -3) #0</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Chain(2, -3) #0</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_escapes_and_bounds_model_text()
    {
        var hostile = "</pre><script>document.title='PWNED'</script><img src=x onerror=alert(1)>" + new string('x', 50_000);
        var results = new[] { SyntheticResults.Make("sim:<b>bold</b>", "P.A", 5, 0, FailureMode.ArithmeticError, false, 2, reply: hostile) };

        var html = HtmlReport.Render(RunSummary.Of(results), new HtmlReportOptions { MaxReplyChars = 1000 });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("more characters not shown", html, StringComparison.Ordinal);
        Assert.True(html.Length < 40_000, $"page is {html.Length} characters");
    }

    private static int Count(string text, string fragment)
    {
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
