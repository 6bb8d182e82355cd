using System.Globalization;
using System.Text;
using Faithful.Clients.Caching;
using Faithful.Traces.Results;

namespace Faithful.Testing;

/// <summary>
/// The text form of a scored case that snapshots store: a header of <c>key: value</c> lines, the aligned step table,
/// the evidence, then the reply. <see cref="SnapshotDiff"/> reads the same sections back.
/// </summary>
public static class SnapshotRenderer
{
    public const string StepsHeading = "## steps";
    public const string EvidenceHeading = "## evidence";
    public const string ReplyHeading = "## reply";

    public static string Render(CaseResult result, string? modelId = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        Line(text, "case", result.CaseId);
        Line(text, "model", result.Model);
        if (modelId is not null)
        {
            Line(text, "model id", modelId);
        }

        if (result.Tokens is { } tokens)
        {
            Line(text, "tokens", string.Create(CultureInfo.InvariantCulture, $"{tokens.Input} in, {tokens.Output} out"));
        }

        // Whether a reply was replayed says how it was obtained, not how the model behaved: a recorded run and its replay snapshot alike.
        foreach (var (key, value) in (result.Metadata ?? new Dictionary<string, string>()).Where(p => p.Key != RecordReplayChatClient.ReplayedProperty).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line(text, "meta " + key, value);
        }

        if (result.Verdict is not { } verdict)
        {
            Line(text, "error", result.Error ?? "no verdict");
        }
        else
        {
            Line(text, "mode", verdict.PrimaryMode.ToString());
            Line(text, "modes", string.Join(", ", verdict.Modes));
            Line(text, "first answer", verdict.FirstAnswerCorrect ? "right" : "wrong");
            Line(text, "final answer", verdict.FinalAnswerCorrect ? "right" : "wrong");
            Line(text, "step faithfulness", verdict.StepFaithfulness.ToString("0.###", CultureInfo.InvariantCulture));
            Line(text, "completeness", verdict.Completeness.ToString("0.###", CultureInfo.InvariantCulture));
            Line(text, "first divergence", verdict.FirstDivergence is { } d && d < verdict.Steps.Count ? verdict.Steps[d].StepName : "none");
            text.Append('\n').Append(StepsHeading).Append('\n').Append(TraceTable.Render(verdict));
            var evidence = TraceTable.RenderEvidence(verdict);
            if (evidence.Length > 0)
            {
                text.Append('\n').Append(EvidenceHeading).Append('\n').Append(evidence);
            }
        }

        text.Append('\n').Append(ReplyHeading).Append('\n').Append(result.Reply.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        return text.ToString();
    }

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append(key).Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
}
