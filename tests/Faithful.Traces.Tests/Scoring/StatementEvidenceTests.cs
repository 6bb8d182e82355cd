using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>A claim line that restates its step's statement pins it to that write, even when its value coincides with another's.</summary>
public sealed class StatementEvidenceTests
{
    // a0 += a1; a0 /= 2; a0 -= a1; with a0 = a1 = 4: 8, 4, 0.
    private static StepProgram Program()
    {
        static Ref R(int slot) => new(slot, ValueKind.Int64);
        static Binary B(BinaryOp op, Expr left, Expr right) => new(op, left, right, ValueKind.Int64);
        var steps = new[]
        {
            new Step(0, "a0#1", "a0", 1, ValueKind.Int64, B(BinaryOp.Add, R(0), R(1)), "a0 += a1;", 4),
            new Step(1, "a0#2", "a0", 2, ValueKind.Int64, B(BinaryOp.Divide, R(2), new Constant(Value.FromInt64(2))), "a0 /= 2;", 5),
            new Step(2, "a0#3", "a0", 3, ValueKind.Int64, B(BinaryOp.Subtract, R(3), R(1)), "a0 -= a1;", 6),
        };
        var parameters = new[] { new Parameter("a0", ValueKind.Int64), new Parameter("a1", ValueKind.Int64) }.ToEquatableArray();
        return new StepProgram("Halving", "Add, halve, subtract", parameters, steps.ToEquatableArray(), R(4), "a0", "Samples.Programs");
    }

    [Fact]
    public void A_claim_by_versioned_name_is_placed_at_that_write_whatever_its_value()
    {
        // a0#2 (4 expected) claimed as 5 and a0#3 (0 expected) as 1: the names, not the values, say which writes they are.
        var reply = "a0#2 = 5\na0#3 = 1\nFinal answer: 1";

        var verdict = CaseScorer.Score(Program(), [Value.FromInt64(4), Value.FromInt64(4)], reply);

        Assert.Null(verdict.Steps[0].Claim);
        Assert.Equal("5", verdict.Steps[1].Claim?.Value?.Text);
        Assert.Equal("1", verdict.Steps[2].Claim?.Value?.Text);
        Assert.Empty(verdict.ExtraClaims);
    }

    [Fact]
    public void A_slip_whose_half_equals_the_previous_truth_does_not_shift_the_writes()
    {
        // 16 is a slip (8 expected); 16 / 2 = 8 and 8 - 4 = 4 follow from it, and happen to equal the writes before them.
        var reply = "a0 += a1 -> a0 = 4 + 4 = 16\na0 /= 2 -> a0 = 16 / 2 = 8\na0 -= a1 -> a0 = 8 - 4 = 4\nFinal answer: 4";

        var verdict = CaseScorer.Score(Program(), [Value.FromInt64(4), Value.FromInt64(4)], reply);

        Assert.Equal([StepVerdict.ExecutionError, StepVerdict.PropagatedError, StepVerdict.PropagatedError], verdict.Steps.Select(s => s.Verdict));
        Assert.Equal(FailureMode.ArithmeticError, verdict.PrimaryMode);
    }

    [Fact]
    public void Without_statements_the_values_decide()
    {
        var reply = "a0 = 16\na0 = 8\na0 = 4\nFinal answer: 4";

        var verdict = CaseScorer.Score(Program(), [Value.FromInt64(4), Value.FromInt64(4)], reply);

        // The same values without the statements read as an extra line and a missing last write.
        Assert.Equal(StepVerdict.Missing, verdict.Steps[2].Verdict);
    }

    [Fact]
    public void A_restated_statement_tells_apart_writes_with_the_same_operator_and_value()
    {
        // a0 += a1; a0 += a2; with a0 = 0, a1 = 4, a2 = 0: both writes give 4 with '+'. Only the statement the line restates
        // says that this is the second write; without it, a lone claim meets the earliest write it may.
        static Ref R(int slot) => new(slot, ValueKind.Int64);
        var steps = new[]
        {
            new Step(0, "a0#1", "a0", 1, ValueKind.Int64, new Binary(BinaryOp.Add, R(0), R(1), ValueKind.Int64), "a0 += a1;", 3),
            new Step(1, "a0#2", "a0", 2, ValueKind.Int64, new Binary(BinaryOp.Add, R(3), R(2), ValueKind.Int64), "a0 += a2;", 4),
        };
        var parameters = new[] { new Parameter("a0", ValueKind.Int64), new Parameter("a1", ValueKind.Int64), new Parameter("a2", ValueKind.Int64) }.ToEquatableArray();
        var program = new StepProgram("TwoAdds", "Add twice", parameters, steps.ToEquatableArray(), R(4), "a0", "Samples.Programs");

        var verdict = CaseScorer.Score(program, [Value.FromInt64(0), Value.FromInt64(4), Value.FromInt64(0)], "a0 += a2 -> a0 = 4\nFinal answer: 4");

        Assert.Null(verdict.Steps[0].Claim);
        Assert.Equal("4", verdict.Steps[1].Claim?.Value?.Text);
    }
}
