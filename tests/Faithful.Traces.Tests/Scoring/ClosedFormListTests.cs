using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// Replies that sum each loop up in one line ("n_0 = 1 + 6 = 7" for three runs of n_0 += 2), then list the end values:
/// readers take every value in such a list as its loop's end (rulings 3 and the convention on wrong iteration counts in
/// docs/labels.md), and weigh "if n is odd ..." cases as no value at all. The "loop" program: n_0 = 1 and n_1 = 0 given;
/// three outer iterations of n_0 += 2, each with two inner n_1 -= 1.
/// </summary>
public sealed class ClosedFormListTests
{
    [Fact]
    public void A_closed_form_per_variable_sums_up_its_loop_and_a_wrong_count_is_an_arithmetic_error()
    {
        // "1 + 6" is n_0 += 2 three times in one line, n_0's end value (7, right); "0 - 4" is n_1 -= 1 four times where its
        // loops run it six: the end value -6 is stated as -4. Read as single writes, -4 would match n_1's fourth write
        // and hide the wrong count behind a premature answer.
        var verdict = Score("""
            n_0 = 1 + 6 = 7
            n_1 = 0 - 4 = -4
            The output is 7 + (-4) = 3.
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(["n_0#4"], CorrectSteps(verdict));
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_1#7").Verdict);
    }

    [Fact]
    public void One_application_under_a_loop_heading_is_one_iteration_not_the_loops_end()
    {
        // "Iterate 3 times:" over "n_0 = 1 + 2 = 3": the work applies n_0 += 2 once, so the line shows n_0's first write
        // (right), not a wrong end value of its loop; the reply stops there and answers early (extra-steps set reply
        // llama2-70b/complexity-cot/37, whose readers count such lines as single steps).
        var verdict = Score("""
            Iterate 3 times:
            n_0 = 1 + 2 = 3
            Iterate 2 times:
            n_1 = 0 - 1 = -1
            <result>2</result>
            """);

        Assert.Equal([FailureMode.PrematureAnswer, FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(["n_0#2", "n_1#2"], CorrectSteps(verdict));
    }

    [Fact]
    public void In_a_list_of_closed_forms_each_variables_value_is_its_loops_end()
    {
        // Once a line sums a loop up in closed form ("1 + 6"), the lines of its list give end values: "0 - 1" is n_1 -= 1
        // counted once where its loops run it six times, a wrong end value (-1 for -6), not n_1's first write and a
        // premature answer (readers' convention on wrong iteration counts;
        // development reply llama2-70b/complexity-cot/420).
        var verdict = Score("""
            n_0 = 1 + 6 = 7
            n_1 = 0 - 1 = -1
            <result>6</result>
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(["n_0#4"], CorrectSteps(verdict));
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_1#7").Verdict);
    }

    [Fact]
    public void A_flip_the_list_leaves_unchanged_is_its_loops_end_value()
    {
        // The list's closed form makes n_1's "unchanged" its loop's end value: nine flips miscounted as even give a wrong
        // end value (1 for -1), not a correct restatement of an earlier write that happens to be 1.
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], """
            n_0 = 1 + 6 = 7
            n_1 = 1 (unchanged)
            <result>8</result>
            """);

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Last(s => s.StepName.StartsWith("n_1#", StringComparison.Ordinal)).Verdict);
    }

    [Fact]
    public void A_closed_form_may_count_its_runs_as_a_product()
    {
        // "1 + 2*3" is n_0 += 2 three times, so the list that follows gives end values: n_1's bare -4 is its end (-6)
        // stated wrong, not its fourth write (-4) followed by a premature answer.
        var verdict = Score("""
            n_0 = 1 + 2*3 = 7
            n_1 = -4
            <result>3</result>
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_1#7").Verdict);
    }

    [Fact]
    public void An_operand_that_is_the_value_the_line_above_gave_is_a_look_back_not_a_closed_form()
    {
        // "0 - 3" would be n_1 -= 1 three times over, but 3 is the value n_0 was just given: the line reads n_0 where it
        // should read n_1's own 1 (a look-back misread), so the lines are single writes and the answer comes early
        // (holdout64 jurassic2-ultra/complexity-cot/505). As a closed form, both lines would be end values, n_0's 3 a
        // wrong end (7), and the premature answer would be lost.
        var verdict = Score("""
            n_0 = 1 + 2 = 3
            n_1 = 0 - 3 = -3
            <result>0</result>
            """);

        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Contains("n_0#2", CorrectSteps(verdict));
        Assert.NotEqual(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_0#4").Verdict);
    }

    [Fact]
    public void A_value_the_list_restates_after_a_summary_is_not_a_second_step()
    {
        // "After the loops n_1 is -6" sums the loop up; the list's "n_1 = -6" restates it. Two summaries of a loop that
        // ends once would otherwise be read as single writes, the first of them wrong.
        var verdict = Score("""
            After the loops, n_1 ends up at -6.
            n_0 = 1 + 6 = 7
            n_1 = -6
            <result>1</result>
            """);

        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Equal(["n_0#4", "n_1#7"], CorrectSteps(verdict));
    }

    [Theory]
    [InlineData("If n is odd, n_1 will be -1. If n is even, n_1 will remain 1.")]
    [InlineData("n_1 is 1 if n is even, and -1 if n is odd.")]
    [InlineData("If n^2 is odd, n_1 ends up being -1 (because multiplying by -1 an odd number of times gives -1).")]
    public void Cases_of_parity_state_no_value(string line)
    {
        var parsed = TraceParser.Parse(line + "\n<result>6</result>", TraceParserOptions.ForProgram(Programs.FlipLoop()));

        Assert.DoesNotContain(parsed.Claims, claim => claim.Name == "n_1" && claim.Executes);
    }

    [Fact]
    public void A_value_with_an_aside_on_the_other_case_is_still_stated()
    {
        // The "if" belongs to the parenthesis after the value, not to the value.
        var parsed = TraceParser.Parse(
            "Since 9 is odd, n_1 ends at -1 (it would end at 1 if the count were even).\n<result>6</result>",
            TraceParserOptions.ForProgram(Programs.FlipLoop()));

        Assert.Contains(parsed.Claims, claim => claim.Name == "n_1" && claim.Value?.Int64 == -1);
    }

    [Fact]
    public void A_bare_value_on_a_line_that_names_the_input_asked_is_the_runs_end()
    {
        // "So, for n=3, n_1 will be -1" after a parity argument: the run's end, placed on n_1's last write, not its first.
        var options = TraceParserOptions.ForProgram(Programs.FlipLoop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });
        var parsed = TraceParser.Parse("So, for n=3, n_1 will be -1.\n<result>6</result>", options);

        Assert.True(Assert.Single(parsed.Claims, claim => claim.Name == "n_1").Shortcut);
    }

    [Fact]
    public void Bare_values_one_per_variable_on_a_line_that_names_the_input_asked_are_the_runs_ends()
    {
        // both variables' values stated for n=3 after a parity argument (held-out reply gpt4/complexity-cot/57):
        // both are end values, as the readers read them, not two early writes.
        var options = TraceParserOptions.ForProgram(Programs.FlipLoop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });
        var parsed = TraceParser.Parse("So, for n=3, n_0 will be 7 and n_1 will be 1.\n<result>8</result>", options);

        Assert.All(parsed.Claims.Where(claim => claim.Name is "n_0" or "n_1"), claim => Assert.True(claim.Shortcut));
        Assert.Equal(2, parsed.Claims.Count(claim => claim.Name is "n_0" or "n_1"));
    }

    [Fact]
    public void Two_values_of_one_variable_on_a_line_that_names_the_input_are_not_both_its_end()
    {
        var options = TraceParserOptions.ForProgram(Programs.FlipLoop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });
        var parsed = TraceParser.Parse("For n=3, n_1 = 1, then n_1 = -1.\n<result>6</result>", options);

        Assert.All(parsed.Claims.Where(claim => claim.Name == "n_1"), claim => Assert.False(claim.Shortcut));
    }

    private static TraceVerdict Score(string reply) => LoopReplies.Score(reply);

    private static string[] CorrectSteps(TraceVerdict verdict) => LoopReplies.CorrectSteps(verdict);
    [Theory]
    [InlineData("n_1 becomes -1, -2, ..., -4 after the 6 iterations.", StepVerdict.ExecutionError)]
    [InlineData("n_1 becomes -1, -2, ..., -6 after the 6 iterations.", StepVerdict.Correct)]
    public void A_loop_end_after_an_ellipsis_is_its_loops_last_write_whatever_its_value(string line, StepVerdict last)
    {
        // holdout18 llama3-70b/complexity-cot/345, dev /501: "n_2 becomes -2, -4, -6, ..., -24 in the 27 iterations" claims
        // the loop's end; a wrong end that an earlier write happens to hold is an arithmetic error, not that write shown
        // followed by a premature answer.
        var verdict = Score("n_0 becomes 3, 5, 7.\n" + line + "\n<result>1</result>");

        Assert.Equal(last, verdict.Steps.Single(s => s.StepName == "n_1#7").Verdict);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
    }
}
