using Faithful.Model;
using Faithful.Traces.Scoring;
using static Faithful.Traces.Tests.Scoring.LoopReplies;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// Ruling 5 (docs/labels.md): a wrong answer is an arithmetic error only when the reply shows its sum, on the answer's
/// line or next to it; a bare number executes nothing. The "loop" program: n_0 = 1 and n_1 = 0 given; three outer
/// iterations of n_0 += 2, each with two inner n_1 -= 1 (ends 7 and -6, answer 1).
/// </summary>
public sealed class AnswerWorkTests
{
    [Fact]
    public void A_bare_wrong_answer_after_extra_steps_is_no_arithmetic_error()
    {
        // The reply runs on past the loop (n_0 = 9) and tags 5, which neither the truth (1) nor its own ends (3) give.
        var verdict = Score($"{FullTrace}\nn_0 = 7 + 2 = 9\n<result>5</result>");

        Assert.Equal([FailureMode.HallucinatedSteps], verdict.Modes.ToArray());
    }

    [Fact]
    public void A_wrong_answer_under_its_own_addition_line_is_an_arithmetic_error()
    {
        var verdict = Score($"{FullTrace}\nn_0 = 7 + 2 = 9\nThe sum of these values is:\n9 + (-6) = 5\n<result>5</result>");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
    }

    [Fact]
    public void A_step_line_with_the_answers_value_is_not_the_answers_work()
    {
        // "n_0 = 1 + 2 = 3" computes a step; the tagged 3 below it states no sum (its own ends give 3 + (-1) = 2).
        var verdict = Score("n_0 = 1 + 2 = 3\nn_1 = 0 - 1 = -1\n<result>3</result>");

        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Fact]
    public void A_listed_return_sum_added_up_wrongly_is_an_arithmetic_error_not_a_readout()
    {
        // Right ends, summed in a list a line above the answer and added up wrongly (7 - 6 is 1, not 2). Without the list
        // the 2 reads as the sum with n_1's earlier -5, a readout error.
        var listed = Score($"{FullTrace}\nreturn sum([7, -6])\nreturn 2\n<result>2</result>");
        var bare = Score($"{FullTrace}\n<result>2</result>");

        Assert.Equal([FailureMode.ArithmeticError], listed.Modes.ToArray());
        Assert.Equal([FailureMode.ReadoutError], bare.Modes.ToArray());
    }

    [Fact]
    public void Right_ends_summed_as_other_values_added_rightly_are_a_readout_error()
    {
        // Ruling 5: the trace holds the right ends (7, -6) but the sum reads 8 for n_0, a value the reply never gave, and
        // adds rightly: the answer misreports a faithful trace.
        var verdict = Score($"{FullTrace}\nReturn 8 + (-6) = 2.\n<result>2</result>");

        Assert.Equal([FailureMode.ReadoutError], verdict.Modes.ToArray());
    }

    [Theory]
    [InlineData("Return 8 + (-6) = 9.", new[] { FailureMode.ReadoutError, FailureMode.ArithmeticError })]
    [InlineData("Return 7 + (-6) = 9.", new[] { FailureMode.ArithmeticError })]
    public void Right_ends_summed_as_other_values_and_added_up_wrongly_are_both_faults(string sum, FailureMode[] modes)
    {
        // Ruling 5 names both: the sum reads 8 for n_0 where the trace holds 7 (a readout) and 8 - 6 is 2, not 9 (an
        // arithmetic slip), as holdout71 gpt35/complexity-redundant-cot/194's reader labelled a sum with both faults. Its
        // own ends added up wrongly are the slip alone.
        var verdict = Score($"{FullTrace}\n{sum}\n<result>9</result>");

        Assert.Equal(modes, verdict.Modes.ToArray());
    }

    [Fact]
    public void A_strong_prose_answer_takes_the_addition_line_above_it_as_its_work()
    {
        var verdict = Score($"{FullTrace}\nThe final values add up to 7 + (-6) = 2.\nTherefore, the output of the function is 2.");

        Assert.Equal([FailureMode.ArithmeticError], verdict.Modes.ToArray());
    }
}
