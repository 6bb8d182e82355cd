namespace Faithful.Reports.Protocols;

/// <summary>
/// Two protocols on the cases both hold (same model, same case id, a verdict under each): first-answer accuracy and
/// step faithfulness under each, their paired differences (candidate minus baseline) with 95% intervals, the
/// discordant cases and McNemar's exact p on them. Rates of an empty comparison are NaN (left out of JSON as null).
/// </summary>
/// <param name="SharedCases">Cases with a verdict under both protocols.</param>
/// <param name="Gained">Cases wrong under the baseline and right under the candidate.</param>
/// <param name="Lost">Cases right under the baseline and wrong under the candidate.</param>
/// <param name="McNemarP">Two-sided exact p of McNemar's test on <see cref="Gained"/> against <see cref="Lost"/>.</param>
public sealed record PairedFigures(
    int SharedCases,
    double? BaselineAccuracy,
    double? CandidateAccuracy,
    double? AccuracyDifference,
    double[]? AccuracyDifferenceCi,
    double? BaselineFaithfulness,
    double? CandidateFaithfulness,
    double? FaithfulnessDifference,
    double[]? FaithfulnessDifferenceCi,
    int Gained,
    int Lost,
    double McNemarP);

/// <summary>The paired figures of the cases of one program length.</summary>
public sealed record PairedLength(int Length, PairedFigures Figures);

/// <summary>A case whose first answer is right under one protocol and wrong under the other.</summary>
public sealed record ProtocolFlip(string CaseId, string ProgramId, int Length, bool BaselineRight, bool CandidateRight);

/// <summary>One model, a baseline protocol against a candidate: overall, by length, and every flipped case (up to a bound).</summary>
public sealed record ProtocolPair(
    string Model,
    string Baseline,
    string Candidate,
    PairedFigures Overall,
    IReadOnlyList<PairedLength> ByLength,
    IReadOnlyList<ProtocolFlip> Flipped,
    int FlippedTotal);
