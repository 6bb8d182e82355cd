using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

public sealed class VerdictCaseTests
{
    public static TheoryData<VerdictCase> Cases() => new(VerdictCases.All());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hand_written_reply_gets_its_verdict(VerdictCase example)
    {
        var (program, inputs) = Case(example.Program);

        var verdict = CaseScorer.Score(program, inputs, example.Reply);

        var steps = string.Concat(verdict.Steps.Select(s => Letter(s.Verdict)));
        var evidence = string.Join("; ", verdict.Evidence.Select(e => $"{e.Mode}: {e.Explanation}"));
        Assert.True(
            (example.Primary, example.Steps, example.FirstRight, example.FinalRight) == (verdict.PrimaryMode, steps, verdict.FirstAnswerCorrect, verdict.FinalAnswerCorrect),
            $"expected {example.Primary} {example.Steps} first={example.FirstRight} final={example.FinalRight}\n" +
            $"got      {verdict.PrimaryMode} {steps} first={verdict.FirstAnswerCorrect} final={verdict.FinalAnswerCorrect}\nevidence: {evidence}");
        Assert.Equal(example.Primary, verdict.Modes[0]);
        Assert.Contains(verdict.Evidence, e => e.Mode == example.Primary);
    }

    [Fact]
    public void Every_mode_has_hand_written_examples_in_both_styles()
    {
        var all = VerdictCases.All().ToList();

        foreach (var mode in Enum.GetValues<FailureMode>())
        {
            // A chain writes each variable once, so no operand has an older version to be stale.
            if (mode != FailureMode.StaleOperand)
            {
                Assert.Contains(all, c => c.Primary == mode && c.Program == "chain");
            }

            Assert.Contains(all, c => c.Primary == mode && c.Program == "registers");
        }
    }

    internal static (StepProgram Program, Value[] Inputs) Case(string name) => name switch
    {
        "chain" => (Programs.Chain(), [Value.FromInt64(3), Value.FromInt64(4)]),
        "registers" => (Programs.Registers(), new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64).ToArray()),
        "loop" => (Programs.Loop(), []),
        _ => throw new ArgumentException($"unknown program {name}", nameof(name)),
    };

    private static char Letter(StepVerdict verdict) => verdict switch
    {
        StepVerdict.Correct => 'C',
        StepVerdict.PropagatedError => 'P',
        StepVerdict.ExecutionError => 'E',
        _ => 'M',
    };
}

public sealed class FinalAnswerOnlyTests
{
    [Theory]
    [InlineData("The answer is 3.\nFinal answer: 3", FailureMode.Correct)]
    [InlineData("Final answer: 4", FailureMode.ArithmeticError)]
    [InlineData("I cannot tell.", FailureMode.MissingAnswer)]
    public void Control_prompt_replies_are_judged_on_the_answer_alone(string reply, FailureMode expected)
    {
        var (program, inputs) = VerdictCaseTests.Case("chain");
        var options = new ScoringOptions { RequireTrace = false };

        var control = CaseScorer.Score(program, inputs, reply, options: options);
        var process = CaseScorer.Score(program, inputs, reply);

        Assert.Equal(expected, control.PrimaryMode);
        Assert.NotEqual(FailureMode.Correct, process.PrimaryMode);
    }
}
