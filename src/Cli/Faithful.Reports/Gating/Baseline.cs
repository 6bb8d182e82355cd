using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;

namespace Faithful.Reports.Gating;

/// <summary>
/// A blessed run, <c>faithful.baseline/1</c>: each case's correctness (for the paired comparison) and each model's
/// scores by program length (which the IDE analyzer can read as an AdditionalFile). No timestamps, stable order.
/// </summary>
public sealed record Baseline(string Format, CaseCorrectness Correctness, IReadOnlyList<BaselineModel> Models, IReadOnlyList<BaselineCase> Cases)
{
    public const string FormatVersion = "faithful.baseline/1";

    /// <summary>The baseline in memory (small runs and tests; <see cref="Write"/> streams it).</summary>
    public static Baseline From(RunSummary summary, CaseCorrectness correctness)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new Baseline(FormatVersion, correctness, ModelsOf(summary), CasesOf(summary, correctness).ToList());
    }

    /// <summary>Writes the baseline of <paramref name="summary"/> as a stream: its cases are read from disk one at a time.</summary>
    public static void Write(Stream output, RunSummary summary, CaseCorrectness correctness)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = FaithfulJson.Indented.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatVersion);
            writer.WritePropertyName("correctness");
            JsonSerializer.Serialize(writer, correctness, FaithfulJson.Indented);
            writer.WritePropertyName("models");
            JsonSerializer.Serialize(writer, ModelsOf(summary), FaithfulJson.Indented);
            writer.WriteStartArray("cases");
            foreach (var baselineCase in CasesOf(summary, correctness))
            {
                JsonSerializer.Serialize(writer, baselineCase, FaithfulJson.Indented);
                if (writer.BytesPending > 1 << 16)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static List<BaselineModel> ModelsOf(RunSummary summary) => summary.Models.Select(m => new BaselineModel(
        m.Model,
        m.ByLength.Select(c => new BaselineLength(
            c.Key,
            c.Summary.Cases,
            RateOrZero(c.Summary.FirstAnswerAccuracy.Rate),
            RateOrZero(c.Summary.StepFaithfulness.Mean))).ToList())).ToList();

    private static IEnumerable<BaselineCase> CasesOf(RunSummary summary, CaseCorrectness correctness) =>
        summary.Cases.Select(c => new BaselineCase(c.CaseId, c.Model, c.ProgramId, c.Length, correctness.IsRight(c), c.Protocol));

    // A length where every request failed has no rate (NaN); the baseline format writes 0 there, as it always has.
    private static double RateOrZero(double rate) => double.IsNaN(rate) ? 0 : Math.Round(rate, 6);

    public string ToJson() => JsonSerializer.Serialize(this, FaithfulJson.Indented).ReplaceLineEndings("\n") + "\n";

    /// <exception cref="FormatException">Not a <c>faithful.baseline/1</c> document; the message says what to do.</exception>
    public static Baseline Parse(string json, string fileName)
    {
        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<Baseline>(json, FaithfulJson.Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{fileName}({e.LineNumber + 1}): the baseline is not valid JSON: {e.Message} Write a new one with 'faithful bless'.", e);
        }

        if (baseline is not { Format: FormatVersion } || baseline.Cases is null || baseline.Models is null)
        {
            throw new FormatException($"{fileName}: not a {FormatVersion} baseline (format '{baseline?.Format}'). Write one with 'faithful bless <run.jsonl> --output {fileName}'.");
        }

        return baseline;
    }
}

public sealed record BaselineModel(string Model, IReadOnlyList<BaselineLength> ByLength);

public sealed record BaselineLength(int Length, int Cases, double FirstAnswerAccuracy, double StepFaithfulness);

/// <param name="Protocol">The protocol the case ran under; null for <c>single</c> (and in baselines written before protocols).</param>
public sealed record BaselineCase(string CaseId, string Model, string ProgramId, int Length, bool Correct, string? Protocol = null);
