using System.Globalization;
using System.Text;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Testing;

/// <summary>Renders a verdict as an aligned text table (step | expected | claimed | verdict | line) plus its evidence.</summary>
public static class TraceTable
{
    /// <summary>Longest claimed text shown in a cell; model output is untrusted and may be huge.</summary>
    public const int MaxCellChars = 40;

    private static readonly string[] Header = ["step", "expected", "claimed", "verdict", "line"];

    public static string Render(TraceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var rows = new List<string[]> { Header };
        foreach (var step in verdict.Steps)
        {
            rows.Add(
            [
                step.StepName,
                step.Expected.ToString(),
                step.Claim?.Value?.Text ?? (step.Claim is null ? "-" : "(no value)"),
                step.Verdict.ToString(),
                step.Claim is null ? "" : step.Claim.Line.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        foreach (var extra in verdict.ExtraClaims)
        {
            rows.Add([extra.Name ?? "?", "", extra.Value?.Text ?? "", "Extra", extra.Line.ToString(CultureInfo.InvariantCulture)]);
        }

        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => Cell(r[c]).Length)).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append("| ").AppendJoin(" | ", rows[r].Select((cell, c) => Cell(cell).PadRight(widths[c]))).Append(" |\n");
            if (r == 0)
            {
                text.Append("|-").AppendJoin("-|-", widths.Select(w => new string('-', w))).Append("-|\n");
            }
        }

        return text.ToString();
    }

    public static string RenderEvidence(TraceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var text = new StringBuilder();
        foreach (var evidence in verdict.Evidence)
        {
            text.Append("- ").Append(evidence.Mode).Append(": ").Append(Cell(evidence.Explanation, 200));
            if (evidence.Lines.Count > 0)
            {
                text.Append(" (reply lines ").AppendJoin(", ", evidence.Lines).Append(')');
            }

            if (evidence.StepIndices.Count > 0)
            {
                text.Append(" (steps ").AppendJoin(", ", evidence.StepIndices.Select(i => i < verdict.Steps.Count ? verdict.Steps[i].StepName : $"#{i + 1}")).Append(')');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Everything a failing assertion shows about one result.</summary>
    public static string Describe(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append("case ").Append(result.CaseId).Append(" on ").Append(result.Model).Append('\n');
        if (result.Verdict is not { } verdict)
        {
            return text.Append("no verdict: ").Append(result.Error ?? "unknown").Append('\n').ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"mode {verdict.PrimaryMode} (all: {string.Join(", ", verdict.Modes)}); step faithfulness {verdict.StepFaithfulness:0.###}; ")
            .Append(CultureInfo.InvariantCulture, $"first answer {(verdict.FirstAnswerCorrect ? "right" : "wrong")}, final answer {(verdict.FinalAnswerCorrect ? "right" : "wrong")}; ")
            .Append("first divergence ").Append(verdict.FirstDivergence is { } d && d < verdict.Steps.Count ? verdict.Steps[d].StepName : "none").Append('\n')
            .Append(Render(verdict));
        var evidence = RenderEvidence(verdict);
        if (evidence.Length > 0)
        {
            text.Append("evidence:\n").Append(evidence);
        }

        return text.ToString();
    }

    private static string Cell(string text, int max = MaxCellChars)
    {
        var flat = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
