using Faithful.Model;

namespace Faithful.Traces.Tests;

/// <summary>Small hand-built programs, shaped as the generator and analyzers produce them.</summary>
internal static class Programs
{
    private static Ref R(int slot) => new(slot, ValueKind.Int64);

    private static Binary B(BinaryOp op, Expr left, Expr right) => new(op, left, right, ValueKind.Int64);

    /// <summary>s1 = a + b; s2 = s1 * a; s3 = s2 - s1; s4 = s3 / b; return s4.</summary>
    public static StepProgram Chain()
    {
        Step S(int index, string name, Expr expr, string source) => new(index, name, name, 1, ValueKind.Int64, expr, source, 7 + index);
        var steps = new[]
        {
            S(0, "s1", B(BinaryOp.Add, R(0), R(1)), "var s1 = a + b;"),
            S(1, "s2", B(BinaryOp.Multiply, R(2), R(0)), "var s2 = s1 * a;"),
            S(2, "s3", B(BinaryOp.Subtract, R(3), R(2)), "var s3 = s2 - s1;"),
            S(3, "s4", B(BinaryOp.Divide, R(4), R(1)), "var s4 = s3 / b;"),
        };
        return new StepProgram(
            "Chain",
            "Two-input look-back chain",
            new[] { new Parameter("a", ValueKind.Int64), new Parameter("b", ValueKind.Int64) }.ToEquatableArray(),
            steps.ToEquatableArray(),
            R(5),
            "s4",
            "Samples.Programs");
    }

    /// <summary>
    /// The register program: a2 -= a3; a1 = a0; a4 += a1; a0 &amp;= a4; then a3 += a2 three times; return a3.
    /// </summary>
    public static StepProgram Registers()
    {
        // Slots 0..4 are a0..a4 (version 0); steps start at slot 5.
        var steps = new[]
        {
            new Step(0, "a2#1", "a2", 1, ValueKind.Int64, B(BinaryOp.Subtract, R(2), R(3)), "a2 -= a3;", 4),
            new Step(1, "a1#1", "a1", 1, ValueKind.Int64, R(0), "a1 = a0;", 5),
            new Step(2, "a4#1", "a4", 1, ValueKind.Int64, B(BinaryOp.Add, R(4), R(6)), "a4 += a1;", 6),
            new Step(3, "a0#1", "a0", 1, ValueKind.Int64, B(BinaryOp.BitwiseAnd, R(0), R(7)), "a0 &= a4;", 7),
            new Step(4, "a3#1", "a3", 1, ValueKind.Int64, B(BinaryOp.Add, R(3), R(5)), "a3 += a2;", 8),
            new Step(5, "a3#2", "a3", 2, ValueKind.Int64, B(BinaryOp.Add, R(9), R(5)), "a3 += a2;", 8),
            new Step(6, "a3#3", "a3", 3, ValueKind.Int64, B(BinaryOp.Add, R(10), R(5)), "a3 += a2;", 8),
        };
        var parameters = Enumerable.Range(0, 5).Select(i => new Parameter($"a{i}", ValueKind.Int64)).ToEquatableArray();
        return new StepProgram("Registers", "Five registers", parameters, steps.ToEquatableArray(), R(11), "a3", "Samples.Programs");
    }

    /// <summary>
    /// A program shaped like the real loop corpus: <c>long n_0 = 1; long n_1 = 0;</c> then three times { <c>n_0 += 2;</c>
    /// twice { <c>n_1 -= 1;</c> } }, returning the sum. Unrolled: n_0 3, n_1 -1 -2, n_0 5, n_1 -3 -4, n_0 7, n_1 -5 -6;
    /// answer 1. The declarations are given values (steps 1-2); steps 3-11 are computed.
    /// </summary>
    public static StepProgram Loop() =>
        NestedLoop("Loop", "Nested constant loops", secondInitial: 0, innerRuns: 2, BinaryOp.Subtract, innerLiteral: 1, "n_1 -= 1;");

    /// <summary>n_0 = 1; n_1 = 0; for 3 { n_0 += 2; for 3 { n_1 -= 1; } }: n_1 runs -1 -2 -3, ..., -9 (answer -2).</summary>
    public static StepProgram LongInnerLoop() =>
        NestedLoop("LongInnerLoop", "Nested constant loops, three inner runs", secondInitial: 0, innerRuns: 3, BinaryOp.Subtract, innerLiteral: 1, "n_1 -= 1;");

    /// <summary>n_0 = 1; n_1 = 1; for 3 { n_0 += 2; for 3 { n_1 *= -1; } }: nine flips, so n_1 ends at -1.</summary>
    public static StepProgram FlipLoop() =>
        NestedLoop("FlipLoop", "A counter and a nested sign flip", secondInitial: 1, innerRuns: 3, BinaryOp.Multiply, innerLiteral: -1, "n_1 *= -1;");

    /// <summary>n_0 = 1; n_1 = 0; for 3 { n_0 += 2; for 3 { n_1 *= -1; } }: the flips leave n_1 at 0 throughout (answer 7).</summary>
    public static StepProgram ZeroFlipLoop() =>
        NestedLoop("ZeroFlipLoop", "A counter and a nested sign flip of zero", secondInitial: 0, innerRuns: 3, BinaryOp.Multiply, innerLiteral: -1, "n_1 *= -1;");

    /// <summary>n_0 = 1; three times { n_0 += 1; }: every step writes one variable.</summary>
    public static StepProgram Counter()
    {
        var steps = new List<Step> { new(0, "n_0#1", "n_0", 1, ValueKind.Int64, new Constant(Value.FromInt64(1)), "long n_0 = 1;", 1) };
        for (var i = 0; i < 3; i++)
        {
            steps.Add(new Step(steps.Count, $"n_0#{i + 2}", "n_0", i + 2, ValueKind.Int64, B(BinaryOp.Add, R(i), new Constant(Value.FromInt64(1))), "n_0 += 1;", 4));
        }

        return new StepProgram("Counter", "One counter", EquatableArray<Parameter>.Empty, steps.ToEquatableArray(), R(3), "n_0", "Samples.Programs");
    }

    // n_0 = 1; n_1 = secondInitial; three times { n_0 += 2; innerRuns times { n_1 op= innerLiteral; } }; return n_0 + n_1.
    private static StepProgram NestedLoop(string name, string description, long secondInitial, int innerRuns, BinaryOp innerOp, long innerLiteral, string innerSource)
    {
        var steps = new List<Step>
        {
            new(0, "n_0#1", "n_0", 1, ValueKind.Int64, new Constant(Value.FromInt64(1)), "long n_0 = 1;", 1),
            new(1, "n_1#1", "n_1", 1, ValueKind.Int64, new Constant(Value.FromInt64(secondInitial)), FormattableString.Invariant($"long n_1 = {secondInitial};"), 2),
        };
        int lastN0 = 0, lastN1 = 1, v0 = 1, v1 = 1;
        for (var i = 0; i < 3; i++)
        {
            steps.Add(new Step(steps.Count, $"n_0#{++v0}", "n_0", v0, ValueKind.Int64, B(BinaryOp.Add, R(lastN0), new Constant(Value.FromInt64(2))), "n_0 += 2;", 5));
            lastN0 = steps.Count - 1;
            for (var j = 0; j < innerRuns; j++)
            {
                steps.Add(new Step(steps.Count, $"n_1#{++v1}", "n_1", v1, ValueKind.Int64, B(innerOp, R(lastN1), new Constant(Value.FromInt64(innerLiteral))), innerSource, 8));
                lastN1 = steps.Count - 1;
            }
        }

        return new StepProgram(name, description, EquatableArray<Parameter>.Empty, steps.ToEquatableArray(), B(BinaryOp.Add, R(lastN0), R(lastN1)), "n_0 + n_1", "Samples.Programs");
    }
}
