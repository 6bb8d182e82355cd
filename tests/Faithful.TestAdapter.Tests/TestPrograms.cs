using Faithful.Execution;
using Faithful.Model;

namespace Faithful.TestAdapter.Tests;

/// <summary>A small hand-built catalog: the README's Chain and a register-style program.</summary>
public static class TestPrograms
{
    public static StepProgram Chain { get; } = BuildChain();

    public static StepProgram Registers { get; } = BuildRegisters();

    public static IReadOnlyList<StepProgram> All { get; } = [Chain, Registers];

    /// <summary>A reply that executes every step correctly, in the process-aware format.</summary>
    public static string CorrectReply(StepProgram program, IReadOnlyList<Value> inputs)
    {
        var trace = ReferenceEvaluator.Evaluate(program, inputs);
        var lines = program.Steps.Select(s => $"{s.Variable} = {trace.StepValues[s.Index]}");
        return string.Join("\n", lines) + $"\nFinal answer: {trace.Answer}";
    }

    /// <summary>A reply whose step <paramref name="wrongStep"/> is off by one (and everything after computed from it).</summary>
    public static string ReplyWithError(StepProgram program, IReadOnlyList<Value> inputs, int wrongStep)
    {
        var trace = ReferenceEvaluator.Evaluate(program, inputs);
        var lines = program.Steps.Select(s => $"{s.Variable} = {(s.Index == wrongStep ? trace.StepValues[s.Index].AsInt64 + 1 : trace.StepValues[s.Index].AsInt64)}");
        return string.Join("\n", lines) + $"\nFinal answer: {trace.Answer!.Value.AsInt64 + (wrongStep == program.Steps.Count - 1 ? 1 : 0)}";
    }

    private static Ref R(int slot) => new(slot, ValueKind.Int64);

    private static StepProgram BuildChain()
    {
        static Step S(int index, string name, Expr expr, string source) => new(index, name, name, 1, ValueKind.Int64, expr, source, 10 + index);
        var steps = new[]
        {
            S(0, "s1", new Binary(BinaryOp.Add, R(0), R(1), ValueKind.Int64), "var s1 = a + b;"),
            S(1, "s2", new Binary(BinaryOp.Multiply, R(2), R(0), ValueKind.Int64), "var s2 = s1 * a;"),
            S(2, "s3", new Binary(BinaryOp.Subtract, R(3), R(2), ValueKind.Int64), "var s3 = s2 - s1;"),
            S(3, "s4", new Binary(BinaryOp.Add, R(4), R(1), ValueKind.Int64), "var s4 = s3 + b;"),
        };
        return new StepProgram(
            "Chain",
            "Two-input look-back chain",
            new[] { new Parameter("a", ValueKind.Int64, new Domain(-20, 20)), new Parameter("b", ValueKind.Int64, new Domain(-20, 20)) }.ToEquatableArray(),
            steps.ToEquatableArray(),
            R(5),
            "s4",
            "Faithful.TestAdapter.Tests.Programs");
    }

    private static StepProgram BuildRegisters()
    {
        // a1 -= a0; a0 += a1; a1 *= 2 (as a1 + a1); return a1;
        var steps = new[]
        {
            new Step(0, "a1#1", "a1", 1, ValueKind.Int64, new Binary(BinaryOp.Subtract, R(1), R(0), ValueKind.Int64), "a1 -= a0;", 10),
            new Step(1, "a0#1", "a0", 1, ValueKind.Int64, new Binary(BinaryOp.Add, R(0), R(2), ValueKind.Int64), "a0 += a1;", 11),
            new Step(2, "a1#2", "a1", 2, ValueKind.Int64, new Binary(BinaryOp.Add, R(2), R(2), ValueKind.Int64), "a1 += a1;", 12),
        };
        return new StepProgram(
            "Registers",
            "Two registers",
            new[] { new Parameter("a0", ValueKind.Int64, new Domain(-9, 9)), new Parameter("a1", ValueKind.Int64, new Domain(-9, 9)) }.ToEquatableArray(),
            steps.ToEquatableArray(),
            R(4),
            "a1",
            "Faithful.TestAdapter.Tests.Programs");
    }
}
