using Faithful.Analyzers.Extraction;
using Faithful.Execution;
using Faithful.Model;
using static Faithful.Analyzers.Tests.Infrastructure.TestCompilation;

namespace Faithful.Analyzers.Tests.Extraction;

public sealed class ExtractionProblemTests
{
    [Theory]
    [InlineData("public static long M(ref long a) { return a; }", ProblemKind.UnsupportedParameter, "'a'")]
    [InlineData("public static long M(int a) { return a; }", ProblemKind.UnsupportedParameter, "'a'")]
    [InlineData("public static int M(long a) { return (int)a; }", ProblemKind.UnsupportedReturnType, "int")]
    [InlineData("public static long M(long a) { while (a > 0) { a--; } return a; }", ProblemKind.UnsupportedStatement, "while")]
    [InlineData("public static long M(long a) { if (a > 0) { a = 1; } return a; }", ProblemKind.UnsupportedStatement, "if")]
    [InlineData("public static long M(long a) { var s = Helper(a); return s; } static long Helper(long x) => x;", ProblemKind.UnsupportedExpression, "Math.Min")]
    [InlineData("public static long M(long a) { var s = (int)a; return s; }", ProblemKind.UnsupportedType, "long")]
    [InlineData("public static long M(long a) { long s = (int)a + 1; return s; }", ProblemKind.UnsupportedType, "32 bits")]
    [InlineData("public static long M(long a) { var s = a++ + 1; return s; }", ProblemKind.UnsupportedExpression, "own statement")]
    [InlineData("public static long M(long a, long n) { for (var i = 0; i < n; i++) { a++; } return a; }", ProblemKind.NonConstantLoop, "constant")]
    [InlineData("public static long M(long a) { for (var i = 0; i < 3; i++) { i++; } return a; }", ProblemKind.NonConstantLoop, "'i'")]
    [InlineData("public static long M(long a) { for (var i = 0; i < 3; i++) { return a; } return a; }", ProblemKind.MissingOrMisplacedReturn, "inside a loop")]
    [InlineData("public static long M(long a, long b) { var s = a > 0 && b > 0 ? a : b; return s; }", ProblemKind.UnsupportedExpression, "&&")]
    [InlineData("public static long M(long a) { for (var i = 0; i < 20000; i++) { a++; } return a; }", ProblemKind.LoopTooLong, "10000")]
    [InlineData("public static long M(long a) { for (var i = 0; i < 3; i++) { a += 10 / (i - 1); } return a; }", ProblemKind.ConstantFault, "division by zero")]
    [InlineData("public static long M(long a) { return a + Missing; }", ProblemKind.CompilationError, "CS0103")]
    [InlineData("public static long M(long a) { a = 1; }", ProblemKind.CompilationError, "CS0161")]
    [InlineData("public static long M<T>(long a) { return a; }", ProblemKind.UnsupportedMethodShape, "generic")]
    [InlineData("public static long M(long a) { long x = a, y = x = 2; return y; }", ProblemKind.UnsupportedExpression, "own statement")]
    public void Unsupported_constructs_are_problems_with_location_and_advice(string method, ProblemKind kind, string messagePart)
    {
        var result = ExtractSingle(InClass("    [ReferenceProgram]\n    " + method));

        Assert.False(result.Succeeded);
        Assert.Null(result.Program);
        var problem = Assert.Single(result.Problems, p => p.Kind == kind);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        Assert.Equal("Program0.cs", problem.Location.FilePath);
        Assert.Equal(9, problem.Location.Line);
    }

    [Fact]
    public void Instance_methods_are_refused_with_advice_to_make_them_static()
    {
        var result = ExtractSingle("using Faithful; public class C { [ReferenceProgram] public long M(long a) { return a; } }");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnsupportedMethodShape, problem.Kind);
        Assert.Contains("static", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_distractor_is_reported_at_the_attribute()
    {
        var result = ExtractSingle(InClass("""
                [ReferenceProgram]
                [Distractor("nope")]
                public static long M(long a)
                {
                    var s1 = a + 1;
                    return s1;
                }
            """));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnknownDistractor, problem.Kind);
        Assert.Equal(9, problem.Location.Line);
        Assert.Contains("'s1'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloaded_programs_are_refused_because_they_share_an_id()
    {
        var results = ExtractAll(InClass("""
                [ReferenceProgram] public static long M(long a) => a;
                [ReferenceProgram] public static long M(long a, long b) => a + b;
            """));

        Assert.All(results, r => Assert.Equal(ProblemKind.UnsupportedMethodShape, Assert.Single(r.Problems).Kind));
    }

    [Fact]
    public void A_pathologically_deep_expression_is_refused_not_a_stack_overflow()
    {
        var terms = string.Join(" + ", Enumerable.Repeat("a", 5000));
        var result = ExtractSingle(InClass($"    [ReferenceProgram] public static long M(long a) {{ var s = {terms}; var t = s * 2; return t; }}"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.UnsupportedExpression, problem.Kind);
        Assert.Contains("split it into several steps", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deep_expression_over_a_loop_counter_is_refused_too()
    {
        var terms = string.Join(" + ", Enumerable.Repeat("i", 3000));
        var result = ExtractSingle(InClass($"    [ReferenceProgram] public static long M(long a) {{ for (var i = 0; i < 2; i++) {{ a += {terms}; }} return a; }}"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Kind is ProblemKind.UnsupportedExpression or ProblemKind.UnsupportedType);
    }

    [Fact]
    public void An_expression_at_the_shared_depth_limit_is_extracted_and_evaluates()
    {
        // a + a + ... with n terms nests n - 1 operators: the deepest chain the extractor and the evaluator both accept.
        var terms = string.Join(" + ", Enumerable.Repeat("a", ProgramLimits.MaxExpressionDepth));
        var result = ExtractSingle(InClass($"    [ReferenceProgram] public static long M(long a) {{ var s = {terms}; return s; }}"));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(Value.FromInt64(2L * ProgramLimits.MaxExpressionDepth), ReferenceEvaluator.Evaluate(result.Program!, 2).Answer);
    }

    [Fact]
    public void An_expression_past_the_shared_depth_limit_is_refused_not_left_to_the_evaluator()
    {
        var terms = string.Join(" + ", Enumerable.Repeat("a", ProgramLimits.MaxExpressionDepth + 2));
        var result = ExtractSingle(InClass($"    [ReferenceProgram] public static long M(long a) {{ var s = {terms}; return s; }}"));

        Assert.False(result.Succeeded);
        Assert.Contains("split it into several steps", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_kind_numbers_are_stable()
    {
        // Diagnostics and tools key on these numbers; renumbering breaks them.
        Assert.Equal(1, (int)ProblemKind.UnsupportedMethodShape);
        Assert.Equal(5, (int)ProblemKind.UnsupportedExpression);
        Assert.Equal(8, (int)ProblemKind.NonConstantLoop);
        Assert.Equal(12, (int)ProblemKind.ConstantFault);
    }
}
