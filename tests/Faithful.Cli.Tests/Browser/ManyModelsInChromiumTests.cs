using System.Text.Json;
using System.Text.RegularExpressions;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Html;
using Faithful.Reports.Summaries;
using Faithful.Traces.Results;

namespace Faithful.Cli.Tests.Browser;

/// <summary>
/// A report over six models, laid out by headless Chromium with real fonts: one titled panel per model in every
/// section, legends clear of the data, program lengths on a numeric axis whose tick labels never overlap (even
/// with lengths 20 and 21 in the run), and only colour-blind-safe colours. Skipped, with the reason, without Chromium.
/// </summary>
public sealed partial class ManyModelsInChromiumTests
{
    private static readonly string[] Models =
    [
        "openai:gpt-4o-mini",
        "anthropic:claude-3-5-sonnet-20241022",
        "ollama:llama3.1:70b-instruct-q4_K_M-with-a-very-long-tag",
        "azure:prod-deployment",
        "sim:study",
        "sim:<b>bold</b>&amp;",
    ];

    private static readonly int[] Lengths = [5, 20, 21, 50, 95];

    // Okabe–Ito, plus the grey of missing answers and black.
    private static readonly HashSet<string> SafeColours = new(StringComparer.OrdinalIgnoreCase)
    {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000", "#999999",
    };

    [Fact]
    public async Task Six_models_get_titled_panels_with_legends_off_the_data_and_readable_length_axes()
    {
        var chromium = Chromium.Find();
        if (chromium is null)
        {
            Assert.Skip(Chromium.SkipReason);
        }

        using var dir = new TempDir();
        var results = new List<CaseResult>();
        for (var m = 0; m < Models.Length; m++)
        {
            var model = m;
            results.AddRange(SyntheticResults.Curve(Models[m], 6, length => Math.Max(0, 6 - model - (length / 30)), Lengths));
        }

        using var summary = RunSummary.Of(results, maxDrillDowns: 5);
        var order = summary.Models.Select(m => m.Model).ToList();
        Assert.Equal(Models.Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        var html = HtmlReport.Render(summary, new HtmlReportOptions { Title = "Six models" });
        var measured = JsonDocument.Parse(await Chromium.MeasureAsync(chromium, html, dir.Path)).RootElement;
        var panels = measured.GetProperty("panels").EnumerateArray().ToList();

        foreach (var section in new[] { "plot-headline-", "plot-modes-", "plot-divergence-" })
        {
            var inSection = panels.Where(p => p.GetProperty("id").GetString()!.StartsWith(section, StringComparison.Ordinal)).ToList();
            Assert.Equal(Models.Length, inSection.Count);
            for (var m = 0; m < Models.Length; m++)
            {
                var panel = inSection[m];
                var id = panel.GetProperty("id").GetString();

                // Titled with the model, escaped: markup in a model name shows as text.
                var title = panel.GetProperty("title").GetString()!;
                Assert.True(title == order[m] || (title.EndsWith('…') && order[m].StartsWith(title[..^1], StringComparison.Ordinal)), $"{id} is titled '{title}', not {order[m]}");
                AssertInside(Box(panel, "titleBox"), Box(panel, "svg"), $"{id} title");
                Assert.True(Box(panel, "titleBox").Bottom <= Box(panel, "area").Top, $"{id}: the title overlaps the plot area");

                // Tick labels on the length axis: left to right, apart from each other.
                var ticks = panel.GetProperty("xTicks").EnumerateArray().Select(t => (Text: t.GetProperty("text").GetString()!, Box: Box(t, "box"))).ToList();
                Assert.True(ticks.Count >= 2, $"{id} has {ticks.Count} x tick(s)");
                for (var i = 1; i < ticks.Count; i++)
                {
                    Assert.True(ticks[i - 1].Box.Right + 2 <= ticks[i].Box.Left, $"{id}: tick labels '{ticks[i - 1].Text}' and '{ticks[i].Text}' overlap");
                }

                // A true numeric axis: round values, evenly spaced.
                var values = ticks.Select(t => double.Parse(t.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var steps = values.Zip(values.Skip(1), (a, b) => b - a).Distinct().ToList();
                Assert.Single(steps);
            }
        }

        foreach (var panel in panels.Where(p => p.GetProperty("id").GetString()!.StartsWith("plot-headline-", StringComparison.Ordinal)))
        {
            // The legend sits in the band above the plot area, inside the panel, never on the data.
            var legend = Box(panel, "legend");
            Assert.True(legend.Bottom <= Box(panel, "area").Top, $"{panel.GetProperty("id")}: the legend overlaps the plot area");
            AssertInside(legend, Box(panel, "svg"), $"{panel.GetProperty("id")} legend");

            // Points sit at their length on a linear scale: 20 and 21 are close, 21 and 50 far apart.
            var x = panel.GetProperty("points").EnumerateArray()
                .Where(p => p.GetProperty("metric").GetString() == "first-answer-accuracy")
                .ToDictionary(p => p.GetProperty("length").GetInt32(), p => (Box(p, "box").Left + Box(p, "box").Right) / 2);
            var perStep = (x[95] - x[5]) / 90;
            foreach (var length in Lengths)
            {
                Assert.InRange(x[length] - x[5], ((length - 5) * perStep) - 1, ((length - 5) * perStep) + 1);
            }
        }

        foreach (var panel in panels.Where(p => p.GetProperty("id").GetString()!.StartsWith("plot-modes-", StringComparison.Ordinal)))
        {
            // One stacked bar per length, in length order, none touching its neighbour (20 and 21 included).
            var bars = panel.GetProperty("bars").EnumerateArray()
                .GroupBy(b => b.GetProperty("length").GetInt32())
                .Select(g => (Length: g.Key, Box: Box(g.First(), "box")))
                .OrderBy(b => b.Length)
                .ToList();
            Assert.Equal(Lengths, bars.Select(b => b.Length));
            for (var i = 1; i < bars.Count; i++)
            {
                Assert.True(bars[i - 1].Box.Right <= bars[i].Box.Left, $"{panel.GetProperty("id")}: the bars at {bars[i - 1].Length} and {bars[i].Length} steps overlap");
            }

            Assert.True(bars[0].Box.Right - bars[0].Box.Left > 10, $"{panel.GetProperty("id")}: the lone bar at 5 steps is a sliver");
        }

        // The failure-mode key is outside every panel.
        var modeLegend = Box(Assert.Single(measured.GetProperty("legends").EnumerateArray()));
        Assert.All(panels, p => Assert.False(modeLegend.Intersects(Box(p, "svg")), $"the mode legend overlaps {p.GetProperty("id")}"));

        // Only colour-blind-safe colours draw data; no script reaches the report.
        var colours = Colour().Matches(html).Concat(Swatch().Matches(html)).Select(c => c.Groups[1].Value).Distinct().ToList();
        Assert.True(colours.Count >= 4, string.Join(", ", colours));
        Assert.All(colours, c => Assert.Contains(c, SafeColours));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
    }

    private static void AssertInside(Rect inner, Rect outer, string what) =>
        Assert.True(inner.Left >= outer.Left && inner.Right <= outer.Right && inner.Top >= outer.Top && inner.Bottom <= outer.Bottom, $"{what} {inner} is not inside {outer}");

    private static Rect Box(JsonElement element, string property) => Box(element.GetProperty(property));

    private static Rect Box(JsonElement box)
    {
        var v = box.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new Rect(v[0], v[1], v[2], v[3]);
    }

    // The fill and stroke colours of data marks and legend swatches.
    [GeneratedRegex("class=\"(?:series|band|point|bar)\"[^>]*?(?:fill|stroke)=\"(#[0-9A-Fa-f]{6})\"")]
    private static partial Regex Colour();

    [GeneratedRegex("class=\"swatch\" style=\"background:(#[0-9A-Fa-f]{6})\"")]
    private static partial Regex Swatch();

    private readonly record struct Rect(double Left, double Top, double Right, double Bottom)
    {
        public bool Intersects(Rect other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }
}
