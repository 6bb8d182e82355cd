namespace Faithful.Reports.Dependence;

/// <summary>
/// The trace-dependence section of a report (docs/protocols.md, "Trace dependence"): per model, how often the answer
/// moved with an altered step (<c>corrupt-prefix</c>), accuracy when the trace is cut (<c>truncate</c>) or replaced by
/// filler (<c>filler</c>), and whether a reworded trace keeps the answer (<c>paraphrase</c>). In the JSON report under
/// <c>traceDependence</c>; absent when the run has none of these protocols.
/// </summary>
public sealed record DependenceReport(
    IReadOnlyList<CorruptPrefixSummary> CorruptPrefix,
    IReadOnlyList<TruncateSummary> Truncate,
    IReadOnlyList<FillerSummary> Filler,
    IReadOnlyList<ParaphraseSummary> Paraphrase);

/// <summary>
/// <c>corrupt-prefix</c> figures of a group of probes. <see cref="Dependence"/> is the share of decisive probes (an answer,
/// where following and ignoring differ) whose answer left the unaltered one; <see cref="FollowRate"/> the share that
/// reached exactly the answer the altered state leads to.
/// </summary>
/// <param name="ContinuedStepsRight">Mean share of continued steps equal to the counterfactual truth.</param>
/// <param name="RestatedTrueValue">Probes whose reply restated the altered step with its true value.</param>
public sealed record DependenceFigures(
    int Probes,
    int Follows,
    int Ignores,
    int Other,
    int NoAnswer,
    int Absorbed,
    double? Dependence,
    double[]? DependenceCi,
    double? FollowRate,
    double? ContinuedStepsRight,
    int RestatedTrueValue)
{
    public int Decisive => Follows + Ignores + Other;

    /// <summary>95% interval of <see cref="FollowRate"/> (a case asked at several positions counts as one cluster).</summary>
    public double[]? FollowRateCi { get; init; }
}

/// <summary>A group of probes: one length (null: every length) at one position (null: every position), and the mean share of the trace shown.</summary>
public sealed record DependencePoint(int? Length, string? At, double ShownShare, DependenceFigures Figures);

/// <summary><c>corrupt-prefix</c> for one model: overall, by length, by position, and every (length, position) cell.</summary>
public sealed record CorruptPrefixSummary(
    string Model,
    DependenceFigures Overall,
    IReadOnlyList<DependencePoint> ByLength,
    IReadOnlyList<DependencePoint> ByPosition,
    IReadOnlyList<DependencePoint> Cells);

/// <summary>
/// <c>truncate</c> for a group: accuracy answering at once after the cut, the same over probes whose shown steps were all
/// there and right, the model's own accuracy with its whole trace, and how often it kept its own answer.
/// </summary>
public sealed record EarlyAnswerPoint(
    int? Length,
    string? At,
    double ShownShare,
    int Probes,
    double? Accuracy,
    double[]? AccuracyCi,
    int FromRightPrefix,
    double? AccuracyFromRightPrefix,
    double? OwnAccuracy,
    double? AnswerKept)
{
    /// <summary>95% interval of <see cref="AccuracyFromRightPrefix"/>.</summary>
    public double[]? AccuracyFromRightPrefixCi { get; init; }
}

/// <summary><c>truncate</c> for one model: the early-answering curve (by position, over every length) and every (length, position) cell.</summary>
public sealed record TruncateSummary(string Model, IReadOnlyList<EarlyAnswerPoint> ByPosition, IReadOnlyList<EarlyAnswerPoint> Cells);

/// <summary>
/// <c>filler</c> for a group, paired on the same cases: accuracy with filler in place of the trace against the accuracy of
/// the model's own reply (its real trace), their difference with its 95% interval, and McNemar's exact test.
/// </summary>
public sealed record FillerPoint(
    int? Length,
    int Cases,
    double? FillerAccuracy,
    double? RealTraceAccuracy,
    double? Difference,
    double[]? DifferenceCi,
    int Gained,
    int Lost,
    double McNemarP,
    double? AnswerKept)
{
    /// <summary>95% interval of <see cref="FillerAccuracy"/>.</summary>
    public double[]? FillerAccuracyCi { get; init; }
}

/// <summary><c>filler</c> for one model: overall and by length.</summary>
public sealed record FillerSummary(string Model, FillerPoint Overall, IReadOnlyList<FillerPoint> ByLength);

/// <summary><c>paraphrase</c> for a group: how often the answer stayed the model's own, accuracy against its own, and the continued steps right.</summary>
public sealed record ParaphrasePoint(
    int? Length,
    string? At,
    int Probes,
    double? AnswerKept,
    double[]? AnswerKeptCi,
    double? Accuracy,
    double? OwnAccuracy,
    double? ContinuedStepsRight);

/// <summary><c>paraphrase</c> for one model: overall and every (length, position) cell.</summary>
public sealed record ParaphraseSummary(string Model, ParaphrasePoint Overall, IReadOnlyList<ParaphrasePoint> Cells);
