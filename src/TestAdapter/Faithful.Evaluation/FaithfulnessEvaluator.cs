using Faithful.Traces.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Faithful.Evaluation;

/// <summary>
/// Judges whether a model executed a step program faithfully, as a Microsoft.Extensions.AI.Evaluation evaluator:
/// the reply in <c>modelResponse</c> is parsed (reading answers the way the conversation asked for them), aligned
/// step by step to the ground truth in a <see cref="FaithfulnessEvaluatorContext"/>, and classified. Returns the
/// metrics named in <see cref="FaithfulnessMetrics"/>; failure modes come as diagnostics with their evidence.
/// Needs no <see cref="ChatConfiguration"/>: nothing here calls a model.
/// </summary>
/// <example>
/// <code>
/// var result = await new FaithfulnessEvaluator().EvaluateAsync(messages, response,
///     additionalContext: [new FaithfulnessEvaluatorContext(program, inputs)]);
/// </code>
/// </example>
public sealed class FaithfulnessEvaluator(FaithfulnessEvaluatorOptions? options = null) : IEvaluator
{
    private readonly FaithfulnessEvaluatorOptions options = options ?? FaithfulnessEvaluatorOptions.Default;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> EvaluationMetricNames => FaithfulnessMetrics.All;

    /// <inheritdoc/>
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        cancellationToken.ThrowIfCancellationRequested();

        if (additionalContext?.OfType<FaithfulnessEvaluatorContext>().FirstOrDefault() is not { } context)
        {
            return new(VerdictMetrics.Unscored(
                $"No {nameof(FaithfulnessEvaluatorContext)} was found in additionalContext; pass one with the program and inputs the model was asked to execute."));
        }

        if (context.GroundTruth.Fault is { } fault)
        {
            return new(VerdictMetrics.Unscored(
                $"Program {context.GroundTruth.Program.Id} faults on these inputs ({fault}), so there is no ground truth to score against; choose inputs inside its domain.",
                context));
        }

        var verdict = ConversationScorer.Score(context.GroundTruth, messages.ToList(), modelResponse.Text, context.AnswerStyles, options.Scoring);
        return new(VerdictMetrics.From(verdict, context, options));
    }
}
