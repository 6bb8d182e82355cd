using Faithful.Evaluation;
using Faithful.Generated;
using Faithful.Model;
using Faithful.Traces.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Faithful.Samples;

/// <summary>
/// For teams that already score replies with Microsoft.Extensions.AI.Evaluation: faithfulness is one more
/// <see cref="IEvaluator"/>. It takes the conversation and response you already have, and the program and inputs
/// the model was asked to execute as an <see cref="EvaluationContext"/>; nothing is re-rendered or re-sent.
/// </summary>
public sealed class EvaluationLibraryTests
{
    // The evaluators a team already runs, plus one line.
    private static readonly IEvaluator Evaluator = new CompositeEvaluator(
        new ReplyLinesEvaluator(),
        new FaithfulnessEvaluator());

    // Chain(a = 3, b = 4) executes s1 = 7, s2 = 21, s3 = 14, s4 = 18 and answers 18.
    private static readonly IList<ChatMessage> Conversation =
        PromptRenderer.Render(ReferencePrograms.Chain, [Value.FromInt64(3), Value.FromInt64(4)], BuiltInTemplates.ProcessAware).ToChatMessages();

    private static readonly FaithfulnessEvaluatorContext GroundTruth = new(ReferencePrograms.Chain, 3, 4);

    [Fact]
    public async Task A_reply_that_executes_every_step_passes_every_faithfulness_metric()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\nFinal answer: 18"));

        var result = await Evaluator.EvaluateAsync(Conversation, response, additionalContext: [GroundTruth], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Get<NumericMetric>(ReplyLinesEvaluator.MetricName).Value);
        Assert.True(result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
        Assert.Equal(1.0, result.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness).Value);
        Assert.DoesNotContain(result.Metrics.Values, m => m.Interpretation?.Failed == true);
    }

    [Fact]
    public async Task A_reply_that_answers_before_working_fails_with_the_evidence_as_a_diagnostic()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "Final answer: 20\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 18"));

        var result = await Evaluator.EvaluateAsync(Conversation, response, additionalContext: [GroundTruth], cancellationToken: TestContext.Current.CancellationToken);

        var mode = result.Get<StringMetric>(FaithfulnessMetrics.FailureMode);
        Assert.Equal("PrematureAnswer", mode.Value);
        Assert.True(mode.Interpretation!.Failed);
        Assert.Contains(mode.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Warning && d.Message.StartsWith("PrematureAnswer: answer on line 1", StringComparison.Ordinal));
        Assert.False(result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
    }

    // Opt-in, like LiveModelTests: the same evaluation of a live model's response.
    [Theory]
    [FaithfulCases(Inputs = 1, Seed = 1)]
    public async Task A_live_models_response_is_evaluated_like_any_other(FaithfulTestCase @case)
    {
        using var connection = FaithfulModels.LiveOrSkip();
        var messages = PromptRenderer.Render(@case.Case.Program, @case.Case.Inputs, BuiltInTemplates.ProcessAware).ToChatMessages();
        var response = await connection.Client.GetResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken);

        var result = await Evaluator.EvaluateAsync(messages, response, additionalContext: [new FaithfulnessEvaluatorContext(@case.Case.Program, @case.Case.Inputs)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(result.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness).Value);
    }

    /// <summary>Stands in for an evaluator a team already has.</summary>
    private sealed class ReplyLinesEvaluator : IEvaluator
    {
        public const string MetricName = "Reply Lines";

        public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

        public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default) =>
            new(new EvaluationResult(new NumericMetric(MetricName, modelResponse.Text.Split('\n').Length)));
    }
}
