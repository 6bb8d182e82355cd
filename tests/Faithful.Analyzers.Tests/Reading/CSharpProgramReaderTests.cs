extern alias runtime;

using runtime::Faithful.Analyzers.Extraction;
using runtime::Faithful.Execution;
using runtime::Faithful.Model;
using runtime::Faithful.SourcePrograms;
using static Faithful.Analyzers.Tests.Infrastructure.ProgramText;

namespace Faithful.Analyzers.Tests.Reading;

public sealed class CSharpProgramReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Bare_register_statements_read_with_lines_relative_to_the_statements()
    {
        const string statements = """
            a2 -= a3;
            a1 = a0;
            a4 += a1;
            a0 &= a4;
            for (var i = 0; i < 3; i++) { a3 += a2; }
            """;

        var result = CSharpProgramReader.ReadStatements(statements, "long a0, long a1, long a2, long a3, long a4", ProgramAnswer.Of("a3"), "Registers", "transcripts.jsonl:7", Token);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var program = result.Program!;
        Assert.Equal("Registers", program.Name);
        Assert.Null(program.ContainingType);
        Assert.Equal(["a2#1 = a2 - a3", "a1#1 = a0", "a4#1 = a4 + a1#1", "a0#1 = a0 & a4#1", "a3#1 = a3 + a2#1", "a3#2 = a3#1 + a2#1", "a3#3 = a3#2 + a2#1"], Steps(program));
        Assert.Equal([1, 2, 3, 4, 5, 5, 5], program.Steps.Select(s => s.Line));
        Assert.Equal("a3", program.ResultSourceText);
        Assert.Equal(3 + (3 * (2 - 3)), ReferenceEvaluator.Evaluate(program, 0, 1, 2, 3, 4).Answer!.Value.AsInt64);
    }

    [Fact]
    public void Sum_of_all_adds_every_parameter_then_every_top_level_local()
    {
        var result = CSharpProgramReader.ReadStatements("a0 += a1;\nlong t = a0 * 2;\na1 = t;", "long a0, long a1", ProgramAnswer.SumOfAll, cancellationToken: Token);

        var program = Assert.IsType<StepProgram>(result.Program);
        Assert.Equal("a0 + a1 + t", program.ResultSourceText);
        Assert.Equal("a0#1 + a1#1 + t", Result(program));
        Assert.Equal((5 + 7) + 24 + 24, ReferenceEvaluator.Evaluate(program, 5, 7).Answer!.Value.AsInt64);
    }

    [Fact]
    public void A_double_answer_makes_a_double_program_and_parameter_domains_are_kept()
    {
        Parameter[] parameters = [new("x", ValueKind.Double, new Domain(-10, 10)), new("n", ValueKind.Int64)];

        var result = CSharpProgramReader.ReadStatements("x *= n;\nvar y = x / 4;", parameters, ProgramAnswer.Of("y"), cancellationToken: Token);

        var program = Assert.IsType<StepProgram>(result.Program);
        Assert.Equal(ValueKind.Double, program.ResultKind);
        Assert.Equal(new Domain(-10, 10), program.Parameters[0].Domain);
        Assert.Equal(["x#1 = x * (double)n", "y = x#1 / 4.0"], Steps(program));
    }

    [Theory]
    [InlineData("a0 += a1;\nwhile (a0 > 0) a0--;", 2, ProblemKind.UnsupportedStatement)]
    [InlineData("a0 += a1;\na0 += Foo(a1);", 2, ProblemKind.CompilationError)]
    [InlineData("a0 += a1;\n\na0 = a0 +;", 3, ProblemKind.CompilationError)]
    public void Problems_point_at_the_statement_line(string statements, int line, ProblemKind kind)
    {
        var result = CSharpProgramReader.ReadStatements(statements, "long a0, long a1", ProgramAnswer.Of("a0"), "P", "import.jsonl:12", Token);

        Assert.Null(result.Program);
        var problem = result.Problems[0];
        Assert.Equal(kind, problem.Kind);
        Assert.Equal(line, problem.Line);
        Assert.StartsWith($"import.jsonl:12({line},", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a0 += a1; } public static void Evil() { a0 = 1;", "long a0, long a1", "a0", "one method body")]
    [InlineData("a0 += a1;", "long a0, int a1", "a0", "parameter list")]
    [InlineData("a0 += a1;", "long a0, long class", "a0", "parameter list")]
    [InlineData("a0 += a1;", "long a0, long a1", "a9", "answer")]
    [InlineData("a0 += a1;", "long a0, long a1", "a0 + 1", "answer")]
    [InlineData("", "long a0", "a0", null)]
    public void Bad_arguments_give_problems_never_exceptions(string statements, string parameterList, string answer, string? messagePart)
    {
        var result = CSharpProgramReader.ReadStatements(statements, parameterList, ProgramAnswer.Of(answer), cancellationToken: Token);

        if (messagePart is null)
        {
            Assert.True(result.Succeeded);
            Assert.Empty(result.Program!.Steps);
            return;
        }

        Assert.Null(result.Program);
        Assert.Contains(result.Problems, p => p.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(7);
        const string alphabet = "a0a1 +-*/%&|^<>=;(){}[]\"'\\ \nforvarlongdouble123checked";
        for (var i = 0; i < 150; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var statements = CSharpProgramReader.ReadStatements(text, "long a0, long a1", ProgramAnswer.SumOfAll, cancellationToken: Token);
            var source = CSharpProgramReader.ReadSource(text, cancellationToken: Token);
            Assert.True(statements.Succeeded || statements.Problems.Count > 0);
            Assert.True(source.Programs.Count > 0 || source.Problems.Count > 0);
        }
    }

    [Fact]
    public void A_file_without_usings_still_binds_the_attribute_and_Math()
    {
        var result = CSharpProgramReader.ReadSource("static class P { [ReferenceProgram] static long M(long a) { var s = Math.Abs(a); return s; } }", "bare.cs", Token);

        Assert.Empty(result.Problems);
        Assert.Equal(["s = Math.Abs(a)"], Steps(Assert.Single(result.Programs)));
    }

    [Fact]
    public void A_file_with_several_programs_reports_each_unsupported_one_by_name_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"faithful-reader-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, """
            using Faithful;
            public static class P
            {
                [ReferenceProgram] public static long Good(long a) { var s = a * 2; return s; }
                [ReferenceProgram] public static long Bad(long a)
                {
                    if (a > 0) { a = 1; }
                    return a;
                }
                public static long NotAProgram(long a) { while (true) { } }
            }
            """);
        try
        {
            var result = CSharpProgramReader.ReadFile(path, Token);

            Assert.Equal(["Good"], result.Programs.Select(p => p.Name));
            var problem = Assert.Single(result.Problems);
            Assert.Equal("Bad", problem.ProgramName);
            Assert.Equal(7, problem.Line);
            Assert.Equal(ProblemKind.UnsupportedStatement, problem.Kind);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = CSharpProgramReader.ReadFile(path, Token);
        Assert.Empty(missing.Programs);
        Assert.Contains("cannot be read", Assert.Single(missing.Problems).Message, StringComparison.Ordinal);
    }
}
