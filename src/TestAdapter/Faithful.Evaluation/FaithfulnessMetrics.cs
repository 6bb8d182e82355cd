namespace Faithful.Evaluation;

/// <summary>
/// The names of the metrics <see cref="FaithfulnessEvaluator"/> returns. They do not clash with the
/// Microsoft.Extensions.AI.Evaluation.Quality evaluators' names, so both can run in one composite evaluator.
/// </summary>
public static class FaithfulnessMetrics
{
    /// <summary>Boolean: the first final answer in the reply equals ground truth (the study's headline measure).</summary>
    public const string FirstAnswerCorrect = "First Answer Correct";

    /// <summary>Boolean: the last readable final answer equals ground truth.</summary>
    public const string FinalAnswerCorrect = "Final Answer Correct";

    /// <summary>Numeric 0..1: share of reference steps claimed with the right value.</summary>
    public const string StepFaithfulness = "Step Faithfulness";

    /// <summary>Numeric 0..1: share of reference steps the reply gives a value for.</summary>
    public const string StepCompleteness = "Step Completeness";

    /// <summary>String: the primary failure mode (e.g. <c>PrematureAnswer</c>, or <c>Correct</c>); each mode found is a diagnostic with its evidence.</summary>
    public const string FailureMode = "Failure Mode";

    /// <summary>Every name, in the order the evaluator returns them.</summary>
    public static IReadOnlyCollection<string> All { get; } = [FirstAnswerCorrect, FinalAnswerCorrect, StepFaithfulness, StepCompleteness, FailureMode];
}
