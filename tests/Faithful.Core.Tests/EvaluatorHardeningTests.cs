using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed class EvaluatorHardeningTests
{
    private static StepProgram With(params Expr[] stepExpressions) => new(
        "Bad",
        "",
        new[] { new Parameter("a", ValueKind.Int64), new Parameter("x", ValueKind.Double) }.ToEquatableArray(),
        stepExpressions.Select((e, i) => new Step(i, $"s{i + 1}", $"s{i + 1}", 1, e.Kind, e, "", 0)).ToEquatableArray(),
        new Ref(1 + stepExpressions.Length, stepExpressions[^1].Kind),
        "",
        "Samples");

    private static readonly Ref A = new(0, ValueKind.Int64);
    private static readonly Ref X = new(1, ValueKind.Double);

    [Fact]
    public void A_read_of_a_later_step_is_rejected_not_read_as_zero()
    {
        var program = With(new Binary(BinaryOp.Add, A, new Ref(3, ValueKind.Int64), ValueKind.Int64), A);

        var error = Assert.Throws<ArgumentException>(() => ReferenceEvaluator.Evaluate(program, [Value.FromInt64(1), Value.FromDouble(1)]));

        Assert.Contains("Program Samples.Bad, step 1 (s1): reads slot 3, which is not an input or an earlier step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_with_the_wrong_kind_is_rejected()
    {
        var program = With(new Binary(BinaryOp.Add, A, new Ref(1, ValueKind.Int64), ValueKind.Int64));

        var error = Assert.Throws<ArgumentException>(() => ReferenceEvaluator.Evaluate(program, [Value.FromInt64(1), Value.FromDouble(1)]));

        Assert.Contains("reads x as long, but it is double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_operand_kinds_need_an_explicit_conversion()
    {
        var program = With(new Binary(BinaryOp.Add, X, A, ValueKind.Double));

        Assert.Contains(ProgramValidator.Problems(program), p => p.Contains("Add of double and long", StringComparison.Ordinal));
    }

    [Fact]
    public void Bitwise_operators_on_doubles_are_rejected()
    {
        var program = With(new Binary(BinaryOp.BitwiseAnd, X, X, ValueKind.Double));

        Assert.Contains(ProgramValidator.Problems(program), p => p.Contains("BitwiseAnd is defined on long only", StringComparison.Ordinal));
    }

    [Fact]
    public void Absurdly_deep_expressions_are_rejected_before_evaluation()
    {
        Expr deep = A;
        for (var i = 0; i < 10_000; i++)
        {
            deep = new Unary(UnaryOp.Negate, deep, ValueKind.Int64);
        }

        var error = Assert.Throws<ArgumentException>(() => ReferenceEvaluator.Evaluate(With(deep), [Value.FromInt64(1), Value.FromDouble(1)]));

        Assert.Contains($"nested deeper than {ProgramValidator.MaxExpressionDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_formed_programs_have_no_problems()
    {
        var program = With(new Binary(BinaryOp.Add, new Unary(UnaryOp.ToDouble, A, ValueKind.Double), X, ValueKind.Double));

        Assert.Empty(ProgramValidator.Problems(program));
        Assert.Equal(Value.FromDouble(3.5), ReferenceEvaluator.Evaluate(program, [Value.FromInt64(1), Value.FromDouble(2.5)]).Answer);
    }

    [Fact]
    public void Wrong_input_count_or_kind_says_what_was_expected()
    {
        var program = With(A);

        var count = Assert.Throws<ArgumentException>(() => ReferenceEvaluator.Evaluate(program, [Value.FromInt64(1)]));
        var kind = Assert.Throws<ArgumentException>(() => ReferenceEvaluator.Evaluate(program, [Value.FromInt64(1), Value.FromInt64(1)]));

        Assert.Contains("takes 2 input(s) (a, x) but 1 were given", count.Message, StringComparison.Ordinal);
        Assert.Contains("Input x of program Samples.Bad is double but a long was given", kind.Message, StringComparison.Ordinal);
    }
}

public sealed class ValidatorNamingTests
{
    [Fact]
    public void Duplicate_names_are_reported_but_do_not_block_evaluation()
    {
        var a = new Ref(0, ValueKind.Int64);
        var program = new StepProgram(
            "Dup",
            "",
            new[] { new Parameter("a", ValueKind.Int64) }.ToEquatableArray(),
            new[]
            {
                new Step(0, "s", "s", 1, ValueKind.Int64, a, "", 0),
                new Step(5, "s", "s", 1, ValueKind.Int64, a, "", 0),
            }.ToEquatableArray(),
            new Ref(2, ValueKind.Int64),
            "s");

        Assert.Contains(ProgramValidator.Problems(program), p => p.Contains("the name s is already used", StringComparison.Ordinal));
        Assert.Contains(ProgramValidator.Problems(program), p => p.Contains("its Index is 5, expected 1", StringComparison.Ordinal));
        Assert.Empty(ProgramValidator.EvaluationProblems(program));
        Assert.Equal(Value.FromInt64(4), ReferenceEvaluator.Evaluate(program, 4).Answer);
    }
}
