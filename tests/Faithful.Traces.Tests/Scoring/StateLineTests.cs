using Faithful.Model;
using Faithful.Traces.Scoring;
using static Faithful.Traces.Tests.Scoring.LoopReplies;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// A full state on every line, the changed variable computed and the others restated ("n_0 = 1 + 2 = 3, n_1 = 0"): the
/// computed value is the step; a restated one writes nothing. The "loop" program: n_0 = 1 and n_1 = 0 given; three
/// outer iterations of n_0 += 2, each with two inner n_1 -= 1 (ends 7 and -6, answer 1).
/// </summary>
public sealed class StateLineTests
{
    private const string FaithfulStates = """
        1. n_0 = 1, n_1 = 0
        2. Outer loop iteration 1: n_0 = 1 + 2 = 3, n_1 = 0
        3. Inner loop iteration 1: n_0 = 3, n_1 = 0 - 1 = -1
        4. Inner loop iteration 2: n_0 = 3, n_1 = -1 - 1 = -2
        5. Outer loop iteration 2: n_0 = 3 + 2 = 5, n_1 = -2
        6. Inner loop iteration 1: n_0 = 5, n_1 = -2 - 1 = -3
        7. Inner loop iteration 2: n_0 = 5, n_1 = -3 - 1 = -4
        8. Outer loop iteration 3: n_0 = 5 + 2 = 7, n_1 = -4
        9. Inner loop iteration 1: n_0 = 7, n_1 = -4 - 1 = -5
        10. Inner loop iteration 2: n_0 = 7, n_1 = -5 - 1 = -6
        """;

    [Fact]
    public void A_state_line_per_step_is_a_faithful_trace()
    {
        // Before: the restated "n_0 = 3" on the inner lines counted as n_0's writes (the line's other '=' signs, in n_1's
        // clause, read as n_0's statement shown), so the computed ones were extra and n_0's later writes took n_1's values.
        var verdict = Score($"{FaithfulStates}\nThe sum of n_0 and n_1 is 7 + (-6) = 1.\n<result>1</result>");

        Assert.Equal([FailureMode.Correct], verdict.Modes.ToArray());
        Assert.Equal(["n_0#1", "n_1#1", "n_0#2", "n_1#2", "n_1#3", "n_0#3", "n_1#4", "n_1#5", "n_0#4", "n_1#6", "n_1#7"], CorrectSteps(verdict));
    }

    [Fact]
    public void A_wrong_computation_on_a_state_line_is_still_found()
    {
        // The second outer line adds 3 instead of 2 (n_0 = 6): a wrong step, and the restatements after it hold 6.
        var reply = FaithfulStates.Replace("n_0 = 3 + 2 = 5, n_1 = -2", "n_0 = 3 + 2 = 6, n_1 = -2", StringComparison.Ordinal)
            .Replace("n_0 = 5,", "n_0 = 6,", StringComparison.Ordinal)
            .Replace("n_0 = 5 + 2 = 7", "n_0 = 6 + 2 = 8", StringComparison.Ordinal)
            .Replace("n_0 = 7,", "n_0 = 8,", StringComparison.Ordinal);
        var verdict = Score($"{reply}\n<result>2</result>");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps.Single(s => s.StepName == "n_0#3").Verdict);
    }
}
