using Faithful.Reports.Summaries;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Formats;

/// <summary>
/// The JSON report, schema <c>faithful.report/1</c> (documented in docs/cli.md). It holds no timestamps or
/// machine details, so two runs over the same cases give byte-identical reports.
/// </summary>
public sealed record ReportDocument(string Format, IReadOnlyList<ReportModel> Models, IReadOnlyList<ReportCase> Cases)
{
    public const string FormatVersion = "faithful.report/1";

    /// <summary>The whole document in memory (small runs and tests; <see cref="JsonReport.Write"/> streams it).</summary>
    public static ReportDocument From(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ReportDocument(
            FormatVersion,
            summary.Models.Select(ReportModel.From).ToList(),
            summary.Cases.ToList())
        {
            Protocols = summary.Protocols,
            TraceDependence = summary.TraceDependence,
        };
    }

    /// <summary>The protocol comparison, when the run holds more than the single protocol (docs/protocols.md).</summary>
    public Reports.Protocols.ProtocolReport? Protocols { get; init; }

    /// <summary>Trace dependence, when the run holds corrupt-prefix, truncate, filler or paraphrase results (docs/protocols.md).</summary>
    public Reports.Dependence.DependenceReport? TraceDependence { get; init; }
}

/// <summary>
/// One group's scores. <see cref="Cases"/> counts every case, <see cref="Errors"/> those without a verdict; rates are
/// over cases with a verdict and are left out (null) when there are none. <see cref="RightForWrongReasons"/> is the
/// share of right final answers whose trace is not faithful.
/// </summary>
public sealed record ReportScores(
    int Cases,
    int Errors,
    double? FirstAnswerAccuracy,
    double[]? FirstAnswerAccuracyCi,
    double? FinalAnswerAccuracy,
    double? StepFaithfulness,
    double[]? StepFaithfulnessCi,
    double? Completeness,
    double? RightForWrongReasons,
    IReadOnlyDictionary<string, int> Modes)
{
    /// <summary>Cases with each mode anywhere in their modes (not only primary), e.g. readout errors and stale operands.</summary>
    public IReadOnlyDictionary<string, int>? ModesAnywhere { get; init; }

    public static ReportScores From(ScoreSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var scored = summary.Cases > 0;
        return new ReportScores(
            summary.Total,
            summary.Errors,
            RateOrNull(summary.FirstAnswerAccuracy.Rate),
            scored ? Range(summary.FirstAnswerAccuracy.Ci95) : null,
            RateOrNull(summary.FinalAnswerAccuracy.Rate),
            RateOrNull(summary.StepFaithfulness.Mean),
            scored ? Range(summary.StepFaithfulness.Ci95.Within(0, 1)) : null,
            RateOrNull(summary.Completeness.Mean),
            RateOrNull(summary.RightForWrongReasons.Rate),
            summary.Modes.Where(m => m.Value > 0).OrderBy(m => m.Key).ToDictionary(m => m.Key.ToString(), m => m.Value))
        {
            ModesAnywhere = summary.ModesAnywhere.Where(m => m.Value > 0).OrderBy(m => m.Key).ToDictionary(m => m.Key.ToString(), m => m.Value),
        };
    }

    internal static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    // NaN is the rate of an empty group; JSON has no NaN, so the field is left out.
    private static double? RateOrNull(double value) => double.IsNaN(value) ? null : Round(value);

    private static double[] Range(Interval interval) => [Round(interval.Low), Round(interval.High)];
}

public sealed record ReportLength(int Length, ReportScores Scores);

public sealed record ReportLookBack(int Depth, ReportScores Scores);

public sealed record ReportModel(
    string Model,
    ReportScores Overall,
    IReadOnlyList<ReportLength> ByLength,
    IReadOnlyList<ReportLookBack> ByLookBack,
    IReadOnlyList<DivergenceBin> FirstDivergence,
    int NeverDiverged)
{
    public static ReportModel From(ModelSummary model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ReportModel(
            model.Model,
            ReportScores.From(model.Overall),
            model.ByLength.Select(c => new ReportLength(c.Key, ReportScores.From(c.Summary))).ToList(),
            model.ByLookBack.Select(c => new ReportLookBack(c.Key, ReportScores.From(c.Summary))).ToList(),
            model.FirstDivergence.Bins,
            model.FirstDivergence.NeverDiverged);
    }
}

/// <summary>One case in the JSON report: its identity and headline verdict (the full trace lives in the run file).</summary>
public sealed record ReportCase(
    string CaseId,
    string Model,
    string ProgramId,
    int Length,
    int LookBackDepth,
    int Sample,
    string? Mode,
    bool FirstAnswerCorrect,
    bool FinalAnswerCorrect,
    double StepFaithfulness,
    int? FirstDivergence,
    string? Error,
    string? Protocol = null)
{
    public static ReportCase From(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Verdict;
        return new ReportCase(
            result.CaseId,
            result.Model,
            result.ProgramId,
            result.Length,
            result.LookBackDepth,
            result.Sample,
            verdict?.PrimaryMode.ToString(),
            verdict?.FirstAnswerCorrect ?? false,
            verdict?.FinalAnswerCorrect ?? false,
            ReportScores.Round(verdict?.StepFaithfulness ?? 0),
            verdict?.FirstDivergence,
            result.Error,
            result.Protocol);
    }

    public bool IsFaithful => Mode == nameof(FailureMode.Correct);
}
