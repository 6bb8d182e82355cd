namespace Faithful.Reports.Protocols;

/// <summary>
/// <c>checkpointed</c> at one length: how far the model got unaided (mean share of the program before the first failed
/// check, and the share of cases that needed no correction) against accuracy with the checks.
/// </summary>
public sealed record CheckpointLength(int Length, int Cases, double UnaidedReach, double UnaidedSuccess, double? AccuracyWithChecks, double MeanCorrections, int Stopped);

/// <summary>
/// <c>gradual</c> at one length: accuracy, the share of cases that went wrong at some turn, and where the first wrong
/// turn fell (its mean position as a share of the conversation, and how many fell in each fifth of it).
/// </summary>
public sealed record GradualLength(int Length, int Cases, double? Accuracy, double WentWrong, double? MeanFirstWrongTurnShare, IReadOnlyList<int> FirstWrongByFifth);

/// <summary><c>plan-execute</c> at one length: plans read, plans with the program's structure and computation, executed accuracy.</summary>
public sealed record PlanLength(int Length, int Cases, double PlanRead, double SameStructure, double SameComputation, double? ExecutedAccuracy);

/// <summary>
/// <c>explain-then-execute</c> at one length: rationale correctness (every step's reads right; and the mean share of steps),
/// execution faithfulness (trace classified Correct), and how often the two agree.
/// </summary>
public sealed record RationaleLength(int Length, int Cases, double RationaleCorrect, double RationaleStepShare, double ExecutionFaithful, double Agreement);

/// <summary>One case's rationale next to its execution.</summary>
public sealed record RationaleCase(string CaseId, int Length, double RationaleShare, bool RationaleCorrect, bool ExecutionFaithful, bool FirstAnswerCorrect);

/// <summary>
/// <c>explain-then-execute</c> for one model: by length, overall agreement with Cohen's kappa and the 2×2 counts
/// (rationale right/wrong × execution faithful/not), and the cases side by side.
/// </summary>
public sealed record RationaleSummary(
    string Model,
    IReadOnlyList<RationaleLength> ByLength,
    double RationaleCorrect,
    double ExecutionFaithful,
    double Agreement,
    double? Kappa,
    int BothRight,
    int RationaleOnly,
    int ExecutionOnly,
    int BothWrong,
    IReadOnlyList<RationaleCase> Cases);

/// <summary>
/// One metamorphic variant against the original: accuracy, McNemar on the shared cases (surface novelty: does the
/// variant alone fail?), and the conditional failure rates that say whether failures follow the program's structure
/// (a variant fails far more often when the original failed too).
/// </summary>
public sealed record VariantFigures(
    string Variant,
    int Cases,
    double? Accuracy,
    double? AccuracyDifference,
    double McNemarP,
    double? WrongWhenOriginalWrong,
    double? WrongWhenOriginalRight,
    double? Phi);

/// <summary>
/// <c>metamorphic</c> for one model: the variants against the original and consistency (share of cases whose variants
/// all agree on first-answer correctness, over cases with every variant scored).
/// </summary>
public sealed record MetamorphicSummary(string Model, int Cases, double? Consistency, double? ConsistencyIfIndependent, IReadOnlyList<VariantFigures> Variants);

/// <summary>The protocol sections of one model.</summary>
public sealed record CheckpointSummary(string Model, IReadOnlyList<CheckpointLength> ByLength);

public sealed record GradualSummary(string Model, IReadOnlyList<GradualLength> ByLength);

public sealed record PlanSummary(string Model, IReadOnlyList<PlanLength> ByLength);
