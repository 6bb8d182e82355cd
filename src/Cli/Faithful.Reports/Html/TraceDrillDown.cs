using System.Globalization;
using System.Text;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// One trace, opened: inputs, verdict, evidence, the step-by-step alignment and the reply.
/// Everything that came from the model is HTML-escaped and cut to a bounded size.
/// </summary>
internal static class TraceDrillDown
{
    public static void Append(StringBuilder html, CaseResult result, int index, HtmlReportOptions options)
    {
        var verdict = result.Verdict;
        var mode = verdict?.PrimaryMode.ToString() ?? "Error";
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"trace\" id=\"case-{index}\" data-mode=\"{mode}\"><summary>");
        html.Append(CultureInfo.InvariantCulture, $"<code>{Svg.Escape(result.Model)}</code> · {Svg.Escape(result.ProgramId)} ({Svg.Escape(string.Join(", ", result.Inputs))}) #{result.Sample} · <span class=\"mode\">{mode}</span>");
        html.Append("</summary>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Case <code>{Svg.Escape(result.CaseId)}</code>, {result.Length} steps, look-back {result.LookBackDepth}.</p>");
        if (verdict is null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">No verdict: {Svg.Escape(Formats.Text.Bound(result.Error, 2000))}</p>");
        }
        else
        {
            AppendVerdict(html, verdict, options);
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

    private static void AppendVerdict(StringBuilder html, TraceVerdict verdict, HtmlReportOptions options)
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

        html.Append("<table class=\"steps\"><thead><tr><th>#</th><th>Step</th><th>Expected</th><th>Claimed</th><th>Reply line</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var step in verdict.Steps.Take(options.MaxStepsShown))
        {
            var claim = step.Claim;
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"v-{step.Verdict}\"><td>{step.StepIndex + 1}</td><td>{Svg.Escape(step.StepName)}</td><td>{Svg.Escape(step.Expected.ToString())}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Svg.Escape(Formats.Text.Bound(claim?.Value?.Text, 60))}</td><td>{(claim is null ? "" : claim.Line.ToString(CultureInfo.InvariantCulture))}</td><td>{step.Verdict}</td></tr>");
        }

        if (verdict.Steps.Count > options.MaxStepsShown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"6\">… {verdict.Steps.Count - options.MaxStepsShown} more steps</td></tr>");
        }

        html.Append("</tbody></table>");
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
}
