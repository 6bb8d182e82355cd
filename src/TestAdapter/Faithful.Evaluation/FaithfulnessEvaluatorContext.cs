using System.Globalization;
using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Faithful.Evaluation;

/// <summary>
/// Ground truth for <see cref="FaithfulnessEvaluator"/>: the step program the model was asked to execute, with its
/// inputs (evaluated here by <see cref="ReferenceEvaluator"/>) or a trace computed elsewhere (e.g. in one batch by
/// Faithful.GpuRef), and optionally how the prompt asked for the final answer.
/// </summary>
public sealed class FaithfulnessEvaluatorContext : EvaluationContext
{
    /// <summary>The <see cref="EvaluationContext.Name"/> of every <see cref="FaithfulnessEvaluatorContext"/>.</summary>
    public static string GroundTruthContextName => "Ground Truth (Faithfulness)";

    /// <summary>Ground truth from a trace computed elsewhere.</summary>
    /// <param name="groundTruth">Every step's value and the answer for one (program, inputs) pair.</param>
    /// <param name="answerStyles">How the prompt asked for the final answer (its template's settings); default every built-in style.</param>
    public FaithfulnessEvaluatorContext(Trace groundTruth, AnswerExtraction? answerStyles = null)
        : base(GroundTruthContextName, Describe(groundTruth ?? throw new ArgumentNullException(nameof(groundTruth))))
    {
        GroundTruth = groundTruth;
        AnswerStyles = answerStyles;
    }

    /// <summary>Ground truth by running <paramref name="program"/> on <paramref name="inputs"/> with <see cref="ReferenceEvaluator"/>.</summary>
    public FaithfulnessEvaluatorContext(StepProgram program, IReadOnlyList<Value> inputs, AnswerExtraction? answerStyles = null)
        : this(ReferenceEvaluator.Evaluate(program, inputs), answerStyles)
    {
    }

    /// <summary>Ground truth by running <paramref name="program"/> on whole-number <paramref name="inputs"/>.</summary>
    public FaithfulnessEvaluatorContext(StepProgram program, params long[] inputs)
        : this(ReferenceEvaluator.Evaluate(program, inputs))
    {
    }

    /// <summary>The trace the reply is scored against.</summary>
    public Trace GroundTruth { get; }

    /// <summary>How the prompt asked for the final answer, or null for every built-in style.</summary>
    public AnswerExtraction? AnswerStyles { get; }

    // The contents are what evaluation reports show for this context: the case, each step's value and the answer.
    private static AIContent[] Describe(Trace truth)
    {
        var program = truth.Program;
        var text = new StringBuilder();
        var inputs = string.Join(", ", program.Parameters.Select((p, i) => $"{p.Name}={(i < truth.Inputs.Count ? truth.Inputs[i].ToString() : "?")}"));
        text.Append(CultureInfo.InvariantCulture, $"{program.Id}({inputs}): {program.Steps.Count} steps\n");
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var value = truth.ValueOf(i) is { } v ? v.ToString() : "(not reached)";
            text.Append(CultureInfo.InvariantCulture, $"{program.Steps[i].Name}: {StepDisplay.Statement(program, program.Steps[i])} -> {value}\n");
        }

        text.Append(truth.Fault is { } fault ? $"fault: {fault}" : $"answer: {truth.Answer}");
        return [new TextContent(text.ToString())];
    }
}
