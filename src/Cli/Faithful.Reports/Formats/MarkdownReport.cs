using System.Globalization;
using System.Text;
using Faithful.Reports.Sanitising;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Formats;

/// <summary>
/// A Markdown summary for a GitHub step summary (<c>$GITHUB_STEP_SUMMARY</c>) or a PR comment:
/// one table per model by program length, and the failure modes. Model-controlled names appear only as code
/// (<see cref="MarkdownText"/>); replies never appear in it.
/// </summary>
public static class MarkdownReport
{
    public static string Render(RunSummary summary, string? gateText = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var md = new StringBuilder();
        md.Append("## Faithfulness report\n\n");
        if (summary.Models.Count == 0)
        {
            md.Append("No results.\n");
            return md.ToString();
        }

        md.Append("| Model | Cases | First-answer accuracy | Final-answer accuracy | Step faithfulness | Right for wrong reasons | Readout errors | Stale operands | Errors |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var model in summary.Models)
        {
            var o = model.Overall;
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.CodeSpan(model.Model)} | {o.Total} | {Text.Percent(o.FirstAnswerAccuracy.Rate)} | {Text.Percent(o.FinalAnswerAccuracy.Rate)} | {Text.Percent(o.StepFaithfulness.Mean)} | {Text.Percent(o.RightForWrongReasons.Rate)} | {o.ModesAnywhere.GetValueOrDefault(FailureMode.ReadoutError)} | {o.ModesAnywhere.GetValueOrDefault(FailureMode.StaleOperand)} | {o.Errors} |\n");
        }

        foreach (var model in summary.Models)
        {
            AppendModel(md, model);
        }

        if (summary.Protocols is { } protocols)
        {
            md.Append(Protocols.ProtocolMarkdown.Render(protocols));
        }

        if (summary.TraceDependence is { } dependence)
        {
            md.Append(Dependence.DependenceMarkdown.Render(dependence));
        }

        if (!string.IsNullOrWhiteSpace(gateText))
        {
            md.Append("\n### Gate\n\n").Append(gateText.TrimEnd()).Append('\n');
        }

        return md.ToString();
    }

    private static void AppendModel(StringBuilder md, ModelSummary model)
    {
        var modes = Enum.GetValues<FailureMode>();
        md.Append(CultureInfo.InvariantCulture, $"\n<details><summary><code>{MarkdownText.InHtml(model.Model)}</code> by program length</summary>\n\n");
        md.Append("| Length | Cases | First-answer accuracy (95% CI) | Step faithfulness |");
        // Lengths are grouped (powers of two) when a model has many, so the table stays short whatever the suite.
        foreach (var mode in modes)
        {
            md.Append(' ').Append(mode).Append(" |");
        }

        md.Append("\n|---:|---:|---:|---:|");
        md.Append(string.Concat(Enumerable.Repeat("---:|", modes.Length))).Append('\n');
        foreach (var group in model.LengthGroups)
        {
            var s = group.Summary;
            md.Append(CultureInfo.InvariantCulture, $"| {group.Label} | {s.Total} | {Text.Percent(s.FirstAnswerAccuracy.Rate)} ({Text.Percent(s.FirstAnswerAccuracy.Ci95.Low)}–{Text.Percent(s.FirstAnswerAccuracy.Ci95.High)}) | {Text.Percent(s.StepFaithfulness.Mean)} |");
            foreach (var mode in modes)
            {
                md.Append(' ').Append(s.Modes.GetValueOrDefault(mode)).Append(" |");
            }

            md.Append('\n');
        }

        md.Append("\n</details>\n");
    }
}
