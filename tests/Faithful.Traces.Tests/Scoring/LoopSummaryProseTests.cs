using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using static Faithful.Traces.Tests.Scoring.LoopReplies;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// Replies that sum each loop up in a sentence of prose, as closed forms ("n_0 will be 1 + 2*3 = 7") or in words ("so it
/// ends up being -1"), the shape of most gpt4 replies to the loop programs (holdout7 gpt4/complexity-cot/642, /606). The
/// "loop" program: n_0 = 1 and n_1 = 0 given, three outer iterations of n_0 += 2, each with two inner n_1 -= 1 (ends 7
/// and -6, answer 1); the flip loop: the same n_0, and n_1 = 1 flipped (*= -1) three times per outer iteration (ends 7
/// and -1, answer 6).
/// </summary>
public sealed class LoopSummaryProseTests
{
    [Theory]
    [InlineData("After the outer loop completes, n_0 becomes 7 and n_1 becomes -2.", false)]
    [InlineData("After the inner loop, n_0 becomes 7 and n_1 becomes -2.", true)]
    public void A_summary_of_the_outer_loop_states_the_runs_end_not_an_inner_write_of_its_value(string summary, bool premature)
    {
        // holdout24 gpt35/complexity-cot/305: "After the outer loop completes, ... n_1 becomes -6" is n_1's end (-18 in truth:
        // wrong), not its third write, which happens to be -6; the answer after it is then given after the whole run.
        var verdict = CaseScorer.Score(Programs.Loop(), [], $"Initialize n_0 to 1 and n_1 to 0.\nn_0 becomes 3.\nn_1 becomes -1.\n{summary}\n<result>5</result>");

        Assert.Equal(premature, verdict.Modes.Contains(FailureMode.PrematureAnswer));
        Assert.Equal(!premature, verdict.Modes.Contains(FailureMode.ArithmeticError));
    }

    [Fact]
    public void The_words_of_a_two_word_link_are_not_the_work_shown()
    {
        // "will be" is the link: the work is "1 + 2*3", a closed form that makes the list one of end values, so n_1's
        // "(-1)^(3*3) = 1" states its loop's end (wrong, -1), not its eighth write that happens to be 1.
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], """
            1. `n_0` will be `1 + 2*3 = 7`.
            2. `n_1` will be `(-1)^(3*3) = 1` because 9 is odd.
            The function returns 7 + 1 = 8.
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Last(s => s.StepName.StartsWith("n_1#", StringComparison.Ordinal)).Verdict);
    }

    [Fact]
    public void A_reason_given_in_parentheses_states_no_value()
    {
        // "(since -1 to an odd power is -1)" says why; read as a second value of n_1 it was one claim too many for a loop
        // that ends once.
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], """
            - `n_0` will be 1 + 2*3 = 7
            - `n_1` will be 1 * (-1)^(3*3) = -1 (since -1 to an odd power is -1)
            The sum of these values is 7 - 1 = 6.
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(2, verdict.Steps.Count(s => s.Claim is { Line: > 0 } && !s.StepName.EndsWith("#1", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_loop_summary_that_ends_where_it_started_states_the_loops_end()
    {
        // n_1 starts at 1 and nine flips leave it at -1; "ends up being 1" is the loop's end stated wrong, not a readout of
        // the start value the line just echoed.
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], """
            - `n_0` starts at 1 and is increased by 2 for each outer iteration. Since there are 3 iterations, `n_0` ends up being 7.
            - `n_1` starts at 1 and is multiplied by -1 for each inner iteration. Since there are 3^2 = 9 iterations, `n_1` ends up being 1.
            The function returns 7 + 1 = <result>8</result>.
            """);

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Last(s => s.StepName.StartsWith("n_1#", StringComparison.Ordinal)).Verdict);
    }

    [Fact]
    public void A_loop_walked_in_repeats_of_its_start_is_read_out_at_the_end()
    {
        // The reply walks n_1's flips as lines that repeat its start (a flip of 0 stays 0 in this reply's own reading);
        // the closing list then only reads n_1 out, and the answer comes before the loop's end.
        var verdict = Score("""
            n_0 = 1 + 2 = 3
            n_1 = 0
            n_1 = 0
            Finally, the values are:
            n_0 = 3, n_1 = 0
            <result>3</result>
            """);

        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Fact]
    public void The_input_named_in_a_sentence_is_its_subject_not_the_last_sentences_variable()
    {
        // "Since n is 3" is about the input: read with n_1 (the earlier sentence's name) as its subject it was a claim
        // n_1 = 3, a wrong write.
        var verdict = Score("""
            `n_0` will be 1 + 2*3 = 7.
            `n_1` is decreased by 1, six times in all. Since n is 3, `n_1` = 0 - 1*6 = -6.
            The sum is 7 + (-6) = 1.
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
    }

    [Fact]
    public void A_result_word_may_name_its_target_after_filler_words()
    {
        var verdict = Score("""
            `n_0` is increased by 2 three times, resulting in `n_0` being 7.
            `n_1` is decreased by 1 six times, resulting in `n_1` being -6.
            The sum is 7 + (-6) = 1.
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(["n_0#4", "n_1#7"], CorrectSteps(verdict).Where(s => !s.EndsWith("#1", StringComparison.Ordinal)).ToArray());
    }
}

/// <summary>
/// The readers' convention: "closing lists of final values never computed in the trace are snapshots: they execute
/// nothing" (docs/labels.md). The "loop" program: n_0 = 1 and n_1 = 0 given; three outer iterations of n_0 += 2, each
/// with two inner n_1 -= 1 (ends 7 and -6, answer 1).
/// </summary>
public sealed class ClosingListTests
{
    [Fact]
    public void A_closing_list_of_values_never_computed_executes_nothing()
    {
        // One pass shown (n_0 = 3, n_1 = -1), then end values asserted: the answer comes before the loops' last writes,
        // and its sum reads values the trace never held (ruling 5: an arithmetic error once the trace's finals are wrong).
        var verdict = LoopReplies.Score("""
            n_0 = 1 + 2 = 3
            n_1 = 0 - 1 = -1
            After all iterations, the values are:
            n_0 = 7, n_1 = -4
            The sum of these values is 7 + (-4) = 3.
            <result>3</result>
            """);

        Assert.Equal([FailureMode.PrematureAnswer, FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.DoesNotContain(verdict.Steps, s => s.StepName is "n_0#4" or "n_1#7" && s.Claim is not null);
    }

    [Fact]
    public void Names_listed_then_their_values_pair_up_in_order()
    {
        // "The final values of n_0 and n_1 are 7 and -4, respectively": two readouts in one sentence (holdout7
        // llama2-70b/complexity-cot/584), so the closing list the trace never computed executes nothing. Read alone,
        // "n_1 are -4" was a loop-end shortcut and the answer looked complete.
        const string Reply = """
            n_0 = 1 + 2 = 3
            The final values of n_0 and n_1 are 7 and -4, respectively.
            <result>3</result>
            """;
        var parsed = TraceParser.Parse(Reply, Programs.Loop());
        var verdict = LoopReplies.Score(Reply);

        Assert.Equal(["n_0 7", "n_1 -4"], parsed.Claims.Where(c => c.Line == 2).Select(c => $"{c.Name} {c.Value}").ToArray());
        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Fact]
    public void A_closing_list_with_its_work_shown_sums_the_loops_up()
    {
        // "n_0 = 1 + 2*3 = 7" computes the end value (a closed form): the list executes the loops' last writes.
        var verdict = LoopReplies.Score("""
            - After the loops, n_0 = 1 + 2*3 = 7 (since it increases by 2, 3 times), and n_1 = 0 - 1*6 = -6 (since it decreases by 1, 6 times).
            The sum is 7 + (-6) = 1.
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
    }
}

/// <summary>A summary of the value the walk just reached restates it (holdout7 llama3-70b/complexity-cot/94).</summary>
public sealed class WalkedSummaryTests
{
    [Fact]
    public void A_summary_after_the_lines_that_computed_its_value_restates_it()
    {
        // "(The inner loop runs 2 times, so n_1 becomes -2)" repeats the -2 the line above computed. Read as the loop's end
        // it claimed a write of its own: in 94, whose walk skipped iterations, one the program did not have left.
        var parsed = TraceParser.Parse("""
            n_0 = 1 + 2 = 3
            n_1 = 0 - 1 = -1
            n_1 = -1 - 1 = -2
            ...
            (The inner loop runs 2 times, so n_1 becomes -2)
            The sum is 3 + (-2) = 1.
            """, Programs.Loop());

        var summary = parsed.Claims.Single(c => c.Line == 5);
        Assert.Equal(ReadingKind.Readout, summary.Kind);
        Assert.False(summary.Executes);
    }

    [Fact]
    public void A_summary_of_a_value_not_yet_reached_still_sums_the_loop_up()
    {
        var parsed = TraceParser.Parse("""
            n_0 = 1 + 2 = 3
            n_1 = 0 - 1 = -1
            (The inner loop runs 2 times, so n_1 becomes -2)
            """, Programs.Loop());

        var summary = parsed.Claims.Single(c => c.Line == 3);
        Assert.True(summary.Executes);
        Assert.True(summary.Shortcut);
    }
}

/// <summary>"Its initial value is -1" gives a start value, not a step (holdout7 llama2-70b/complexity-cot/7).</summary>
public sealed class StartValueProseTests
{
    [Fact]
    public void A_sentence_naming_the_initial_value_executes_nothing()
    {
        // Read as n_0's write (the subject carried from the sentence before), the start value made a later "n_0 is
        // initialized to 1" a second pass, and 7's early answer fell in the first attempt, out of the premature check.
        var parsed = TraceParser.Parse("""
            The purpose of the n_0 variable is to count. Its initial value is 1.
            1. n_0 is initialized to 1.
            """, Programs.Loop());

        Assert.DoesNotContain(parsed.Claims, c => c.Executes);
        Assert.Equal(1, parsed.Attempts);
    }

    [Fact]
    public void A_loop_summary_after_a_clause_on_the_start_value_still_sums_the_loop_up()
    {
        var parsed = TraceParser.Parse("n_1 is initially 0, and subtracting 1 six times will result in -6.", Programs.Loop());

        Assert.Contains(parsed.Claims, c => c.Executes && c.Name == "n_1" && c.Value?.Int64 == -6);
    }
}

/// <summary>A statement counted "(3 times)" over its value: the value is the loop's end (holdout8 llama3-70b/complexity-cot/755).</summary>
public sealed class CountedStatementTests
{
    [Fact]
    public void The_value_under_a_counted_statement_is_its_loops_end()
    {
        // n_1 -= 1 runs six times (-6); "(3 times)" over "n_1 = -3" is a wrong count, the loop's end stated wrong, not
        // n_1's first write and an answer before the rest.
        var verdict = LoopReplies.Score("""
            - n_0 += 2 (3 times)
              n_0 = 7
            - n_1 -= 1 (3 times)
              n_1 = -3
            <result>4</result>
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_1#7").Verdict);
    }

    [Fact]
    public void A_statement_without_a_count_keeps_its_value_a_single_write()
    {
        var verdict = LoopReplies.Score("""
            - n_0 += 2
              n_0 = 3
            <result>3</result>
            """);

        Assert.Equal(["n_0#2"], LoopReplies.CorrectSteps(verdict).Where(s => !s.EndsWith("#1", StringComparison.Ordinal)).ToArray());
        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }
}

/// <summary>Words before a result word are no computation (gpt4/complexity-cot/544, holdout3 gpt4/complexity-cot/270).</summary>
public sealed class ProseWorkTests
{
    [Fact]
    public void A_sentence_without_numbers_before_its_value_shows_no_work()
    {
        // "Since the list only contains one element, which is 7": the words before "is" were taken as n_0's work and
        // replayed (to nothing like 7), and a faithful trace got an arithmetic error.
        var verdict = LoopReplies.Score($"""
            {LoopReplies.FullTrace}
            Return the sum of the list containing the final value of `n_0`. As the list begins with a single element, which is 7, we add -6 to it.
            The sum is 7 + (-6) = 1.
            """);

        Assert.Equal([FailureMode.Correct], verdict.Modes.ToArray());
    }
}

/// <summary>
/// the sum of a bracketed `[n_0]` "which is" a bracketed `1+1+1` (gpt35/complexity-cot/9, holdout6 /541, holdout10 /555, the
/// same reply to the same program): the readers take the worked entry as the loop's end value computed (three increments
/// of 1 without the start, so wrong), not as no step at all.
/// </summary>
public sealed class BracketedReadoutTests
{
    [Fact]
    public void A_worked_entry_of_a_bracketed_readout_sums_its_loop_up()
    {
        const string Reply = """
            The loop runs 3 times, adding 2 to n_0 each time.
            After the loop, it returns the sum of `[n_0, n_1]`, which is `[2+2+2, -1-1-1-1-1-1]`.
            <result>0</result>
            """;
        var parsed = TraceParser.Parse(Reply, Programs.Loop());
        var verdict = LoopReplies.Score(Reply);

        Assert.Equal(["n_0 6 2+2+2", "n_1 -6 -1-1-1-1-1-1"], parsed.Claims.Where(c => c.Line == 2).Select(c => $"{c.Name} {c.Value} {c.Work}").ToArray());
        Assert.True(parsed.Claims.Where(c => c.Line == 2).All(c => c.Executes && c.Shortcut));
        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Last(s => s.StepName.StartsWith("n_0#", StringComparison.Ordinal)).Verdict);
    }

    [Fact]
    public void Bare_entries_of_a_bracketed_readout_execute_nothing()
    {
        // "which is `[7, -6]`" names end values the trace never computed: no step, so the answer is premature (a one-name
        // list after a loop summed up, "[n_0], which is [7]", is the loop's shortcut: ReadingRuleTests).
        const string Reply = """
            The loop runs 3 times, adding 2 to n_0 each time.
            After the loop, it returns the sum of `[n_0, n_1]`, which is `[7, -6]`.
            <result>1</result>
            """;
        var parsed = TraceParser.Parse(Reply, Programs.Loop());
        var verdict = LoopReplies.Score(Reply);

        Assert.DoesNotContain(parsed.Claims, c => c.Line == 2);
        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
    }
}

/// <summary>
/// "The process is then repeated two more times ... the final values are n_0 = 9, ..." (holdout10 gpt4/complexity-cot/86):
/// a closing list the trace never computed is a snapshot, but one the reply gives right after saying the walk repeats is
/// where the repeats end, a shortcut of each loop (the readers' reading).
/// </summary>
public sealed class RepeatedWalkTests
{
    private const string FirstPass = """
        n_0 = 1 + 2 = 3
        n_1 = 0 - 1 = -1
        n_1 = -1 - 1 = -2
        """;

    [Fact]
    public void A_closing_list_after_the_walk_is_said_to_repeat_sums_the_loops_up()
    {
        var verdict = LoopReplies.Score(FirstPass + """

            This completes the first outer iteration. The process is then repeated two more times. After three iterations, the final values are n_0 = 9 and n_1 = -6.
            The sum is 9 + (-6) = 3.
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Last(s => s.StepName.StartsWith("n_0#", StringComparison.Ordinal)).Verdict);
    }

    [Fact]
    public void The_repeat_may_be_said_on_the_line_before_the_list()
    {
        var verdict = LoopReplies.Score(FirstPass + """

            Repeat the steps above two more times.
            After the loops finish, n_0 = 9, n_1 = -6.
            The sum is 9 + (-6) = 3.
            """);

        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
    }

    [Fact]
    public void Without_the_repeat_the_closing_list_executes_nothing()
    {
        var verdict = LoopReplies.Score(FirstPass + """

            This completes the first outer iteration. After three iterations, the final values are n_0 = 9 and n_1 = -6.
            The sum is 9 + (-6) = 3.
            """);

        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }
}

/// <summary>
/// "its final value will be 1 + 2*3 = 7" (the form of holdout6 gpt4/complexity-cot/208): "will be" links a value in prose as
/// "is" does, but not the first of a list ("it will be -1, 1, -1, and then ...", holdout10 gpt4/603), and a value a
/// word links inside a remark that gives a reason ("(because -1 to the power of an odd number is -1)", gpt4/767) says
/// why, not what the name holds.
/// </summary>
public sealed class ProseLinkTests
{
    [Fact]
    public void Will_be_links_a_closed_form_to_the_name_the_line_is_about()
    {
        var parsed = TraceParser.Parse("""
            - n_0 goes up by 2, n times. So, its final value will be 1 + 2*3 = 7.
            """, Programs.Loop());

        var claim = Assert.Single(parsed.Claims, c => c.Executes);
        Assert.Equal(("n_0", "7", "1 + 2*3"), (claim.Name, claim.Value?.Text, claim.Work));
    }

    [Fact]
    public void Will_be_before_a_list_of_values_links_none_of_them_alone_but_walks_them_as_a_named_list()
    {
        // The list's first value is not the loop's end; "it" is n_1, so the list walks n_1 as "n_1 will be -1, 1, ..." does
        // (session 34: "it" takes the one name its sentence gave).
        static string Executed(string line) => string.Join(" ", TraceParser.Parse(line, Programs.FlipLoop()).Claims
            .Where(c => c.Executes).Select(c => $"{c.Name}={c.Value?.Text}{(c.Shortcut ? "*" : "")}"));

        var saidOfIt = Executed("- n_1 will be multiplied by -1 each time, so it will be -1, 1, -1, and then 1 again.");

        Assert.Equal("n_1=-1 n_1=1 n_1=-1 n_1=1", saidOfIt);
        Assert.Equal(Executed("- n_1 will be multiplied by -1 each time, so n_1 will be -1, 1, -1, and then 1 again."), saidOfIt);
    }

    [Fact]
    public void A_value_inside_a_reason_is_not_the_names()
    {
        var parsed = TraceParser.Parse("""
            - n_1 will be multiplied 9 times (because an odd power of -1 is -1).
            """, Programs.FlipLoop());

        Assert.DoesNotContain(parsed.Claims, c => c.Name == "n_1" && c.Value is not null);
    }
}

/// <summary>
/// a variable said to change from 1 to -1, back to 1 and to -1 once more (holdout11 gpt4/complexity-cot/295, a correct
/// reply): each value of the list after the start is a step, as in "n_0 becomes 1, then 2, and finally 3"; read as its last value alone,
/// the reply looked under-executed.
/// </summary>
public sealed class ProseValueListTests
{
    [Theory]
    [InlineData("n_1 will change from 1 to -1, then back to 1, and lastly to -1 again.")]
    [InlineData("n_1 will become -1, then 1, and finally -1.")]
    public void Each_value_of_a_prose_list_is_a_step(string line)
    {
        var parsed = TraceParser.Parse(line, Programs.FlipLoop());

        Assert.Equal(["-1", "1", "-1"], parsed.Claims.Where(c => c.Name == "n_1" && c.Executes && !c.Repeats).Select(c => c.Value?.Text).ToArray());
    }

    [Fact]
    public void A_loop_end_equal_to_the_start_after_one_reprint_of_the_declarations_is_the_loops_end()
    {
        // holdout12 gpt35/complexity-redundant-cot/381: the declarations printed once, then "After the loop, n_1 will be
        // equal to 0" for a loop that leaves 0 alone. A single reprint is not a walk of the loop in repeats of the start,
        // so the sentence states the loop's end (here right) and the answer is not premature.
        var verdict = CaseScorer.Score(Programs.ZeroFlipLoop(), [], """
            Step 1: Initialize the variables
            n_0 = 1
            n_1 = 0

            After the loops, n_0 will be equal to 7.
            After the loops, n_1 will be equal to 0.
            The function returns 7 + 0 = <result>7</result>.
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.Correct, verdict.Steps.Last().Verdict);
    }

    [Fact]
    public void A_loop_walked_in_repeats_of_the_start_is_read_out_at_its_end()
    {
        // The walk repeats n_1's start value on every flip; "n_1 ends up being 0" then reads out the value the walk holds.
        var trace = TraceParser.Parse("""
            n_0 = 1
            n_1 = 0
            n_1 = 0
            n_1 = 0
            So n_1 ends up being 0.
            """, Programs.ZeroFlipLoop());

        Assert.DoesNotContain(trace.Claims, c => c.Line == 5 && c.Shortcut);
    }
}
