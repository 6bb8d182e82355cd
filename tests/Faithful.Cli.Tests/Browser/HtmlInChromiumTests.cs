using Faithful.Cli.Tests.Support;
using Faithful.Reports.Html;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Browser;

/// <summary>
/// Opens the HTML report in headless Chromium and inspects the DOM the browser built. Skipped, with the reason,
/// when no Chromium is installed (.ci/run installs Debian's chromium).
/// </summary>
public sealed class HtmlInChromiumTests
{
    private const string Hostile = "s1 = 3\n</pre><script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script><img src=x onerror=\"document.title='PWNED'\">\nFinal answer: 3";

    [Fact]
    public async Task The_report_renders_its_plots_and_a_script_in_a_reply_stays_inert()
    {
        var chromium = Chromium.Find();
        if (chromium is null)
        {
            Assert.Skip(Chromium.SkipReason);
        }

        using var dir = new TempDir();
        var results = SyntheticResults.Curve("sim:study", 10, length => length == 5 ? 6 : 2, 5, 50, 95);
        results.AddRange(SyntheticResults.Curve("sim:regressed", 10, _ => 1, 5, 50, 95));
        // The least faithful trace of its group, so the drill-down sample shows it.
        results.Add(SyntheticResults.Make("sim:study", "Hostile.P", 5, 99, FailureMode.ArithmeticError, false, 1, reply: Hostile));
        var page = dir["report.html"];
        await File.WriteAllTextAsync(page, HtmlReport.Render(RunSummary.Of(results), new HtmlReportOptions { Title = "Browser check" }), TestContext.Current.CancellationToken);

        var dom = await Chromium.DumpDomAsync(chromium, page, dir["profile"]);

        Assert.Contains("<title>Browser check</title>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("PWNED</title>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("data-pwned=\"1\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;document.title=", dom, StringComparison.Ordinal);

        // The headline curve: accuracy and faithfulness lines for both models, with a point per length.
        Assert.Contains("id=\"plot-headline\"", dom, StringComparison.Ordinal);
        Assert.Equal(4, Count(dom, "<polyline class=\"series\""));
        Assert.Equal(12, Count(dom, "<circle class=\"point\""));
        // Failure modes by length (one chart per model) and first-divergence histograms.
        Assert.Contains("id=\"plot-modes-0\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-modes-1\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-divergence-1\"", dom, StringComparison.Ordinal);
        Assert.True(Count(dom, "<rect class=\"bar\" data-mode=") >= 6);
        // A drill-down sample: 5 traces for each model and length range (2 models × lengths 4–7, 32–63, 64–127).
        Assert.Equal(30, Count(dom, "<details class=\"trace\""));
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
