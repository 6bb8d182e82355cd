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

    public static Baseline From(RunSummary summary, CaseCorrectness correctness)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var models = summary.Models.Select(m => new BaselineModel(
            m.Model,
            m.ByLength.Select(c => new BaselineLength(
                c.Key,
                c.Summary.Cases,
                RateOrZero(c.Summary.FirstAnswerAccuracy.Rate),
                RateOrZero(c.Summary.StepFaithfulness.Mean))).ToList())).ToList();
        var cases = summary.Results
            .Select(r => new BaselineCase(r.CaseId, r.Model, r.ProgramId, r.Length, correctness.IsRight(r), r.Protocol))
            .ToList();
        return new Baseline(FormatVersion, correctness, models, cases);
    }

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
