using CsCheck;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// The input a prompt asks about, and replies that go on to answer for other values of it ("for n=4", "f(5) = ...").
/// </summary>
public sealed class AskedInputTests
{
    private const string Prompt = "Simulate this Python function.\ndef f(n):\n\tn_0=0\n\tfor _ in range(n):\n\t\tn_0-=2\n\treturn sum([n_0])\n"
        + "Think step by step and then reply with the output of the function for n=3. Enclose the solution between <result></result> tags.";

    private static ParsedTrace Parse(string reply) =>
        TraceParser.Parse(reply, Programs.Loop(), AnswerExtraction.Default.WithExamplesFrom(Prompt));

    private static long?[] Values(ParsedTrace trace) => [.. trace.Answers.Select(a => a.Value?.Int64)];

    [Fact]
    public void The_prompt_names_the_input_it_asks_about_and_the_function_it_calls()
    {
        Assert.Equal(new AskedInput("n", 3, "f"), AskedInput.Find(Prompt));
    }

    [Theory]
    [InlineData("For n=3, the final values are:", true)]
    [InlineData("for `n = 3`:", true)]
    [InlineData("for n=30", false)]
    [InlineData("for an=3", false)]
    [InlineData("for n_1=3", false)]
    [InlineData("for n=4", false)]
    public void The_input_is_named_only_as_its_own_name_and_whole_value(string text, bool named)
    {
        // One spelling of "n=3" for headings (ParseRun) and examples (Examples), which each used to build their own.
        var asked = new AskedInput("n", 3, "f");

        Assert.Equal(named, asked.IsNamedIn(text));
        Assert.Equal(["n=3", "n = 3"], asked.Spellings());
    }

    [Theory]
    [InlineData("Run it for n=3 and for n=4.")]
    [InlineData("Run it for n=3 and for m=3.")]
    [InlineData("Run the function.")]
    [InlineData("")]
    public void A_prompt_that_names_no_single_input_value_asks_about_none(string prompt)
    {
        Assert.Null(AskedInput.Find(prompt));
    }

    [Theory]
    [InlineData("So, the output of the function for n=4 is 10.", 4L)]
    [InlineData("When n = 2, the loop runs twice", 2L)]
    [InlineData("f(5) = 12", 5L)]
    [InlineData("for `n=3`, we get", 3L)]
    [InlineData("for n_0 = 4 we get", null)]
    [InlineData("for n == 4", null)]
    [InlineData("for n=4.5", null)]
    [InlineData("g(5) = 12", null)]
    [InlineData("buff(5) = 12", null)]
    [InlineData("information=4", null)]
    public void A_line_names_a_value_of_the_input_only_as_an_assignment_or_a_call(string line, long? value)
    {
        Assert.Equal(value, new AskedInput("n", 3, "f").MentionIn(line));
    }

    [Theory]
    [InlineData("Great! Here's the step-by-step solution for n=4:", 4L)]
    [InlineData("**Now for n = 5:**", 5L)]
    [InlineData("Here's the solution for n=4 and more:", null)]
    [InlineData("What happens when n = 1?", null)]
    public void A_solution_is_announced_by_a_line_that_ends_with_the_value_and_a_colon(string line, long? value)
    {
        Assert.Equal(value, new AskedInput("n", 3, "f").AnnouncedIn(line));
    }

    [Fact]
    public void Reading_any_text_for_the_input_never_throws_and_names_only_whole_integers()
    {
        // Text made of the pieces the readers look for: introducers, names, '=', calls, digits, signs, colons.
        var pieces = Gen.OneOf(Gen.Const("for "), Gen.Const("when "), Gen.Const("n"), Gen.Const("n_0"), Gen.Const("="), Gen.Const("=="),
            Gen.Const("f("), Gen.Const(")"), Gen.Const("-"), Gen.Const(":"), Gen.Const("`"), Gen.Const(" "), Gen.Const("."),
            Gen.Int[0, 99_999].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("99999999999999999999"),
            Gen.Char.Select(c => c.ToString()));
        var asked = new AskedInput("n", 3, "f");

        pieces.Array[0, 30].Select(parts => string.Concat(parts)).Sample(text =>
        {
            _ = AskedInput.Find(text);
            var mentioned = asked.MentionIn(text);
            var announced = asked.AnnouncedIn(text);
            return (mentioned is null || text.Contains(mentioned.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                && (announced is null || text.Contains(announced.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("def f(n):\n    return -6\n\nassert f(3) == -6", new long[] { -6 })]
    [InlineData("def f(n):\n    return -6\n\nassert f(4) == -8", new long[0])]
    [InlineData("def f(n):\n    return -6\n\nassert f(2) == -4\nassert f(3) == -6", new long[0])]
    public void An_assertion_of_the_asked_call_states_the_answer_unless_it_is_one_test_of_several(string reply, long[] answers)
    {
        // holdout jurassic2-ultra/complexity-redundant-cot/738 and holdout74 llamacodeinstruct/complexity-cot/1250: their
        // readers took the value asserted for f(asked) as the answer; unit tests over several inputs (holdout
        // llamacodeinstruct/complexity-cot/702) and an assertion for another input state none.
        Assert.Equal(answers.Select(a => (long?)a), Values(Parse(reply)));
    }

    [Fact]
    public void An_assertion_of_the_asked_call_closing_a_tag_of_code_states_its_answer()
    {
        var code = "def f(n):\n    n_0 = 0\n    for _ in range(n):\n        n_0 -= 2\n        n_0 -= 2\n        n_0 += 2\n"
            + "    for _ in range(n):\n        n_0 -= 2\n    return sum([n_0])\n\nassert f(3) == -12";

        // The tag holds the asserted value (a long tag's lines are read as well, so the line states it too).
        var values = Values(Parse("<result>\n" + code + "\n</result>"));

        Assert.NotEmpty(values);
        Assert.All(values, value => Assert.Equal(-12L, value));
    }

    [Theory]
    [InlineData("Test\nn=2\n<result>-2</result>\nn=3\n<result>-6</result>", new long[] { -6 })]
    [InlineData("n = 0\nn_0 = -6\n<result>-6</result>", new long[] { -6 })]
    public void A_value_of_the_input_alone_on_its_line_is_what_the_answer_right_under_it_is_for(string reply, long[] answers)
    {
        // holdout80 llamacodeinstruct/complexity-cot/399: tags under "n=2" and "n=3" lines of invented tests; the one for
        // n=2 was read as a first answer (a false self-correction). The line right under such a value only: "n = 0"
        // set in code opens no section for the answers further down.
        Assert.Equal(answers.Select(a => (long?)a), Values(Parse(reply)));
    }

    [Fact]
    public void Answers_for_other_values_of_the_input_are_not_answers()
    {
        var trace = Parse("f(1) = 2\nf(2) = 5\nn_0 = -2\nn_0 = -4\nn_0 = -6\nf(3) = -6\n<result>-6</result>");

        Assert.Equal([-6L, -6L], Values(trace));
        Assert.Contains(trace.Issues, issue => issue.Reason.Contains("answers for n=1, not for the n=3 asked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_solution_announced_for_another_value_holds_its_answers_until_the_asked_value_is_named_again()
    {
        var trace = Parse(
            "n_0 = -2\nn_0 = -4\nn_0 = -6\n<result>-6</result>  Good! Now the walk for n=4:\nn_0 = -2\nn_0 = -8\n"
            + "The output is -8.\n<result>-8</result>\nBack to the question: for n=3 the output is -6.");

        Assert.Equal([-6L, -6L], Values(trace));
    }

    [Fact]
    public void Work_for_another_value_of_the_input_is_not_a_step_of_the_run_asked()
    {
        // The n=4 section's n_0 = -2, -8 would otherwise be read as a second attempt at the asked run.
        var trace = Parse(
            "n_0 = -2\nn_0 = -4\nn_0 = -6\n<result>-6</result>  Good! Now the walk for n=4:\nn_0 = -2\nn_0 = -8\n"
            + "<result>-8</result>\nBack to the question: for n=3, n_0 = -6.");

        Assert.Equal([1, 2, 3, 8], trace.Claims.Select(c => c.Line));
    }

    [Fact]
    public void A_value_named_in_passing_does_not_move_the_answers_to_it()
    {
        var trace = Parse("Hint: what do you think happens when n = 1?\nn_0 = -2\nn_0 = -4\nn_0 = -6\n<result>-6</result>");

        Assert.Equal([-6L], Values(trace));
    }

    [Fact]
    public void Without_a_prompt_every_answer_counts_as_before()
    {
        var trace = TraceParser.Parse("f(1) = 2\n<result>-6</result>", Programs.Loop());

        Assert.Equal([2L, -6L], Values(trace));
    }
}
