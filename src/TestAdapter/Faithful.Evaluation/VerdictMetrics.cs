using System.Globalization;
using Faithful.Model;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI.Evaluation;

namespace Faithful.Evaluation;

/// <summary>A <see cref="TraceVerdict"/> as Microsoft.Extensions.AI.Evaluation metrics, with interpretations and evidence.</summary>
public static class VerdictMetrics
{
    /// <summary>The metrics for <paramref name="verdict"/>, scored against <paramref name="context"/>.</summary>
    public static EvaluationResult From(TraceVerdict verdict, FaithfulnessEvaluatorContext context, FaithfulnessEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(context);
        options ??= FaithfulnessEvaluatorOptions.Default;
        var program = context.GroundTruth.Program;

        var firstAnswer = Answer(FaithfulnessMetrics.FirstAnswerCorrect, verdict.FirstAnswerCorrect, "the first final answer");
        var finalAnswer = Answer(FaithfulnessMetrics.FinalAnswerCorrect, verdict.FinalAnswerCorrect, "the last final answer");
        var faithfulness = Share(FaithfulnessMetrics.StepFaithfulness, verdict.StepFaithfulness, options.MinStepFaithfulness,
            $"{verdict.Steps.Count(s => s.Verdict == StepVerdict.Correct)} of {verdict.Steps.Count} steps claimed with the right value");
        var completeness = Share(FaithfulnessMetrics.StepCompleteness, verdict.Completeness, options.MinStepCompleteness,
            $"{verdict.Steps.Count(s => s.Verdict != StepVerdict.Missing)} of {verdict.Steps.Count} steps given a value");
        if (verdict.FirstDivergence is { } divergence && divergence < program.Steps.Count)
        {
            var step = verdict.Steps[divergence];
            faithfulness.AddOrUpdateMetadata("first-divergence", step.StepName);
            faithfulness.AddDiagnostics(EvaluationDiagnostic.Informational(
                $"first divergence at step {step.StepName} ({step.Verdict}): expected {step.Expected}, the reply gave {(step.Claim?.Value is { } v ? v.ToString() : "nothing")}"));
        }

        var mode = new StringMetric(FaithfulnessMetrics.FailureMode, verdict.PrimaryMode.ToString(), Explanation(verdict))
        {
            Interpretation = verdict.PrimaryMode == FailureMode.Correct
                ? new EvaluationMetricInterpretation(EvaluationRating.Exceptional)
                : new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, reason: $"the reply shows {string.Join(", ", verdict.Modes)}"),
        };
        mode.AddOrUpdateMetadata("modes", string.Join(",", verdict.Modes));
        mode.AddDiagnostics(verdict.Evidence.Select(e => Diagnostic(e, program)));

        var result = new EvaluationResult(firstAnswer, finalAnswer, faithfulness, completeness, mode);
        result.AddOrUpdateContextInAllMetrics(context);
        result.AddOrUpdateMetadataInAllMetrics("program", program.Id);
        return result;
    }

    /// <summary>Every metric without a value, each carrying <paramref name="error"/> as an error diagnostic.</summary>
    public static EvaluationResult Unscored(string error, FaithfulnessEvaluatorContext? context = null)
    {
        var result = new EvaluationResult(
            new BooleanMetric(FaithfulnessMetrics.FirstAnswerCorrect),
            new BooleanMetric(FaithfulnessMetrics.FinalAnswerCorrect),
            new NumericMetric(FaithfulnessMetrics.StepFaithfulness),
            new NumericMetric(FaithfulnessMetrics.StepCompleteness),
            new StringMetric(FaithfulnessMetrics.FailureMode));
        result.AddDiagnosticsToAllMetrics(EvaluationDiagnostic.Error(error));
        if (context is not null)
        {
            result.AddOrUpdateContextInAllMetrics(context);
        }

        return result;
    }

    private static BooleanMetric Answer(string name, bool correct, string which) => new(name, correct, $"{which} is {(correct ? "right" : "wrong or missing")}")
    {
        Interpretation = correct
            ? new EvaluationMetricInterpretation(EvaluationRating.Exceptional)
            : new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, reason: $"{which} does not equal ground truth"),
    };

    private static NumericMetric Share(string name, double value, double minimum, string reason) => new(name, value, reason)
    {
        Interpretation = new EvaluationMetricInterpretation(
            Rating(value),
            failed: value < minimum,
            reason: value < minimum ? $"{name} {value.ToString("0.###", CultureInfo.InvariantCulture)} is below {minimum.ToString("0.###", CultureInfo.InvariantCulture)}" : null),
    };

    private static EvaluationRating Rating(double share) => share switch
    {
        >= 1.0 => EvaluationRating.Exceptional,
        >= 0.9 => EvaluationRating.Good,
        >= 0.7 => EvaluationRating.Average,
        >= 0.4 => EvaluationRating.Poor,
        _ => EvaluationRating.Unacceptable,
    };

    private static string Explanation(TraceVerdict verdict) =>
        verdict.Evidence.FirstOrDefault(e => e.Mode == verdict.PrimaryMode)?.Explanation ?? verdict.PrimaryMode.ToString();

    // A mode as a diagnostic: what it is, why, and where (reply lines and reference steps).
    private static EvaluationDiagnostic Diagnostic(Evidence evidence, StepProgram program)
    {
        var where = new List<string>();
        if (evidence.Lines.Count > 0)
        {
            where.Add($"reply line{(evidence.Lines.Count == 1 ? "" : "s")} {string.Join(", ", evidence.Lines)}");
        }

        if (evidence.StepIndices.Count > 0)
        {
            var names = evidence.StepIndices.Where(i => i >= 0 && i < program.Steps.Count).Select(i => program.Steps[i].Name);
            where.Add($"step{(evidence.StepIndices.Count == 1 ? "" : "s")} {string.Join(", ", names)}");
        }

        var message = $"{evidence.Mode}: {evidence.Explanation}{(where.Count > 0 ? $" ({string.Join("; ", where)})" : "")}";
        return evidence.Mode == FailureMode.Correct ? EvaluationDiagnostic.Informational(message) : EvaluationDiagnostic.Warning(message);
    }
}
