using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;

namespace Faithful.Traces.Tests.Prompts;

public sealed class PromptRendererTests
{
    private static readonly Value[] ChainInputs = [Value.FromInt64(3), Value.FromInt64(4)];

    private static Value[] RegisterInputs() => [.. new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64)];

    [Fact]
    public void Process_aware_prompt_for_the_chain_is_stable()
    {
        var prompt = PromptRenderer.Render(Programs.Chain(), ChainInputs, BuiltInTemplates.ProcessAware);

        Assert.Equal("process-aware/v1", prompt.TemplateId);
        Assert.Equal("v1", prompt.TemplateVersion);
        Snapshot.Match(prompt.Text, "process-aware-v1.chain");
    }

    [Fact]
    public void Process_aware_prompt_for_registers_shows_statements_and_variable_lines()
    {
        var prompt = PromptRenderer.Render(Programs.Registers(), RegisterInputs(), BuiltInTemplates.ProcessAware);

        Assert.Contains("5. a3 += a2\n6. a3 += a2\n7. a3 += a2\n", prompt.User, StringComparison.Ordinal);
        Snapshot.Match(prompt.Text, "process-aware-v1.registers");
    }

    [Fact]
    public void Final_answer_only_prompt_asks_for_no_steps()
    {
        var prompt = PromptRenderer.Render(Programs.Chain(), ChainInputs, BuiltInTemplates.FinalAnswerOnly);

        Assert.DoesNotContain("s1 = <value>", prompt.User, StringComparison.Ordinal);
        Snapshot.Match(prompt.Text, "final-answer-only-v1.chain");
    }

    [Fact]
    public void User_template_fills_inputs_steps_and_blocks()
    {
        var template = PromptTemplate.Custom("a is {{a}}, b is {{ b }}.\nThird step: {{s3}}\n{{program}}\n{{ unclosed", "mine/v3");

        var prompt = PromptRenderer.Render(Programs.Chain(), ChainInputs, template);

        Assert.Equal(
            "a is 3, b is 4.\nThird step: s3 = s2 - s1\nlong Chain(long a, long b)\n{\n    var s1 = a + b;\n    var s2 = s1 * a;\n    var s3 = s2 - s1;\n    var s4 = s3 / b;\n    return s4;\n}\n{{ unclosed",
            prompt.User);
        Assert.Equal("mine/v3", prompt.TemplateId);
        Assert.Equal("v3", prompt.TemplateVersion);
    }

    [Fact]
    public void Four_braces_are_a_literal_pair()
    {
        var prompt = PromptRenderer.Render(Programs.Chain(), ChainInputs, PromptTemplate.Custom("Write {{{{a}} literally; a is {{a}}. {{{{nope}}"));

        Assert.Equal("Write {{a}} literally; a is 3. {{nope}}", prompt.User);
        Assert.Empty(PromptRenderer.Validate(Programs.Chain(), PromptTemplate.Custom("{{{{nope}}")));
    }

    [Fact]
    public void Unknown_placeholder_is_an_error_naming_it_and_the_closest_name()
    {
        var template = PromptTemplate.Custom("Inputs:\n{{inputs}}\nDo {{stpes}} now.");

        var error = Assert.Throws<PromptTemplateException>(() => PromptRenderer.Render(Programs.Chain(), ChainInputs, template));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("stpes", problem.Placeholder);
        Assert.Equal("steps", problem.Suggestion);
        Assert.Equal(3, problem.Line);
        Assert.Equal(4, problem.Column);
        Assert.Contains("{{stpes}}", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean {{steps}}?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_placeholder_far_from_every_name_lists_the_valid_ones()
    {
        var problems = PromptRenderer.Validate(Programs.Chain(), PromptTemplate.Custom("{{zzzzzzzz}}"));

        var problem = Assert.Single(problems);
        Assert.Null(problem.Suggestion);
        Assert.Contains("valid placeholders are {{program}}, {{steps}}, {{inputs}}, {{format}}, {{a}}, {{b}}, {{s1}}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_name_typo_suggests_the_step()
    {
        var problems = PromptRenderer.Validate(Programs.Registers(), PromptTemplate.Custom("{{a3#7}} and {{a5}}"));

        Assert.Equal(["a3#7", "a5"], problems.Select(p => p.Placeholder));
        Assert.Equal("a3#1", problems[0].Suggestion);
    }

    [Fact]
    public void Wrong_input_count_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => PromptRenderer.Render(Programs.Chain(), [Value.FromInt64(1)], BuiltInTemplates.ProcessAware));

        Assert.Contains("takes 2 input(s) (a, b) but 1 were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_tag_template_asks_for_tags_and_example_answers_are_marked()
    {
        var answers = new AnswerExtraction(new[] { AnswerStyle.ResultTag }.ToEquatableArray());
        var template = PromptTemplate.Custom("Example: for other inputs the reply ends with <result>17</result>.\n{{format}}", "tags/v1", answers: answers);

        var prompt = PromptRenderer.Render(Programs.Chain(), ChainInputs, template);

        Assert.EndsWith("Then write the final answer on its own line:\n<result><value></result>", prompt.User, StringComparison.Ordinal);
        Assert.Contains("17", prompt.Answers.ExampleAnswers);
    }

    [Fact]
    public void Messages_carry_system_then_user()
    {
        var template = PromptTemplate.Custom("{{inputs}}", system: "You are careful with {{steps}}.");

        var messages = PromptRenderer.Render(Programs.Chain(), ChainInputs, template).ToChatMessages();

        Assert.Equal(2, messages.Count);
        Assert.Equal(Microsoft.Extensions.AI.ChatRole.System, messages[0].Role);
        Assert.StartsWith("You are careful with 1. s1 = a + b", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("a = 3\nb = 4", messages[1].Text);
    }

    [Fact]
    public void Template_file_header_names_the_program_and_version()
    {
        var (program, template) = PromptTemplateFile.Parse("<!-- faithful: program=Chain id=chain-tags/v2 -->\nInputs: {{inputs}}\n", "prompts/chain.prompt.md");

        Assert.Equal("Chain", program);
        Assert.Equal("chain-tags/v2", template.Id);
        Assert.Equal("Inputs: {{inputs}}\n", template.Body);
        Assert.Equal("chain/v1", PromptTemplateFile.Parse("<!-- faithful: program=Chain -->\nx", "chain.prompt.md").Template.Id);
        var error = Assert.Throws<FormatException>(() => PromptTemplateFile.Parse("Inputs: {{inputs}}", "bad.prompt.md"));
        Assert.Contains("bad.prompt.md(1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_templates_are_found_by_id_or_name()
    {
        Assert.Same(BuiltInTemplates.ProcessAware, BuiltInTemplates.Find("process-aware/v1"));
        Assert.Same(BuiltInTemplates.FinalAnswerOnly, BuiltInTemplates.Find("final-answer-only"));
        Assert.Null(BuiltInTemplates.Find("nope"));
    }
}
