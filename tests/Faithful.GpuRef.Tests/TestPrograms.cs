using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>Small hand-built programs for the API and bad-input tests.</summary>
internal static class TestPrograms
{
    private static Ref R(int slot) => new(slot, ValueKind.Int64);

    /// <summary>s1 = a + b; s2 = s1 * a; s3 = s2 - s1; s4 = s3 / b; return s4 (b in [-1000, 1000]).</summary>
    public static StepProgram Chain() => Build(
        "Chain",
        [new Parameter("a", ValueKind.Int64), new Parameter("b", ValueKind.Int64, new Domain(-1000, 1000))],
        [
            new Binary(BinaryOp.Add, R(0), R(1), ValueKind.Int64),
            new Binary(BinaryOp.Multiply, R(2), R(0), ValueKind.Int64),
            new Binary(BinaryOp.Subtract, R(3), R(2), ValueKind.Int64),
            new Binary(BinaryOp.Divide, R(4), R(1), ValueKind.Int64),
        ]);

    /// <summary>A chain of <paramref name="length"/> steps: s1 = x + 1, sN = s(N-1) * 3 + N.</summary>
    public static StepProgram LongChain(int length)
    {
        var steps = new List<Expr> { new Binary(BinaryOp.Add, R(0), new Constant(Value.FromInt64(1)), ValueKind.Int64) };
        for (var i = 1; i < length; i++)
        {
            steps.Add(new Binary(
                BinaryOp.Add,
                new Binary(BinaryOp.Multiply, R(i), new Constant(Value.FromInt64(3)), ValueKind.Int64),
                new Constant(Value.FromInt64(i + 1)),
                ValueKind.Int64));
        }

        return Build($"LongChain{length}", [new Parameter("x", ValueKind.Int64)], steps);
    }

    /// <summary>One step whose expression nests <paramref name="depth"/> right-leaning additions: needs a deep stack.</summary>
    public static StepProgram DeepExpression(int depth)
    {
        Expr expression = R(0);
        for (var i = 0; i < depth; i++)
        {
            expression = new Binary(BinaryOp.Add, R(0), expression, ValueKind.Int64);
        }

        return Build($"Deep{depth}", [new Parameter("x", ValueKind.Int64)], [expression]);
    }

    /// <summary>s1 = Math.Abs(x); s2 = s1 - 1: overflows for long.MinValue.</summary>
    public static StepProgram AbsThenDecrement() => Build(
        "AbsThenDecrement",
        [new Parameter("x", ValueKind.Int64)],
        [
            new Unary(UnaryOp.Abs, R(0), ValueKind.Int64),
            new Binary(BinaryOp.Subtract, R(1), new Constant(Value.FromInt64(1)), ValueKind.Int64),
        ]);

    /// <summary>h = x / y over doubles, x in [0, 10].</summary>
    public static StepProgram DoubleRatio(bool allowNonFinite = false) => Build(
        "Ratio",
        [new Parameter("x", ValueKind.Double, new Domain(0, 10)), new Parameter("y", ValueKind.Double)],
        [new Binary(BinaryOp.Divide, new Ref(0, ValueKind.Double), new Ref(1, ValueKind.Double), ValueKind.Double)],
        allowNonFinite);

    private static StepProgram Build(string name, Parameter[] parameters, List<Expr> expressions, bool allowNonFinite = false)
    {
        var names = parameters.Select(p => p.Name).ToList();
        var steps = new List<Step>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var stepName = $"s{i + 1}";
            var text = $"var {stepName} = {ExprFormatter.ToCSharp(expressions[i], slot => names[slot])};";
            steps.Add(new Step(i, stepName, stepName, 1, expressions[i].Kind, expressions[i], text, i + 2));
            names.Add(stepName);
        }

        var last = parameters.Length + expressions.Count - 1;
        return new StepProgram(
            name,
            name,
            parameters.ToEquatableArray(),
            steps.ToEquatableArray(),
            new Ref(last, expressions[^1].Kind),
            names[last],
            "Faithful.GpuRef.Tests.Samples",
            allowNonFinite);
    }
}
