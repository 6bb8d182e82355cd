using System.Globalization;
using System.Text;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// One sampled trace, opened: why it was picked, inputs, verdict, evidence, the steps around its first divergence and
/// the reply. Everything that came from the model is HTML-escaped and cut to a bounded size, so a drill-down is a few
/// kilobytes whatever the trace; the whole trace is one command away (<c>faithful report --case</c>).
/// </summary>
internal static class TraceDrillDown
{
    public static void Append(StringBuilder html, SampledCase sampled, int index, HtmlReportOptions options)
    {
        var result = sampled.Result;
        var verdict = result.Verdict;
        var mode = verdict?.PrimaryMode.ToString() ?? "Error";
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"trace\" id=\"case-{index}\" data-mode=\"{mode}\" data-pick=\"{sampled.Pick}\"><summary>");
        html.Append(CultureInfo.InvariantCulture, $"<code>{Svg.Escape(result.Model)}</code> · {Svg.Escape(result.ProgramId)} ({Svg.Escape(string.Join(", ", result.Inputs))}) #{result.Sample} · <span class=\"mode\">{mode}</span>");
        html.Append("</summary>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Case <code>{Svg.Escape(result.CaseId)}</code>, {result.Length} steps, look-back {result.LookBackDepth}; the {sampled.Pick} pick of {Svg.Escape(sampled.Group)}.</p>");
        if (verdict is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">No verdict: {Svg.Escape(Formats.Text.Bound(result.Error, 2000))}</p>");
        }
        else
        {
            AppendVerdict(html, verdict, sampled, options);
        }

        if (result.Metadata is { Count: > 0 } metadata)
        {
            html.Append("<p class=\"metadata\">");
            foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Take(20))
            {
                html.Append(CultureInfo.InvariantCulture, $"<code>{Svg.Escape(Formats.Text.Bound(key, 100))}</code> = {Svg.Escape(Formats.Text.Bound(value, 300))}; ");
            }

            html.Append("</p>");
        }

        Protocols.ProtocolDrillDown.Append(html, result, options);
        html.Append(CultureInfo.InvariantCulture, $"<pre class=\"reply\">{Svg.Escape(Formats.Text.Bound(result.Reply, options.MaxReplyChars, Formats.ReplyText.OriginalLength(result)))}</pre>");
        html.Append("</details>\n");
    }

    private static void AppendVerdict(StringBuilder html, TraceVerdict verdict, SampledCase sampled, HtmlReportOptions options)
    {
        var divergence = verdict.FirstDivergence is { } d ? (d + 1).ToString(CultureInfo.InvariantCulture) : "none";
        html.Append(CultureInfo.InvariantCulture, $"<p>First answer {(verdict.FirstAnswerCorrect ? "right" : "wrong")}, final answer {(verdict.FinalAnswerCorrect ? "right" : "wrong")}, step faithfulness {Formats.Text.Percent(verdict.StepFaithfulness)}, completeness {Formats.Text.Percent(verdict.Completeness)}, first divergence at step {divergence}. Modes: {string.Join(", ", verdict.Modes)}.</p>");
        if (verdict.Evidence.Count > 0)
        {
            html.Append("<ul class=\"evidence\">");
            foreach (var evidence in verdict.Evidence.Take(20))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><b>{evidence.Mode}</b>: {Svg.Escape(Formats.Text.Bound(evidence.Explanation, 500))}</li>");
            }

            html.Append("</ul>");
        }

        if (sampled.Problem is { } problem)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"no-steps\">The per-step table could not be recovered: {Svg.Escape(Formats.Text.Bound(problem, 500))}</p>");
            return;
        }

        AppendSteps(html, verdict, options);
        if (verdict.ExtraClaims.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Extra lines that match no step ({verdict.ExtraClaims.Count}):</p><ul class=\"extra\">");
            foreach (var claim in verdict.ExtraClaims.Take(20))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>line {claim.Line}: <code>{Svg.Escape(Formats.Text.Bound(claim.Text, 200))}</code></li>");
            }

            html.Append("</ul>");
        }
    }

    // The steps shown: a window of MaxStepsShown starting a little before the first divergence, so the place the trace
    // goes wrong is always on the page.
    private static void AppendSteps(StringBuilder html, TraceVerdict verdict, HtmlReportOptions options)
    {
        var count = verdict.Steps.Count;
        var shown = Math.Min(count, options.MaxStepsShown);
        var first = verdict.FirstDivergence is { } d ? Math.Clamp(d - (shown / 5), 0, count - shown) : 0;
        html.Append("<table class=\"steps\"><thead><tr><th>#</th><th>Step</th><th>Expected</th><th>Claimed</th><th>Reply line</th><th>Verdict</th></tr></thead><tbody>");
        if (first > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"6\">… steps 1–{first} not shown</td></tr>");
        }

        foreach (var step in verdict.Steps.Skip(first).Take(shown))
        {
            var claim = step.Claim;
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"v-{step.Verdict}\"><td>{step.StepIndex + 1}</td><td>{Svg.Escape(step.StepName)}</td><td>{Svg.Escape(step.Expected.ToString())}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Svg.Escape(Formats.Text.Bound(claim?.Value?.Text, 60))}</td><td>{(claim is null ? "" : claim.Line.ToString(CultureInfo.InvariantCulture))}</td><td>{step.Verdict}</td></tr>");
        }

        if (first + shown < count)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"6\">… {count - first - shown} more steps</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
