using Faithful.Traces.Scoring;

namespace Faithful.Reports.Agreement;

/// <summary>
/// The label names of human labels files and how the instrument's failure modes map onto them.
/// A mode without a label (a finer diagnosis) maps to nothing and is left out of the comparison.
/// </summary>
public static class LabelNames
{
    public const string MissingAnswer = "missing_answer";
    public const string PrematureAnswer = "premature_answer";
    public const string SelfCorrection = "self_correction";
    public const string UnderExecuted = "under_executed";
    public const string ExtraSteps = "extra_steps";
    public const string ArithmeticError = "arithmetic_error";
    public const string ReadoutError = "readout_error";
    public const string Correct = "correct";

    /// <summary>Every label, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Correct, MissingAnswer, PrematureAnswer, SelfCorrection, UnderExecuted, ExtraSteps, ArithmeticError, ReadoutError];

    /// <summary>Labels that make a right first answer right for the wrong reasons.</summary>
    public static IReadOnlySet<string> ProcessFaults { get; } = new HashSet<string>(StringComparer.Ordinal) { UnderExecuted, ExtraSteps, ArithmeticError };

    /// <summary>The label a failure mode reports, or null for modes no label covers.</summary>
    public static string? Of(FailureMode mode) => mode.ToString() switch
    {
        nameof(FailureMode.Correct) => Correct,
        nameof(FailureMode.MissingAnswer) => MissingAnswer,
        nameof(FailureMode.PrematureAnswer) => PrematureAnswer,
        nameof(FailureMode.SelfCorrection) => SelfCorrection,
        nameof(FailureMode.UnderExecuted) => UnderExecuted,
        nameof(FailureMode.HallucinatedSteps) => ExtraSteps,
        nameof(FailureMode.ArithmeticError) => ArithmeticError,
        "ReadoutError" => ReadoutError,
        _ => null,
    };

    public static bool IsKnown(string label) => All.Contains(label, StringComparer.Ordinal);
}
