using System.Globalization;

namespace Faithful.Reports.Agreement;

/// <summary>
/// The bar an instrument must clear against human labels before its verdicts are trusted
/// (defaults: the figures issue 12 asks of Faithful's reader on real replies).
/// </summary>
/// <param name="MinF1">Least F1 for every label with at least <paramref name="MinSupport"/> gold cases.</param>
/// <param name="MinSupport">Gold cases a label needs before its F1 is held to the bar.</param>
/// <param name="MinCorrectRecall">Least recall of <c>correct</c>: a faithful trace is almost never called unfaithful.</param>
/// <param name="MinFirstAnswerAgreement">Least share of replies whose first answer both readers judge alike (right, wrong or missing).</param>
/// <param name="MinRightForWrongReasonsRecall">Least share of human right-for-the-wrong-reasons cases the instrument also flags.</param>
public sealed record AgreementRequirements(
    double MinF1 = 0.90,
    int MinSupport = 10,
    double MinCorrectRecall = 0.95,
    double MinFirstAnswerAgreement = 0.99,
    double MinRightForWrongReasonsRecall = 0.90)
{
    public static AgreementRequirements Default { get; } = new();

    /// <summary>Every requirement the agreement misses, as one sentence each; empty when all hold.</summary>
    public IReadOnlyList<string> Failures(AgreementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        foreach (var (label, agreement) in report.ByLabel)
        {
            if (agreement.Gold >= MinSupport && !(agreement.F1 >= MinF1))
            {
                failures.Add(F($"{label}: F1 {agreement.F1:0.000} < {MinF1:0.00} over {agreement.Gold} gold cases"));
            }
        }

        if (report.ByLabel.TryGetValue(LabelNames.Correct, out var correct) && correct.Gold > 0 && !(correct.Recall >= MinCorrectRecall))
        {
            failures.Add(F($"correct: recall {correct.Recall:0.000} < {MinCorrectRecall:0.00} ({correct.FalseNegatives} faithful replies called unfaithful)"));
        }

        if (report.Total > 0 && !(report.FirstAnswer.Rate >= MinFirstAnswerAgreement))
        {
            failures.Add(F($"first answer: agreement {report.FirstAnswer.Rate:0.000} < {MinFirstAnswerAgreement:0.00}"));
        }

        if (report.RightForWrongReasons.Gold > 0 && !(report.RightForWrongReasons.Recall >= MinRightForWrongReasonsRecall))
        {
            failures.Add(F($"right for the wrong reasons: recall {report.RightForWrongReasons.Recall:0.000} < {MinRightForWrongReasonsRecall:0.00}"));
        }

        return failures;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
