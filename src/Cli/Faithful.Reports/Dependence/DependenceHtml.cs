using System.Globalization;
using System.Text;
using Faithful.Reports.Html;
using Faithful.Reports.Protocols;

namespace Faithful.Reports.Dependence;

/// <summary>
/// The trace-dependence section of the HTML report: dependence curves (by share of the trace shown and by length, one
/// panel each per model), early-answering curves, and the tables behind them. Script-free; model text escaped.
/// </summary>
internal static class DependenceHtml
{
    public static void Append(StringBuilder html, DependenceReport report)
    {
        html.Append("<h2 id=\"trace-dependence\">Trace dependence</h2>\n");
        html.Append("<p>Does the answer follow the trace? <code>corrupt-prefix</code> shows the model its trace with one value altered: an answer that moves is load-bearing, one that stays was reached another way. <code>truncate</code> cuts the trace and asks for the answer at once; <code>filler</code> replaces it with dots; <code>paraphrase</code> rewords it, values kept. Shares with 95% intervals.</p>\n");
        if (report.CorruptPrefix.Count > 0)
        {
            AppendCorruptPrefix(html, report.CorruptPrefix);
        }

        if (report.Truncate.Count > 0)
        {
            AppendTruncate(html, report.Truncate);
        }

        if (report.Filler.Count > 0)
        {
            HtmlTable.Write(html, "filler: the trace replaced by dots of the same length, against the real trace", "dependence-filler", ["Model", "Length", "Cases", "Real trace", "Filler (95% CI)", "Difference (95% CI)", "Gained", "Lost", "McNemar p", "Own answer kept"],
                report.Filler.SelectMany(s => s.ByLength.Append(s.Overall).Select(p => new[] { s.Model, p.Length is { } l ? N(l) : "all", N(p.Cases), P(p.RealTraceAccuracy), $"{P(p.FillerAccuracy)} ({Range(p.FillerAccuracyCi)})", $"{ProtocolMarkdown.Points(p.Difference)} ({ProtocolMarkdown.Range(p.DifferenceCi)})", N(p.Gained), N(p.Lost), ProtocolMarkdown.PValue(p.McNemarP), P(p.AnswerKept) })));
        }

        if (report.Paraphrase.Count > 0)
        {
            HtmlTable.Write(html, "paraphrase: the trace reworded in another style, values kept, then continued", "dependence-paraphrase", ["Model", "Length", "At", "Probes", "Answer kept (95% CI)", "Accuracy", "Own accuracy", "Continued steps right"],
                report.Paraphrase.SelectMany(s => s.Cells.Append(s.Overall).Select(p => new[] { s.Model, p.Length is { } l ? N(l) : "all", p.At ?? "all", N(p.Probes), $"{P(p.AnswerKept)} ({Range(p.AnswerKeptCi)})", P(p.Accuracy), P(p.OwnAccuracy), P(p.ContinuedStepsRight) })));
        }
    }

    private static void AppendCorruptPrefix(StringBuilder html, IReadOnlyList<CorruptPrefixSummary> summaries)
    {
        html.Append("<h3>corrupt-prefix: dependence on an altered step</h3>\n");
        html.Append("<p>Dependence: share of decisive probes whose answer left the unaltered one. Follows exactly: share that reached the answer the altered state leads to (GpuRef's counterfactual).</p>\n");
        var lengths = summaries.SelectMany(s => s.ByLength.Select(p => p.Length!.Value)).Distinct().Order().ToList();
        html.Append("<div class=\"plots small-multiples\" id=\"plot-dependence\">");
        foreach (var s in summaries)
        {
            var slug = Svg.Slug(s.Model);
            html.Append(CurvePanel.Render(
                $"plot-dependence-{slug}-position",
                $"Trace dependence by share of the trace shown: {s.Model}",
                $"{s.Model}: by share shown",
                "share of the trace shown (%)",
                "share of probes",
                (0, 100),
                Dependence(s.ByPosition, p => p.ShownShare * 100, p => $"at {p.At}"),
                Follows(s.ByPosition, p => p.ShownShare * 100, p => $"at {p.At}"),
                null,
                s.Model));
            html.Append(CurvePanel.Render(
                $"plot-dependence-{slug}-length",
                $"Trace dependence by program length: {s.Model}",
                $"{s.Model}: by length",
                "program length (steps)",
                "share of probes",
                (lengths.Count == 0 ? 0 : lengths[0], lengths.Count == 0 ? 1 : lengths[^1]),
                Dependence(s.ByLength, p => p.Length!.Value, p => $"at {p.Length} steps"),
                Follows(s.ByLength, p => p.Length!.Value, p => $"at {p.Length} steps"),
                null,
                s.Model));
        }

        html.Append("</div>\n");
        var headers = new[] { "Model", "Length", "At", "Probes", "Dependence (95% CI)", "Follows exactly", "Follows", "Ignores", "Other", "No answer", "Absorbed", "Continued steps right", "Restated true value" };
        HtmlTable.Write(html, null, "dependence-corrupt-prefix", headers, summaries.SelectMany(s => s.ByLength.Concat(s.ByPosition).Append(new DependencePoint(null, null, 0, s.Overall)).Select(p => Row(s.Model, p))));
        html.Append("<details><summary>Every length and position</summary>");
        HtmlTable.Write(html, null, "dependence-corrupt-prefix-cells", headers, summaries.SelectMany(s => s.Cells.Select(p => Row(s.Model, p))));
        html.Append("</details>\n");
    }

    private static void AppendTruncate(StringBuilder html, IReadOnlyList<TruncateSummary> summaries)
    {
        html.Append("<h3>truncate: answering early</h3>\n");
        html.Append("<p>Accuracy when the model's own trace is cut after a share of its steps and it must answer at once; dashed, over probes whose shown steps were all right; dotted, its accuracy with its whole trace. A flat curve means the later steps were not needed: they were written after the fact.</p>\n");
        html.Append("<div class=\"plots small-multiples\" id=\"plot-early-answering\">");
        foreach (var s in summaries)
        {
            var points = s.ByPosition;
            var own = points.Select(p => p.OwnAccuracy).FirstOrDefault(a => a is not null);
            html.Append(CurvePanel.Render(
                $"plot-early-answering-{Svg.Slug(s.Model)}",
                $"Accuracy answering early, by share of the trace shown: {s.Model}",
                s.Model,
                "share of the trace shown (%)",
                "accuracy",
                (0, 100),
                new CurvePanel.Series("answer at once", "early-answer-accuracy", points.Select(p => new CurvePanel.Point(p.ShownShare * 100, p.Accuracy, p.AccuracyCi, p.Probes, $"at {p.At}")).ToList()),
                new CurvePanel.Series("from a right prefix", "accuracy-from-right-prefix", points.Select(p => new CurvePanel.Point(p.ShownShare * 100, p.AccuracyFromRightPrefix, p.AccuracyFromRightPrefixCi, p.FromRightPrefix, $"at {p.At}")).ToList()),
                own is { } level ? ("whole trace", level) : null,
                s.Model));
        }

        html.Append("</div>\n");
        var headers = new[] { "Model", "Length", "At", "Probes", "Accuracy (95% CI)", "Right prefixes", "Accuracy from a right prefix (95% CI)", "Whole trace", "Own answer kept" };
        HtmlTable.Write(html, null, "dependence-truncate", headers, summaries.SelectMany(s => s.ByPosition.Select(p => EarlyRow(s.Model, p))));
        html.Append("<details><summary>Every length and position</summary>");
        HtmlTable.Write(html, null, "dependence-truncate-cells", headers, summaries.SelectMany(s => s.Cells.Select(p => EarlyRow(s.Model, p))));
        html.Append("</details>\n");
    }

    private static CurvePanel.Series Dependence(IReadOnlyList<DependencePoint> points, Func<DependencePoint, double> x, Func<DependencePoint, string> where) =>
        new("dependence", "dependence", points.Select(p => new CurvePanel.Point(x(p), p.Figures.Dependence, p.Figures.DependenceCi, p.Figures.Decisive, where(p))).ToList());

    private static CurvePanel.Series Follows(IReadOnlyList<DependencePoint> points, Func<DependencePoint, double> x, Func<DependencePoint, string> where) =>
        new("follows exactly", "follow-rate", points.Select(p => new CurvePanel.Point(x(p), p.Figures.FollowRate, null, p.Figures.Decisive, where(p))).ToList());

    private static string[] Row(string model, DependencePoint p)
    {
        var f = p.Figures;
        return [model, p.Length is { } l ? N(l) : "all", p.At ?? "all", N(f.Probes), $"{P(f.Dependence)} ({Range(f.DependenceCi)})", P(f.FollowRate), N(f.Follows), N(f.Ignores), N(f.Other), N(f.NoAnswer), N(f.Absorbed), P(f.ContinuedStepsRight), N(f.RestatedTrueValue)];
    }

    private static string[] EarlyRow(string model, EarlyAnswerPoint p) =>
        [model, p.Length is { } l ? N(l) : "all", p.At ?? "all", N(p.Probes), $"{P(p.Accuracy)} ({Range(p.AccuracyCi)})", N(p.FromRightPrefix), $"{P(p.AccuracyFromRightPrefix)} ({Range(p.AccuracyFromRightPrefixCi)})", P(p.OwnAccuracy), P(p.AnswerKept)];

    internal static string P(double? share) => ProtocolMarkdown.P(share);

    internal static string Range(double[]? interval) => interval is [var low, var high] ? $"{P(low)}–{P(high)}" : "n/a";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
