using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed class ReferenceEvaluatorTests
{
    // The README's Chain: s1 = a + b; s2 = s1 * a; s3 = s2 - s1; s4 = s3 / b; return s4.
    internal static StepProgram Chain()
    {
        static Ref R(int slot) => new(slot, ValueKind.Int64);
        Step S(int index, string name, Expr expr, string source) => new(index, name, name, 1, ValueKind.Int64, expr, source, 7 + index);
        var steps = new[]
        {
            S(0, "s1", new Binary(BinaryOp.Add, R(0), R(1), ValueKind.Int64), "var s1 = a + b;"),
            S(1, "s2", new Binary(BinaryOp.Multiply, R(2), R(0), ValueKind.Int64), "var s2 = s1 * a;"),
            S(2, "s3", new Binary(BinaryOp.Subtract, R(3), R(2), ValueKind.Int64), "var s3 = s2 - s1;"),
            S(3, "s4", new Binary(BinaryOp.Divide, R(4), R(1), ValueKind.Int64), "var s4 = s3 / b;"),
        };
        return new StepProgram(
            "Chain",
            "Two-input look-back chain",
            new[] { new Parameter("a", ValueKind.Int64), new Parameter("b", ValueKind.Int64, new Domain(-1000, 1000)) }.ToEquatableArray(),
            steps.ToEquatableArray(),
            R(5),
            "s4",
            "Samples.Programs");
    }

    [Fact]
    public void Evaluates_every_step_of_the_chain()
    {
        var trace = ReferenceEvaluator.Evaluate(Chain(), 3, 4);

        Assert.Null(trace.Fault);
        Assert.Equal([7L, 21L, 14L, 3L], trace.StepValues.Select(v => v.AsInt64));
        Assert.Equal(Value.FromInt64(3), trace.Answer);
    }

    [Fact]
    public void One_expression_evaluates_as_its_step_does_in_a_program()
    {
        // Every step of the chain on slot bits gives what the program run gives; a fault is null, not a value.
        var program = Chain();
        var trace = ReferenceEvaluator.Evaluate(program, 3, 4);
        long[] slots = [3, 4, .. trace.StepValues.Select(v => v.Bits)];
        for (var s = 0; s < program.Steps.Count; s++)
        {
            Assert.Equal(trace.StepValues[s], ReferenceEvaluator.EvaluateExpression(program.Steps[s].Expression, slots));
        }

        Assert.Null(ReferenceEvaluator.EvaluateExpression(program.Steps[3].Expression, [3, 0, 7, 21, 14]));
        var half = new Binary(BinaryOp.Divide, new Ref(0, ValueKind.Double), new Ref(1, ValueKind.Double), ValueKind.Double);
        Assert.Equal(Value.FromDouble(double.PositiveInfinity), ReferenceEvaluator.EvaluateExpression(half, [Value.FromDouble(1).Bits, Value.FromDouble(0).Bits]));
    }

    [Fact]
    public void Division_by_zero_is_a_fault_naming_the_step_and_inputs()
    {
        var trace = ReferenceEvaluator.Evaluate(Chain(), 3, 0);

        Assert.NotNull(trace.Fault);
        Assert.Equal(FaultKind.DivideByZero, trace.Fault.Kind);
        Assert.Equal(3, trace.Fault.StepIndex);
        Assert.Equal("s4", trace.Fault.Location);
        Assert.Contains("a = 3, b = 0", trace.Fault.Message, StringComparison.Ordinal);
        Assert.Equal(3, trace.StepValues.Count);
    }

    [Fact]
    public void Input_outside_the_declared_domain_is_a_fault()
    {
        var trace = ReferenceEvaluator.Evaluate(Chain(), 3, 5000);

        Assert.Equal(FaultKind.InputOutOfDomain, trace.Fault?.Kind);
        Assert.Equal("b", trace.Fault?.Location);
    }

    [Fact]
    public void Look_back_distances_count_steps_back()
    {
        var program = Chain();

        Assert.Equal([new Dependency(3, false, 1), new Dependency(2, false, 2)], LookBack.Of(program, 2));
        Assert.Equal(2, LookBack.MaxDepth(program));
    }

    [Fact]
    public void Program_json_round_trips_and_is_stable()
    {
        var program = Chain();
        var json = Serialization.ProgramJson.Serialize(program);

        Assert.Equal(program, Serialization.ProgramJson.Deserialize(json));
        Assert.Equal(json, Serialization.ProgramJson.Serialize(Serialization.ProgramJson.Deserialize(json)));
    }
}
