using System.Globalization;
using System.Text;
using Faithful.Reports.Formats;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// A self-contained HTML page: summary table, the headline curve, failure modes by length and the first-divergence
/// histogram over every trace, and a drill-down into a bounded sample per model and length group (the worst and a few at
/// random; <see cref="Summaries.DrillDownSampler"/>), so the page stays a few megabytes whatever the suite's size. No
/// scripts at all; a Content-Security-Policy forbids them too, so a model reply that smuggles markup past the escaping
/// still cannot run.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:2px 8px;text-align:right}
        th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
        .plots{display:flex;flex-wrap:wrap;gap:.75rem}.plot{border:1px solid #eee;background:#fff;max-width:100%;height:auto}
        .mode-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}.swatch{display:inline-block;width:12px;height:12px;margin-right:4px}
        pre.reply{white-space:pre-wrap;background:#f8f8f8;padding:.5rem;max-height:30rem;overflow:auto}
        tr.v-Correct td:last-child{color:#009E73}tr.v-ExecutionError td:last-child{color:#D55E00}
        tr.v-PropagatedError td:last-child{color:#B07800}tr.v-Missing td:last-child{color:#777}
        details.trace{border-top:1px solid #eee;padding:.25rem 0}
        """;

    public static string Render(RunSummary summary, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        options ??= new HtmlReportOptions();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Svg.Escape(options.Title)}</title><style>{Style}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Svg.Escape(options.Title)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"totals\">{summary.TraceCount} traces, {summary.Models.Count} model(s).</p>\n");
        AppendSummaryTable(html, summary);
        if (summary.TraceCount > 0)
        {
            // Small multiples: one titled panel per model, on shared axes, in every section.
            var lengths = summary.Models.SelectMany(m => m.PlotCells().Where(c => c.Summary.Cases > 0).Select(c => c.Key)).Distinct().Order().ToList();
            html.Append("<h2>Accuracy and step faithfulness by program length</h2>").Append(HeadlineChart.Render(summary, lengths)).Append('\n');
            html.Append("<h2>Failure modes by program length</h2>").Append(ModeBreakdownChart.Legend()).Append("<div class=\"plots small-multiples\" id=\"plot-modes\">");
            for (var m = 0; m < summary.Models.Count; m++)
            {
                html.Append(ModeBreakdownChart.Render(summary.Models[m], m, lengths));
            }

            html.Append("</div>\n<h2>First divergent step</h2><div class=\"plots small-multiples\" id=\"plot-divergence\">");
            for (var m = 0; m < summary.Models.Count; m++)
            {
                html.Append(DivergenceChart.Render(summary.Models[m], m));
            }

            html.Append("</div>\n");
        }

        if (summary.Protocols is { } protocols)
        {
            Protocols.ProtocolHtml.Append(html, protocols);
        }

        if (summary.TraceDependence is { } dependence)
        {
            Dependence.DependenceHtml.Append(html, dependence);
        }

        AppendTraces(html, summary, options);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendSummaryTable(StringBuilder html, RunSummary summary)
    {
        html.Append("<table id=\"summary\"><thead><tr><th>Model</th><th>Traces</th><th>First-answer accuracy (95% CI)</th><th>Final-answer accuracy</th><th>Step faithfulness</th><th>Right for wrong reasons</th><th>Readout errors</th><th>Stale operands</th><th>Errors</th></tr></thead><tbody>");
        foreach (var model in summary.Models)
        {
            var o = model.Overall;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Svg.Escape(model.Model)}</code></td><td>{o.Total}</td><td>{Text.Percent(o.FirstAnswerAccuracy.Rate)} ({Text.Percent(o.FirstAnswerAccuracy.Ci95.Low)}–{Text.Percent(o.FirstAnswerAccuracy.Ci95.High)})</td><td>{Text.Percent(o.FinalAnswerAccuracy.Rate)}</td><td>{Text.Percent(o.StepFaithfulness.Mean)}</td><td>{Text.Percent(o.RightForWrongReasons.Rate)}</td><td>{o.ModesAnywhere.GetValueOrDefault(FailureMode.ReadoutError)}</td><td>{o.ModesAnywhere.GetValueOrDefault(FailureMode.StaleOperand)}</td><td>{o.Errors}</td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendTraces(StringBuilder html, RunSummary summary, HtmlReportOptions options)
    {
        html.Append("<h2>Traces</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"sample-note\">{summary.DrillDown.Count} of {summary.TraceCount} traces, picked per model and length range (1, 2–3, 4–7, …): the worst (failed requests, then the lowest step faithfulness) and a few at random. Every trace is in the run file; <code>faithful report &lt;run file&gt; --case &lt;case id&gt;</code> shows any of them in full.</p>\n");
        html.Append("<table id=\"cases\"><thead><tr><th>Trace</th><th>Model</th><th>Length</th><th>Pick</th><th>Mode</th><th>First answer</th><th>Step faithfulness</th></tr></thead><tbody>");
        for (var i = 0; i < summary.DrillDown.Count; i++)
        {
            var sampled = summary.DrillDown[i];
            var result = sampled.Result;
            var name = string.Create(CultureInfo.InvariantCulture, $"{result.ProgramId}({string.Join(", ", result.Inputs)}) #{result.Sample}");
            var verdict = result.Verdict;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#case-{i}\">{Svg.Escape(name)}</a></td><td><code>{Svg.Escape(sampled.Series)}</code></td><td>{result.Length}</td><td>{sampled.Pick}</td><td>{verdict?.PrimaryMode.ToString() ?? "Error"}</td><td>{(verdict is null ? "" : verdict.FirstAnswerCorrect ? "right" : "wrong")}</td><td>{(verdict is null ? "" : Text.Percent(verdict.StepFaithfulness))}</td></tr>");
        }

        html.Append("</tbody></table>\n<div id=\"traces\">\n");
        for (var i = 0; i < summary.DrillDown.Count; i++)
        {
            TraceDrillDown.Append(html, summary.DrillDown[i], i, options);
        }

        html.Append("</div>\n");
    }
}
