using System.Text.Json;

namespace Faithful.Reports.Agreement;

/// <summary>Writes an <see cref="AgreementReport"/> as <c>faithful.agreement/1</c> JSON (figures and disagreement ids, no reply text).</summary>
public static class AgreementJson
{
    public const string FormatVersion = "faithful.agreement/1";

    public static void Write(Stream stream, AgreementInput input, AgreementRequirements? requirements = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(input);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", FormatVersion);
        WriteFigures(w, input.Report);
        w.WriteStartArray("byModel");
        foreach (var (model, report) in input.Report.ByModel())
        {
            w.WriteStartObject();
            w.WriteString("model", model);
            WriteFigures(w, report);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("disagreements");
        foreach (var c in input.Report.Disagreements)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("model", c.Model);
            WriteLabels(w, "labels", c.Gold);
            WriteLabels(w, "tested", c.Tested);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "unmatched", input.Unmatched);
        WriteStrings(w, "unscored", input.Unscored);
        if (requirements is not null)
        {
            WriteStrings(w, "requirementFailures", requirements.Failures(input.Report));
        }

        w.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter w, AgreementReport report)
    {
        w.WriteNumber("replies", report.Total);
        w.WriteNumber("identicalLabels", report.ExactMatch);
        Number(w, "macroF1", report.MacroF1);
        Number(w, "meanKappa", report.MeanKappa);
        w.WriteStartObject("labels");
        foreach (var (label, a) in report.ByLabel)
        {
            w.WriteStartObject(label);
            w.WriteNumber("gold", a.Gold);
            w.WriteNumber("tested", a.Tested);
            w.WriteNumber("truePositives", a.TruePositives);
            w.WriteNumber("falsePositives", a.FalsePositives);
            w.WriteNumber("falseNegatives", a.FalseNegatives);
            Number(w, "precision", a.Precision);
            Number(w, "recall", a.Recall);
            Number(w, "f1", a.F1);
            Number(w, "kappa", a.Kappa);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        Number(w, "firstAnswerAgreement", report.FirstAnswer.Rate);
        Number(w, "lastAnswerAgreement", report.LastAnswer.Rate);
        w.WriteNumber("rightForWrongReasonsGold", report.RightForWrongReasons.Gold);
        Number(w, "rightForWrongReasonsRecall", report.RightForWrongReasons.Recall);
        Number(w, "rightForWrongReasonsPrecision", report.RightForWrongReasons.Precision);
    }

    private static void WriteLabels(Utf8JsonWriter w, string name, Reading reading)
    {
        w.WriteStartObject(name);
        WriteStrings(w, "labels", LabelNames.All.Where(reading.Labels.Contains).ToList());
        w.WriteString("firstAnswer", reading.FirstAnswer.ToString());
        w.WriteString("lastAnswer", reading.LastAnswer.ToString());
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    // NaN (a rate over nothing) is written as null.
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsNaN(value))
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, Math.Round(value, 6));
        }
    }
}
