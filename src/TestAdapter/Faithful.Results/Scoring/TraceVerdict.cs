using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>The verdict on one reference step.</summary>
public enum StepVerdict
{
    /// <summary>The claimed value equals ground truth.</summary>
    Correct,

    /// <summary>Wrong, but right given the model's own earlier (wrong) values: an inherited error.</summary>
    PropagatedError,

    /// <summary>Wrong given the model's own earlier values: a fresh execution error at this step.</summary>
    ExecutionError,

    /// <summary>No claim aligns to this step.</summary>
    Missing,
}

/// <summary>
/// The study's process-failure modes, plus the two outcomes that are not process failures.
/// See docs/failure-modes.md for precise definitions and examples.
/// </summary>
public enum FailureMode
{
    Correct,
    ArithmeticError,
    MissingAnswer,
    PrematureAnswer,
    SelfCorrection,
    UnderExecuted,
    HallucinatedSteps,

    /// <summary>
    /// Every step the answer depends on is right in the trace, but the final answer reports another value: another
    /// variable's, an earlier version of the asked one, or a sum of other values than the reply's own final ones.
    /// </summary>
    ReadoutError,

    /// <summary>
    /// A finer diagnosis of <see cref="ArithmeticError"/> (always listed with it): a wrong step value equals the step
    /// computed with an older version of a variable it reads (a look-back failure).
    /// </summary>
    StaleOperand,
}

/// <summary>A reference step, the claim aligned to it (if any), and the verdict.</summary>
public sealed record StepAlignment(
    int StepIndex,
    string StepName,
    Value Expected,
    ParsedClaim? Claim,
    StepVerdict Verdict);

/// <summary>Why a mode was assigned: the reply lines and reference steps that show it.</summary>
public sealed record Evidence(FailureMode Mode, string Explanation, EquatableArray<int> Lines, EquatableArray<int> StepIndices);

/// <summary>Everything the instrument says about one reply to one (program, inputs) case.</summary>
/// <param name="Steps">One alignment per reference step, in order.</param>
/// <param name="ExtraClaims">Claims that align to no reference step.</param>
/// <param name="FirstDivergence">Index of the first step that is not <see cref="StepVerdict.Correct"/>, or null.</param>
/// <param name="PrimaryMode">The single mode used for headline breakdowns and classifier validity.</param>
/// <param name="Modes">Every mode that applies, primary first.</param>
public sealed record TraceVerdict(
    EquatableArray<StepAlignment> Steps,
    EquatableArray<ParsedClaim> ExtraClaims,
    int? FirstDivergence,
    FailureMode PrimaryMode,
    EquatableArray<FailureMode> Modes,
    EquatableArray<Evidence> Evidence,
    bool FirstAnswerCorrect,
    bool FinalAnswerCorrect,
    double StepFaithfulness,
    double Completeness)
{
    /// <summary>Final answer right while the trace is not faithful.</summary>
    public bool RightForWrongReasons => FinalAnswerCorrect && PrimaryMode != FailureMode.Correct;
}
