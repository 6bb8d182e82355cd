using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// The real-reply styles issue 12 lists, each a faithful trace that the old flat reading called unfaithful: read as a
/// careful human reader does, every one is Correct with every step correct. Registers program, inputs a0..a4 = 4 1 2 -7 5:
/// a2 = 9, a1 = 4, a4 = 9, a0 = 0, a3 = 2, 11, 20; answer 20.
/// </summary>
public sealed class RealStyleVerdictTests
{
    private static readonly Value[] Inputs = new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64).ToArray();

    public static TheoryData<string, string> Faithful() => new()
    {
        {
            "a numbered list that starts with the initial values",
            "1. a0 = 4; a1 = 1; a2 = 2; a3 = -7; a4 = 5\n2. a2 -= a3 -> a2 = 9\n3. a1 = a0 -> a1 = 4\n4. a4 += a1 -> a4 = 9\n5. a0 &= a4 -> a0 = 0\n6. a3 += a2 -> a3 = 2\n7. a3 += a2 -> a3 = 11\n8. a3 += a2 -> a3 = 20\nFinal answer: 20"
        },
        {
            "a state snapshot after every step",
            "a2 -= a3 -> a2 = 9\na0 = 4, a1 = 1, a2 = 9, a3 = -7, a4 = 5\na1 = a0 -> a1 = 4\na0 = 4, a1 = 4, a2 = 9, a3 = -7, a4 = 5\na4 += a1 -> a4 = 9\na0 = 4, a1 = 4, a2 = 9, a3 = -7, a4 = 9\na0 &= a4 -> a0 = 0\na0 = 0, a1 = 4, a2 = 9, a3 = -7, a4 = 9\na3 += a2 -> a3 = 2\na3 += a2 -> a3 = 11\na3 += a2 -> a3 = 20\na0 = 0, a1 = 4, a2 = 9, a3 = 20, a4 = 9\nFinal answer: 20"
        },
        {
            "a closing readout",
            "a2 = 9\na1 = 4\na4 = 9\na0 = 0\na3 = 2\na3 = 11\na3 = 20\nSo the value of a3 at the end is 20.\n<result>20</result>"
        },
        {
            "an answer in prose",
            "a2 = 9\na1 = 4\na4 = 9\na0 = 0\na3 = 2\na3 = 11\na3 = 20\na3 has the value 20 once the code has run."
        },
        {
            "prose, several steps to a line",
            "First, a2 becomes 2 - (-7) = 9. Then a1 becomes 4. Next, a4 becomes 5 + 4 = 9.\nAfter that, a0 becomes 4 & 9 = 0. Now a3 becomes -7 + 9 = 2.\nThen a3 becomes 2 + 9 = 11. Finally a3 becomes 11 + 9 = 20.\nSo the function returns 20."
        },
    };

    [Theory]
    [MemberData(nameof(Faithful))]
    public void A_faithful_reply_in_a_real_style_is_correct(string style, string reply)
    {
        var verdict = CaseScorer.Score(Programs.Registers(), Inputs, reply);

        Assert.True(
            verdict.PrimaryMode == FailureMode.Correct && verdict.Steps.All(s => s.Verdict == StepVerdict.Correct),
            $"{style}: {string.Join("; ", verdict.Evidence.Select(e => $"{e.Mode}: {e.Explanation}"))}");
    }

    [Theory]
    [InlineData("a1 = a1 (no change)")]
    [InlineData("a1 remains 4")]
    public void A_statement_shown_to_change_nothing_is_executed(string unchanged)
    {
        // With a1 = 4 already, a1 = a0 leaves it as it was.
        var inputs = new long[] { 4, 4, 2, -7, 5 }.Select(Value.FromInt64).ToArray();
        var reply = $"a2 -= a3 -> a2 = 9\n{unchanged}\na4 += a1 -> a4 = 9\na0 &= a4 -> a0 = 0\na3 += a2 -> a3 = 2\na3 += a2 -> a3 = 11\na3 += a2 -> a3 = 20\nFinal answer: 20";

        var verdict = CaseScorer.Score(Programs.Registers(), inputs, reply);

        Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
        Assert.Equal(StepVerdict.Correct, verdict.Steps[1].Verdict);
    }

    [Fact]
    public void Loop_narration_is_read_per_iteration()
    {
        var reply = """
            Outer loop iteration 1: n_0 = 3
              Inner loop iteration 1: n_1 = -1
              Inner loop iteration 2: n_1 = -2
            Outer loop iteration 2: n_0 = 5
              Inner loop iteration 1: n_1 = -3
              Inner loop iteration 2: n_1 = -4
            Outer loop iteration 3: n_0 = 7
              Inner loop iteration 1: n_1 = -5
              Inner loop iteration 2: n_1 = -6
            <result>1</result>
            """;

        var verdict = CaseScorer.Score(Programs.Loop(), [], reply);

        Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
    }

    [Fact]
    public void A_shortcut_claims_only_the_value_it_states()
    {
        var verdict = CaseScorer.Score(Programs.Loop(), [], "The loop runs 3 times, each time n_0 increases by 2, so n_0 = 7.\nAfter the loops n_1 = -6.\nThe output is 1.");

        Assert.Equal(FailureMode.UnderExecuted, verdict.PrimaryMode);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Equal([8, 10], verdict.Steps.Where(s => s.Claim is not null && s.StepIndex >= 2).Select(s => s.StepIndex));
        Assert.True(verdict.FirstAnswerCorrect);
    }

    [Fact]
    public void Declarations_are_given_not_executed()
    {
        // Leaving the declarations out skips nothing; echoing them executes nothing.
        var without = CaseScorer.Score(Programs.Loop(), [], "n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\nFinal answer: 1");
        var echoed = CaseScorer.Score(Programs.Loop(), [], "n_0 = 1\nn_1 = 0\nn_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\nFinal answer: 1");

        Assert.Equal(FailureMode.Correct, without.PrimaryMode);
        Assert.Equal(FailureMode.Correct, echoed.PrimaryMode);
        Assert.Empty(echoed.ExtraClaims);
    }

    [Fact]
    public void A_misread_initial_value_is_an_arithmetic_error()
    {
        var verdict = CaseScorer.Score(Programs.Loop(), [], "Initially n_0 = 2 and n_1 = 0.\nn_0 = 4\nn_1 = -1\nn_1 = -2\nn_0 = 6\nn_1 = -3\nn_1 = -4\nn_0 = 8\nn_1 = -5\nn_1 = -6\nFinal answer: 2");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps[0].Verdict);
        Assert.Equal(StepVerdict.PropagatedError, verdict.Steps[2].Verdict);
    }
}
