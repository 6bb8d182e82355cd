using System.Globalization;
using System.Text;
using Faithful.Reports.Formats;
using Faithful.Reports.Sanitising;

namespace Faithful.Reports.Agreement;

/// <summary>Writes an <see cref="AgreementReport"/> as Markdown: readable in a terminal, a PR comment or a closing note.</summary>
public static class AgreementMarkdown
{
    /// <summary>Characters of a reply shown beside a disagreement.</summary>
    public const int ExcerptChars = 300;

    /// <param name="input">The comparison.</param>
    /// <param name="readingsName">What was read (a run file's or second labels file's name), shown as written.</param>
    /// <param name="labelsName">The human labels' name.</param>
    /// <param name="requirements">When given, a section saying which requirements hold.</param>
    /// <param name="maxDisagreements">Disagreements listed.</param>
    public static string Write(AgreementInput input, string readingsName, string labelsName, AgreementRequirements? requirements = null, int maxDisagreements = 100)
    {
        ArgumentNullException.ThrowIfNull(input);
        var report = input.Report;
        var s = new StringBuilder();
        s.Append("# Agreement: ").Append(MarkdownText.CodeSpan(readingsName)).Append(" against ").AppendLine(MarkdownText.CodeSpan(labelsName)).AppendLine();
        s.AppendLine(F($"{report.Total} replies compared; label sets identical on {report.ExactMatch} ({Text.Percent(Share(report.ExactMatch, report.Total))}); macro-F1 {Num(report.MacroF1)}; mean kappa {Num(report.MeanKappa)}."));
        if (input.Unmatched.Count > 0 || input.Unscored.Count > 0)
        {
            s.AppendLine(F($"Not compared: {input.Unmatched.Count} labelled id(s) absent from the readings, {input.Unscored.Count} without a verdict."));
        }

        s.AppendLine();
        LabelTable(s, report);
        AnswerLines(s, report);
        ModelTable(s, report);
        LabelByModelTable(s, report);
        ConfusionTable(s, report);
        if (requirements is not null)
        {
            var failures = requirements.Failures(report);
            s.AppendLine("## Requirements").AppendLine();
            s.AppendLine(failures.Count == 0 ? "All requirements hold." : string.Join(Environment.NewLine, failures.Select(f => "- FAILED " + f)));
            s.AppendLine();
        }

        Disagreements(s, report, maxDisagreements);
        return s.ToString();
    }

    private static void LabelTable(StringBuilder s, AgreementReport report)
    {
        s.AppendLine("## Per label").AppendLine();
        s.AppendLine("| label | gold | tested | TP | FP | FN | precision | recall | F1 | kappa |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, a) in report.ByLabel)
        {
            s.AppendLine(F($"| {label} | {a.Gold} | {a.Tested} | {a.TruePositives} | {a.FalsePositives} | {a.FalseNegatives} | {Num(a.Precision)} | {Num(a.Recall)} | {Num(a.F1)} | {Num(a.Kappa)} |"));
        }

        s.AppendLine();
    }

    private static void AnswerLines(StringBuilder s, AgreementReport report)
    {
        var r = report.RightForWrongReasons;
        s.AppendLine("## Answers and right for the wrong reasons").AppendLine();
        s.AppendLine(F($"- first answer (right / wrong / missing) agrees on {report.FirstAnswer.Agreed} of {report.FirstAnswer.Total}: {Num(report.FirstAnswer.Rate)} (kappa {Num(report.FirstAnswer.Kappa)})"));
        s.AppendLine(F($"- last answer agrees on {report.LastAnswer.Agreed} of {report.LastAnswer.Total}: {Num(report.LastAnswer.Rate)} (kappa {Num(report.LastAnswer.Kappa)})"));
        s.AppendLine(F($"- right for the wrong reasons: {r.Gold} by the labels, {r.TruePositives} caught (recall {Num(r.Recall)}), {r.Tested} flagged (precision {Num(r.Precision)})"));
        s.AppendLine();
    }

    private static void ModelTable(StringBuilder s, AgreementReport report)
    {
        s.AppendLine("## Per model").AppendLine();
        s.AppendLine("| model | replies | identical labels | macro-F1 | correct recall | first answer | right-for-wrong-reasons recall |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (model, m) in report.ByModel())
        {
            s.AppendLine(F($"| {MarkdownText.CodeSpan(model)} | {m.Total} | {Text.Percent(Share(m.ExactMatch, m.Total))} | {Num(m.MacroF1)} | {Num(m.ByLabel[LabelNames.Correct].Recall)} ({m.ByLabel[LabelNames.Correct].Gold}) | {Num(m.FirstAnswer.Rate)} | {Num(m.RightForWrongReasons.Recall)} ({m.RightForWrongReasons.Gold}) |"));
        }

        s.AppendLine();
    }

    private static void LabelByModelTable(StringBuilder s, AgreementReport report)
    {
        var models = report.ByModel();
        s.AppendLine("## F1 per label and model (gold cases in brackets)").AppendLine();
        s.Append("| label |").AppendJoin("", models.Select(m => " " + MarkdownText.CodeSpan(m.Model) + " |")).AppendLine();
        s.Append("|---|").AppendJoin("", models.Select(_ => "---:|")).AppendLine();
        foreach (var label in LabelNames.All)
        {
            s.Append("| ").Append(label).Append(" |");
            foreach (var (_, m) in models)
            {
                var a = m.ByLabel[label];
                s.Append(a.Gold + a.Tested == 0 ? " - |" : F($" {Num(a.F1)} ({a.Gold}) |"));
            }

            s.AppendLine();
        }

        s.AppendLine();
    }

    private static void ConfusionTable(StringBuilder s, AgreementReport report)
    {
        s.AppendLine("## Confusion (rows: labels, columns: instrument; a reply counts in every pair it carries)").AppendLine();
        s.Append("| gold \\ tested |").AppendJoin("", LabelNames.All.Select(l => " " + l + " |")).AppendLine();
        s.Append("|---|").AppendJoin("", LabelNames.All.Select(_ => "---:|")).AppendLine();
        foreach (var gold in LabelNames.All)
        {
            s.Append("| ").Append(gold).Append(" |").AppendJoin("", LabelNames.All.Select(t => F($" {report.Confusion[gold][t]} |"))).AppendLine();
        }

        s.AppendLine();
    }

    private static void Disagreements(StringBuilder s, AgreementReport report, int max)
    {
        var all = report.Disagreements.ToList();
        s.AppendLine(F($"## Disagreements ({all.Count}{(all.Count > max ? F($", first {max} shown") : "")})")).AppendLine();
        if (all.Count == 0)
        {
            return;
        }

        s.AppendLine("| id | model | length | labels | instrument | answers (first/last) | labeller's evidence | instrument's evidence | reply excerpt |");
        s.AppendLine("|---|---|---:|---|---|---|---|---|---|");
        foreach (var c in all.Take(max))
        {
            var answers = F($"{c.Gold.FirstAnswer}/{c.Gold.LastAnswer} vs {c.Tested.FirstAnswer}/{c.Tested.LastAnswer}");
            s.AppendLine(F($"| {MarkdownText.CodeSpan(c.Id)} | {MarkdownText.CodeSpan(c.Model)} | {c.Length} | {Labels(c.Gold)} | {Labels(c.Tested)} | {answers} | {Cell(c.Gold.Evidence, 240)} | {Cell(c.Tested.Evidence, 240)} | {Cell(c.Reply, ExcerptChars)} |"));
        }

        s.AppendLine();
    }

    private static string Labels(Reading reading) => string.Join(", ", LabelNames.All.Where(reading.Labels.Contains));

    private static string Cell(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length <= max ? text : text[..max] + "…";
        return MarkdownText.CodeSpan(cut.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ⏎ ", StringComparison.Ordinal));
    }

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;

    private static string Num(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
