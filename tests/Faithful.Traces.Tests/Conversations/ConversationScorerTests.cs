using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Conversations;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Conversations;

public sealed class ConversationScorerTests
{
    private static readonly Value[] Inputs = [Value.FromInt64(3), Value.FromInt64(4)];

    public static TheoryData<string> Templates => new("process-aware", "final-answer-only", "tags-with-example", "system-with-example");

    private static PromptTemplate Template(string name) => name switch
    {
        "process-aware" => BuiltInTemplates.ProcessAware,
        "final-answer-only" => BuiltInTemplates.FinalAnswerOnly,
        "tags-with-example" => PromptTemplate.Custom(
            "For example, a reply ends with <result>17</result>.\n{{steps}}\n{{format}}",
            answers: new AnswerExtraction(new[] { AnswerStyle.ResultTag }.ToEquatableArray())),
        _ => PromptTemplate.Custom("{{inputs}}\n{{steps}}\n{{format}}", system: "Example reply:\ns1 = 1\nFinal answer: 99"),
    };

    // What makes rendering once enough: the conversation that was sent gives back exactly the answer settings
    // the renderer computed, examples included.
    [Theory]
    [MemberData(nameof(Templates))]
    public void The_sent_conversation_gives_the_answer_settings_the_renderer_computed(string name)
    {
        var template = Template(name);
        var prompt = PromptRenderer.Render(Programs.Chain(), Inputs, template);

        var settings = ConversationScorer.AnswerSettings(prompt.ToChatMessages(), template.AnswerSettings);

        Assert.Equal(prompt.Answers, settings);
    }

    [Fact]
    public void A_reply_scores_as_the_parser_and_case_scorer_score_it_with_the_rendered_settings()
    {
        var template = Template("system-with-example");
        var prompt = PromptRenderer.Render(Programs.Chain(), Inputs, template);
        var truth = ReferenceEvaluator.Evaluate(Programs.Chain(), Inputs);
        const string reply = "Final answer: 99\nlet me work it out\ns1 = 7\nFinal answer: 5";

        var verdict = ConversationScorer.Score(truth, prompt.ToChatMessages(), reply, template.AnswerSettings);

        Assert.Equal(CaseScorer.Score(truth, TraceParser.Parse(reply, Programs.Chain(), prompt.Answers)), verdict);
    }
}
