using System.Globalization;
using System.Text;
using Faithful.Reports.RunFiles.Recovery;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Formats;

/// <summary>
/// One result in full, as plain text for a terminal (<c>faithful report --case &lt;id&gt;</c>): identity, verdict, evidence,
/// every step (expected, claimed, reply line, verdict), the extra claims and the reply. Model text has its control
/// characters removed; nothing is cut, since the reader asked for this one case.
/// </summary>
public static class CaseDetailText
{
    public static string Render(RecoveredCase recovered)
    {
        ArgumentNullException.ThrowIfNull(recovered);
        var result = recovered.Result;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"case {Clean(result.CaseId)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  model {Clean(result.Model)}, program {Clean(result.ProgramId)} ({result.Length} steps, look-back {result.LookBackDepth}), sample {result.Sample}\n");
        text.Append(CultureInfo.InvariantCulture, $"  inputs ({string.Join(", ", result.Inputs)}); {Path.GetFileName(recovered.File)} line {recovered.Line}\n");
        foreach (var (key, value) in (result.Metadata ?? new Dictionary<string, string>()).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Clean(key)} = {Clean(value)}\n");
        }

        if (result.Verdict is not { } verdict)
        {
            text.Append(CultureInfo.InvariantCulture, $"no verdict: {Clean(result.Error ?? "")}\n");
        }
        else
        {
            var divergence = verdict.FirstDivergence is { } d ? (d + 1).ToString(CultureInfo.InvariantCulture) : "none";
            text.Append(CultureInfo.InvariantCulture, $"verdict {verdict.PrimaryMode} (modes {string.Join(", ", verdict.Modes)}); first answer {(verdict.FirstAnswerCorrect ? "right" : "wrong")}, final answer {(verdict.FinalAnswerCorrect ? "right" : "wrong")}; step faithfulness {Text.Percent(verdict.StepFaithfulness)}, completeness {Text.Percent(verdict.Completeness)}; first divergence at step {divergence}\n");
            foreach (var evidence in verdict.Evidence)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {evidence.Mode}: {Clean(evidence.Explanation)}\n");
            }

            AppendSteps(text, recovered, verdict);
        }

        text.Append("reply:\n").Append(Clean(result.Reply)).Append('\n');
        return text.ToString();
    }

    private static void AppendSteps(StringBuilder text, RecoveredCase recovered, TraceVerdict verdict)
    {
        if (recovered.Problem is { } problem)
        {
            text.Append(CultureInfo.InvariantCulture, $"per-step table not recovered: {Clean(problem)}\n");
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"{"#",6}  {"step",-12} {"expected",20} {"claimed",20} {"line",5}  verdict\n");
        foreach (var step in verdict.Steps)
        {
            var claimed = step.Claim is null ? "" : step.Claim.Value?.Text ?? "(no value)";
            var line = step.Claim is null ? "" : step.Claim.Line.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{step.StepIndex + 1,6}  {Clean(step.StepName),-12} {step.Expected,20} {Clean(claimed.Length > 20 ? claimed[..19] + "…" : claimed),20} {line,5}  {step.Verdict}\n");
        }

        if (verdict.ExtraClaims.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"extra claims that match no step ({verdict.ExtraClaims.Count} kept):\n");
            foreach (var claim in verdict.ExtraClaims)
            {
                text.Append(CultureInfo.InvariantCulture, $"  line {claim.Line}: {Clean(claim.Text)}\n");
            }
        }
    }

    private static string Clean(string text) => Sanitising.TerminalText.Sanitize(text);
}
