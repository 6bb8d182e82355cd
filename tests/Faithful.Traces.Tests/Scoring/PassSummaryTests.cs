using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// A pass of the outermost loop summed up one value per variable ("Iteration 2: n_0 = 3 + 2 = 5, n_1 = -2 - 2 = -4"): the
/// readers place each inner value on its variable's last write in that pass, so a reply whose last pass is summed up
/// reaches the program's last write (holdout llama3-70b/complexity-cot/239, dev /459, holdout8 gpt4/complexity-cot/353).
/// The "loop" program: n_0 = 1, n_1 = 0; three passes of n_0 += 2 with two inner n_1 -= 1 (ends 7 and -6).
/// </summary>
public sealed class PassSummaryTests
{
    [Fact]
    public void Each_passs_value_lands_on_the_last_write_of_that_pass()
    {
        var verdict = LoopReplies.Score("""
            Iteration 1:
            n_0 = 1 + 2 = 3
            n_1 = 0 - 2 = -2
            Iteration 2:
            n_0 = 3 + 2 = 5
            n_1 = -2 - 2 = -4
            Iteration 3:
            n_0 = 5 + 2 = 7
            n_1 = -4 - 2 = -6
            The sum is 7 + (-6) = 1.
            """);

        Assert.Equal([FailureMode.UnderExecuted], verdict.Modes.ToArray());
        Assert.Equal(["n_0#2", "n_1#3", "n_0#3", "n_1#5", "n_0#4", "n_1#7"], LoopReplies.CorrectSteps(verdict).Where(s => !s.EndsWith("#1", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void A_pass_summed_up_with_a_wrong_count_is_an_arithmetic_error_not_a_premature_answer()
    {
        // Three decrements a pass where the program has two: each pass ends wrong, and the last one still ends the loop.
        var verdict = LoopReplies.Score("""
            Iteration 1:
            n_0 = 1 + 2 = 3
            n_1 = 0 - 3 = -3
            Iteration 2:
            n_0 = 3 + 2 = 5
            n_1 = -3 - 3 = -6
            Iteration 3:
            n_0 = 5 + 2 = 7
            n_1 = -6 - 3 = -9
            The sum is 7 + (-9) = -2.
            """);

        Assert.Equal([FailureMode.UnderExecuted, FailureMode.ArithmeticError], verdict.Modes.ToArray());
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_1#7").Verdict);
    }

    [Fact]
    public void Flat_rounds_of_single_writes_are_matched_to_the_next_writes()
    {
        // One decrement a round, no sign of a run summed up: the readers' flattened nesting, so the answer is premature.
        var verdict = LoopReplies.Score("""
            Round 1: n_0 = 3, n_1 = -1
            Round 2: n_0 = 5, n_1 = -2
            Round 3: n_0 = 7, n_1 = -3
            The sum is 7 + (-3) = 4.
            """);

        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Contains("n_1#4", LoopReplies.CorrectSteps(verdict));
    }
}

public sealed class PassSummaryTargetTests
{
    [Fact]
    public void Bare_values_that_move_by_a_whole_pass_are_pass_summaries()
    {
        // n_1 drops by 2 a pass, exactly its two writes of -1: each value is where the pass took it.
        Assert.Equal(["n_1#3", "n_1#5", "n_1#7"], Targets("""
            Iteration 1: n_0 = 3, n_1 = -2
            Iteration 2: n_0 = 5, n_1 = -4
            Iteration 3: n_0 = 7, n_1 = -6
            """));
    }

    [Fact]
    public void Bare_values_that_move_by_one_write_are_not()
    {
        Assert.Empty(Targets("""
            Iteration 1: n_0 = 3, n_1 = -1
            Iteration 2: n_0 = 5, n_1 = -2
            Iteration 3: n_0 = 7, n_1 = -3
            """));
    }

    [Fact]
    public void An_outer_value_that_jumps_several_passes_opens_no_pass()
    {
        // "this repeats 3 times, so n_0 becomes 7" right after the first pass sums the loop up; it is not pass 2.
        Assert.Empty(Targets("""
            Iteration 1: n_0 = 3, n_1 = 0 - 2 = -2
            This repeats 3 times, so n_0 = 7 and n_1 = -2 - 4 = -6.
            """));
    }

    private static string[] Targets(string reply)
    {
        var (program, inputs) = VerdictCaseTests.Case("loop");
        var truth = Faithful.Execution.ReferenceEvaluator.Evaluate(program, inputs);
        var parsed = Faithful.Traces.Parsing.TraceParser.Parse(reply, program);
        var targets = PassSummaries.Targets(program, truth, ProgramIndex.For(program), parsed.Claims, 0, parsed.Claims.Count);
        return targets is null ? [] : targets.Where(t => t >= 0).Select(t => program.Steps[t].Name).ToArray();
    }
}
