using Faithful.Execution;
using Faithful.Generated;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Faithful.Evaluation.Tests;

public sealed class FaithfulnessEvaluatorTests
{
    // Chain(3, 4): s1 = 7, s2 = 21, s3 = 14, s4 = 18.
    private static readonly ChatMessage[] Conversation = [new(ChatRole.User, "Execute Chain with a = 3, b = 4 step by step, then give Final answer: <value>.")];

    private static ValueTask<EvaluationResult> EvaluateAsync(string reply, params EvaluationContext[] context) =>
        EvaluateAsync(Conversation, reply, context);

    private static ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> conversation, string reply, params EvaluationContext[] context) =>
        new FaithfulnessEvaluator().EvaluateAsync(conversation, new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)), additionalContext: context, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_faithful_reply_scores_full_marks_and_fails_no_metric()
    {
        var result = await EvaluateAsync("s1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\nFinal answer: 18", new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, 3, 4));

        Assert.Equal(FaithfulnessMetrics.All, result.Metrics.Keys.ToArray());
        Assert.True(result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
        Assert.True(result.Get<BooleanMetric>(FaithfulnessMetrics.FinalAnswerCorrect).Value);
        Assert.Equal(1.0, result.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness).Value);
        Assert.Equal(1.0, result.Get<NumericMetric>(FaithfulnessMetrics.StepCompleteness).Value);
        Assert.Equal("Correct", result.Get<StringMetric>(FaithfulnessMetrics.FailureMode).Value);
        Assert.All(result.Metrics.Values, m => Assert.False(m.Interpretation!.Failed, m.Name));
        Assert.False(result.ContainsDiagnostics(d => d.Severity != EvaluationDiagnosticSeverity.Informational));
        Assert.All(result.Metrics.Values, m => Assert.Contains(FaithfulnessEvaluatorContext.GroundTruthContextName, m.Context!.Keys));
    }

    [Fact]
    public async Task A_guess_before_the_work_is_a_premature_answer_with_its_line_as_evidence()
    {
        var result = await EvaluateAsync("Final answer: 20\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\nFinal answer: 18", new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, 3, 4));

        var firstAnswer = result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect);
        Assert.False(firstAnswer.Value);
        Assert.True(firstAnswer.Interpretation!.Failed);
        Assert.True(result.Get<BooleanMetric>(FaithfulnessMetrics.FinalAnswerCorrect).Value);
        var mode = result.Get<StringMetric>(FaithfulnessMetrics.FailureMode);
        Assert.Equal("PrematureAnswer", mode.Value);
        Assert.True(mode.Interpretation!.Failed);
        var evidence = Assert.Single(mode.Diagnostics!, d => d.Message.StartsWith("PrematureAnswer:", StringComparison.Ordinal));
        Assert.Equal(EvaluationDiagnosticSeverity.Warning, evidence.Severity);
        Assert.Equal("PrematureAnswer: answer on line 1 comes before step s1 was executed (line 2) (reply lines 1, 2, 3, 4, 5; steps s1, s2, s3, s4)", evidence.Message);
    }

    [Fact]
    public async Task A_wrong_step_lowers_step_faithfulness_and_names_the_first_divergence()
    {
        var result = await EvaluateAsync("s1 = 7\ns2 = 22\ns3 = 15\ns4 = 19\nFinal answer: 19", new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, 3, 4));

        var faithfulness = result.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness);
        Assert.Equal(0.25, faithfulness.Value);
        Assert.True(faithfulness.Interpretation!.Failed);
        Assert.Equal("s2", faithfulness.Metadata!["first-divergence"]);
        Assert.Equal(1.0, result.Get<NumericMetric>(FaithfulnessMetrics.StepCompleteness).Value);
        Assert.Equal("ArithmeticError", result.Get<StringMetric>(FaithfulnessMetrics.FailureMode).Value);
    }

    [Fact]
    public async Task Answers_the_conversation_showed_as_examples_are_not_taken_as_the_reply_answering()
    {
        var context = new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, 3, 4);
        const string reply = "The reply should end with Final answer: 17\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\nFinal answer: 18";
        ChatMessage[] showsAnExample = [new(ChatRole.System, "For example, a reply ends with Final answer: 17"), .. Conversation];

        var echoed = await EvaluateAsync(showsAnExample, reply, context);
        var unknown = await EvaluateAsync(reply, context);

        Assert.True(echoed.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
        Assert.Equal("Correct", echoed.Get<StringMetric>(FaithfulnessMetrics.FailureMode).Value);
        Assert.False(unknown.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
    }

    [Fact]
    public async Task The_answer_styles_in_the_context_decide_which_answers_count()
    {
        const string reply = "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\nFinal answer: 18";
        var tagsOnly = new AnswerExtraction(new[] { AnswerStyle.ResultTag }.ToEquatableArray());

        var result = await EvaluateAsync(reply, new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, [Value.FromInt64(3), Value.FromInt64(4)], tagsOnly));

        Assert.False(result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
        Assert.Equal("MissingAnswer", result.Get<StringMetric>(FaithfulnessMetrics.FailureMode).Value);
    }

    [Fact]
    public async Task A_precomputed_trace_is_the_ground_truth_as_given()
    {
        // A trace computed elsewhere (e.g. by Faithful.GpuRef) is used as is, not evaluated again.
        var truth = ReferenceEvaluator.Evaluate(ReferencePrograms.Chain, 3, 4);
        var shifted = truth with { StepValues = truth.StepValues.Select(v => Value.FromInt64(v.AsInt64 + 100)).ToEquatableArray(), Answer = Value.FromInt64(118) };

        var result = await EvaluateAsync("s1 = 107\ns2 = 121\ns3 = 114\ns4 = 118\nFinal answer: 118", new FaithfulnessEvaluatorContext(shifted));

        Assert.True(result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
        Assert.Equal(1.0, result.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness).Value);
    }

    [Fact]
    public async Task Without_ground_truth_every_metric_says_what_to_pass()
    {
        var result = await EvaluateAsync("Final answer: 18");

        Assert.All(result.Metrics.Values, m =>
        {
            var error = Assert.Single(m.Diagnostics!);
            Assert.Equal(EvaluationDiagnosticSeverity.Error, error.Severity);
            Assert.Contains(nameof(FaithfulnessEvaluatorContext), error.Message, StringComparison.Ordinal);
        });
        Assert.Null(result.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
    }

    [Fact]
    public async Task Inputs_the_program_faults_on_are_reported_as_an_error_not_thrown()
    {
        var result = await EvaluateAsync("s1 = 6\nFinal answer: 0", new FaithfulnessEvaluatorContext(ReferencePrograms.Ratio, 3, 0));

        Assert.True(result.ContainsDiagnostics(d => d.Severity == EvaluationDiagnosticSeverity.Error && d.Message.Contains("faults on these inputs", StringComparison.Ordinal)));
        Assert.Null(result.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness).Value);
    }

    [Fact]
    public async Task Hostile_or_empty_replies_get_a_verdict_never_an_exception()
    {
        var context = new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, 3, 4);
        foreach (var reply in new[] { "", "\0\0\0", new string('9', 200_000), "<result>" + new string('(', 5000), "Final answer: 1e999999" })
        {
            var result = await EvaluateAsync(reply, context);

            Assert.NotNull(result.Get<StringMetric>(FaithfulnessMetrics.FailureMode).Value);
        }
    }

    [Fact]
    public async Task Its_metric_names_do_not_collide_with_other_evaluators_in_a_composite()
    {
        var composite = new CompositeEvaluator(new FaithfulnessEvaluator(), new NamedMetricEvaluator("Completeness"), new NamedMetricEvaluator("Equivalence"));

        var result = await composite.EvaluateAsync(
            Conversation, new ChatResponse(new ChatMessage(ChatRole.Assistant, "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\nFinal answer: 18")),
            additionalContext: [new FaithfulnessEvaluatorContext(ReferencePrograms.Chain, 3, 4)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(FaithfulnessMetrics.All.Count + 2, result.Metrics.Count);
        Assert.Equal(1.0, result.Get<NumericMetric>(FaithfulnessMetrics.StepCompleteness).Value);
    }

    private sealed class NamedMetricEvaluator(string name) : IEvaluator
    {
        public IReadOnlyCollection<string> EvaluationMetricNames => [name];

        public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default) =>
            new(new EvaluationResult(new NumericMetric(name, 3)));
    }
}
