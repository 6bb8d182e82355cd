using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Generated;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Faithful.Evaluation.Tests;

/// <summary>
/// The test adapter (CaseRunner with TracesInstrument) and the evaluator score a reply through the same facade:
/// the same simulated replies get the same verdicts from both, whatever the template asks for.
/// </summary>
public sealed class AdapterParityTests
{
    private static readonly PromptTemplate TagsWithAnExample = PromptTemplate.Custom(
        "For example, a reply ends with <result>17</result>.\n{{inputs}}\n{{steps}}\n{{format}}",
        id: "tags-example/v1",
        answers: new AnswerExtraction(new[] { AnswerStyle.ResultTag }.ToEquatableArray()));

    public static TheoryData<string> Templates => new("process-aware", "tags-example");

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task The_evaluator_gives_the_verdicts_the_adapter_gives(string templateName)
    {
        var template = templateName == "process-aware" ? BuiltInTemplates.ProcessAware : TagsWithAnExample;
        var instrument = new TracesInstrument(template);
        using var connection = ModelClients.Connect("sim:study");
        var cases = ReferencePrograms.All
            .Where(p => p.Id != "Faithful.Evaluation.Tests.Programs.Ratio")
            .SelectMany(p => Enumerable.Range(0, 8).Select(i => new FaithfulCase(p, p.Parameters.Select((_, k) => Value.FromInt64(((i * 7) + (k * 3)) % 9 - 4)).ToEquatableArray(), i)))
            .ToList();

        var results = await new CaseRunner(connection.Client, connection.Model, instrument).RunAsync(cases, cancellationToken: TestContext.Current.CancellationToken);

        var evaluator = new FaithfulnessEvaluator();
        var modes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (@case, result) in cases.Zip(results))
        {
            Assert.Null(result.Error);
            var messages = instrument.Render(@case.Program, @case.Inputs);
            var evaluation = await evaluator.EvaluateAsync(
                messages, new ChatResponse(new ChatMessage(ChatRole.Assistant, result.Reply)),
                additionalContext: [new FaithfulnessEvaluatorContext(@case.Program, @case.Inputs, template.AnswerSettings)],
                cancellationToken: TestContext.Current.CancellationToken);

            var verdict = result.Verdict!;
            Assert.Equal(verdict.PrimaryMode.ToString(), evaluation.Get<StringMetric>(FaithfulnessMetrics.FailureMode).Value);
            Assert.Equal(verdict.FirstAnswerCorrect, evaluation.Get<BooleanMetric>(FaithfulnessMetrics.FirstAnswerCorrect).Value);
            Assert.Equal(verdict.FinalAnswerCorrect, evaluation.Get<BooleanMetric>(FaithfulnessMetrics.FinalAnswerCorrect).Value);
            Assert.Equal(verdict.StepFaithfulness, evaluation.Get<NumericMetric>(FaithfulnessMetrics.StepFaithfulness).Value);
            Assert.Equal(verdict.Completeness, evaluation.Get<NumericMetric>(FaithfulnessMetrics.StepCompleteness).Value);
            modes.Add(verdict.PrimaryMode.ToString());
        }

        // The study profile fails now and then, so the comparison covers failing verdicts too.
        Assert.True(modes.Count >= 2, "only " + string.Join(", ", modes));
    }

    [Fact]
    public void The_adapter_reads_answers_from_the_conversation_it_sent_instead_of_rendering_the_prompt_again()
    {
        var instrument = new TracesInstrument(TagsWithAnExample);
        var program = ReferencePrograms.Chain;
        var truth = Execution.ReferenceEvaluator.Evaluate(program, 3, 4);
        var sent = instrument.Render(program, truth.Inputs);
        IReadOnlyList<ChatMessage> withoutTheExample = [new(ChatRole.User, "Execute the steps; end with <result>value</result>.")];
        const string reply = "As shown, <result>17</result>\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 18\n<result>18</result>";

        // The example <result>17</result> is in what was sent, so echoing it is not an answer; a conversation
        // without it makes 17 the first answer. A re-rendered prompt would give both the same verdict.
        Assert.True(instrument.Score(truth, sent, reply).FirstAnswerCorrect);
        Assert.False(instrument.Score(truth, withoutTheExample, reply).FirstAnswerCorrect);
    }
}
