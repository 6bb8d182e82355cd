extern alias runtime;

using runtime::Faithful.Analyzers.Extraction;
using runtime::Faithful.Model;
using runtime::Faithful.SourcePrograms;
using runtime::Faithful.SourcePrograms.Limits;

namespace Faithful.Analyzers.Tests.Reading;

/// <summary>
/// Hostile program text: shapes that overflowed the stack inside Roslyn or took minutes to reject. Each must come back as
/// a problem naming the limit, never as a crash, and quickly enough that one bad transcript line cannot stall a file.
/// </summary>
public sealed class ProgramReaderLimitsTests
{
    private const string Registers = "long a0, long a1";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> DeepShapes => new()
    {
        { "nested additions", "a1 = " + Repeat("a1 + (", 5_000) + "a0" + new string(')', 5_000) + ";" },
        { "nested parentheses", "a1 = " + new string('(', 10_000) + "a0" + new string(')', 10_000) + ";" },
        { "nested parentheses, 100k", "a1 = " + new string('(', 100_000) + "a0" + new string(')', 100_000) + ";" },
        { "nested loops", string.Concat(Enumerable.Range(0, 5_000).Select(i => $"for (var i{i} = 0; i{i} < 1; i{i}++) {{ ")) + "a1 += a0;" + new string('}', 5_000) },
        { "nested blocks", new string('{', 5_000) + "a1 += a0;" + new string('}', 5_000) },
        { "nested ifs", Repeat("if (a0 > 0) ", 5_000) + "a1 += a0;" },
        { "unary minus chain", "a1 = " + Repeat("- ", 5_000) + "a0;" },
        { "cast chain", "a1 = " + Repeat("(long)", 5_000) + "a0;" },
        { "nested calls", "a1 = " + Repeat("Math.Abs(", 5_000) + "a0" + new string(')', 5_000) + ";" },
        { "conditional chain", "a1 = " + Repeat("a0 > 0 ? a0 : ", 5_000) + "a0;" },
        { "nested lambdas", "a1 = " + Repeat("x => ", 5_000) + "a0;" },
        { "nested array initialisers", "var z = " + Repeat("new[] {", 5_000) + "1" + new string('}', 5_000) + ";" },
    };

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Deeply_nested_statements_are_a_problem_not_a_crash(string shape, string statements)
    {
        var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), "Deep", "transcripts.jsonl", Token);

        Assert.Null(result.Program);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Message.Contains("deep", StringComparison.OrdinalIgnoreCase), $"{shape}: {problem}");
        Assert.Contains("at most", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Deeply_nested_methods_in_a_file_are_a_problem_not_a_crash(string shape, string statements)
    {
        var source = "public static class P { [Faithful.ReferenceProgram] public static long Deep(long a0, long a1) {\n" + statements + "\nreturn a1; } }";

        var result = CSharpProgramReader.ReadSource(source, "deep.cs", Token);

        Assert.Empty(result.Programs);
        Assert.True(result.Problems.Single().Message.Contains("deep", StringComparison.OrdinalIgnoreCase), $"{shape}: {result.Problems.Single()}");
    }

    [Fact]
    public void A_flat_chain_of_200000_terms_is_refused_by_its_size_before_any_compilation()
    {
        var statements = "a1 = " + string.Join(" + ", Enumerable.Repeat("a0", 200_000)) + ";";

        var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), cancellationToken: Token);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("200001 terms", problem.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemKind.UnsupportedExpression, problem.Kind);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(300)]
    [InlineData(400)]
    public void A_chain_deeper_than_the_evaluator_takes_is_a_problem_not_a_program_that_throws_later(int terms)
    {
        // Found by the fuzzer: the extractor took up to 400 levels, the evaluator 200, so a read program threw when scored.
        var statements = "a1 = " + string.Join(" + ", Enumerable.Repeat("a0", terms)) + ";";

        var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), cancellationToken: Token);

        Assert.Null(result.Program);
        Assert.Contains("at most 200", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chains_and_nesting_up_to_the_evaluators_depth_still_read()
    {
        var flat = "a1 = " + string.Join(" + ", Enumerable.Repeat("a0", 199)) + ";";
        var loops = string.Concat(Enumerable.Range(0, 8).Select(i => $"for (var i{i} = 0; i{i} < 2; i{i}++) {{ ")) + "a1 += a0;" + new string('}', 8);
        var parens = "a1 = " + new string('(', 200) + "a0 + 1" + new string(')', 200) + ";";

        foreach (var statements in new[] { flat, loops, parens })
        {
            var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), cancellationToken: Token);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
    }

    [Fact]
    public void More_statements_than_a_program_may_have_steps_are_refused_before_binding()
    {
        var statements = string.Concat(Enumerable.Repeat("a1 += a0;\n", ProgramLimits.MaxSteps + 1));

        var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), cancellationToken: Token);

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"{ProgramLimits.MaxSteps + 1} statements", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_past_its_time_budget_is_a_problem_and_the_callers_cancellation_still_cancels()
    {
        var statements = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"a1 += a0 * {i};\n"));
        var hurried = ProgramReadLimits.Default with { TimeBudget = TimeSpan.FromTicks(1) };

        var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), hurried, "Slow", "t.jsonl", Token);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("took longer than", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Slow", problem.ProgramName);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Brackets_inside_comments_and_literals_do_not_count_towards_the_nesting_limit()
    {
        var statements = "// " + new string('(', 1_000) + "\n/* " + new string('{', 1_000) + " */\na1 += a0;";

        var result = CSharpProgramReader.ReadStatements(statements, Registers, ProgramAnswer.Of("a1"), cancellationToken: Token);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
