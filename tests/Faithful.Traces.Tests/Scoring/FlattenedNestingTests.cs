using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// Replies that run nested loops as sibling loops or as flat rounds keep each variable's own order, not the program's:
/// a reader matches each stated value to the next write of its variable (docs/labels.md, "Flattened nesting"). The
/// "loop" program: n_0 = 1 and n_1 = 0 given; three outer iterations of n_0 += 2, each with two inner n_1 -= 1.
/// </summary>
public sealed class FlattenedNestingTests
{
    [Fact]
    public void Sibling_loops_execute_each_variables_first_writes_and_answer_before_the_last_step()
    {
        var verdict = Score("""
            Outer loop:
            n_0 = 1 + 2 = 3
            n_0 = 3 + 2 = 5
            n_0 = 5 + 2 = 7
            Inner loop:
            n_1 = 0 - 1 = -1
            n_1 = -1 - 1 = -2
            The function returns 7 + (-2) = 5.
            """);

        // In program order n_1's values would meet its last two writes (-5, -6) and read as wrong arithmetic.
        Assert.Equal([FailureMode.PrematureAnswer, FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(["n_0#2", "n_1#2", "n_1#3", "n_0#3", "n_0#4"], CorrectSteps(verdict));
    }

    [Fact]
    public void Lockstep_rounds_past_a_loops_bound_are_extra_steps_and_the_rest_is_never_reached()
    {
        var verdict = Score("""
            Round 1: n_0 = 3, n_1 = -1
            Round 2: n_0 = 5, n_1 = -2
            Round 3: n_0 = 7, n_1 = -3
            Round 4: n_0 = 9, n_1 = -4
            <result>5</result>
            """);

        Assert.Equal([FailureMode.PrematureAnswer, FailureMode.HallucinatedSteps, FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Contains(verdict.Evidence, e => e.Mode == FailureMode.HallucinatedSteps && e.Explanation.Contains("'n_0'", StringComparison.Ordinal));
        Assert.DoesNotContain(verdict.Steps, s => s.Verdict is StepVerdict.ExecutionError or StepVerdict.PropagatedError);
    }

    [Fact]
    public void A_reply_in_program_order_keeps_the_program_order_reading()
    {
        // The second outer iteration skips its inner loop: in program order the n_1 values after n_0 = 7 are the third
        // iteration's (-5, -6, both right); read per variable they would be n_1's third and fourth writes (-3, -4), wrong.
        var verdict = Score("""
            n_0 = 1 + 2 = 3
            n_1 = 0 - 1 = -1
            n_1 = -1 - 1 = -2
            n_0 = 3 + 2 = 5
            n_0 = 5 + 2 = 7
            n_1 = -4 - 1 = -5
            n_1 = -5 - 1 = -6
            <result>1</result>
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(["n_0#2", "n_1#2", "n_1#3", "n_0#3", "n_0#4", "n_1#6", "n_1#7"], CorrectSteps(verdict));
    }

    [Fact]
    public void A_summary_of_a_whole_loop_is_not_held_before_another_variables_line()
    {
        // n_0's one line sums up its loop; n_1's line after it is its first write (program step 3). In program order that
        // line would pin n_0's summary before it, onto n_0's first write (3), and call 7 wrong.
        var verdict = Score("""
            The outer loop runs 3 times, so n_0 = 1 + 2 + 2 + 2 = 7
            n_1 = 0 - 1 = -1
            <result>6</result>
            """);

        Assert.Equal(["n_1#2", "n_0#4"], CorrectSteps(verdict));
        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
    }

    private static TraceVerdict Score(string reply) => LoopReplies.Score(reply);

    private static string[] CorrectSteps(TraceVerdict verdict) => LoopReplies.CorrectSteps(verdict);
}
