extern alias runtime;

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using runtime::Faithful.Model;
using runtime::Faithful.SourcePrograms;
using runtime::Faithful.SourcePrograms.Limits;
using runtime::Faithful.SourcePrograms.Syntax;
using Faithful.Analyzers.Tests.Rules;
using static Faithful.Analyzers.Tests.Infrastructure.ProgramText;

namespace Faithful.Analyzers.Tests.Reading;

/// <summary>
/// The syntax pass reads bare statements without a compilation; the compiler path is its oracle. Wherever the syntax
/// pass answers, the program must equal the compiler path's to the last node, step name, line and source text; where it
/// declines, the compiler path decides (and reports its errors).
/// </summary>
public sealed class SyntaxStatementReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("long n_0 = 0;\nfor (var i0 = 0; i0 < 3; i0++)\n{\n    n_0 -= 2;\n}", "sum")]
    [InlineData("long n_0 = 0;\nlong n_1 = -1;\nfor (var i0 = 0; i0 < 3; i0++)\n{\n    n_0 += 2;\n    for (var i1 = 0; i1 < 2; i1++)\n    {\n        n_1 += -1;\n    }\n}", "n_0 + n_1")]
    [InlineData("long a = 5;\nlong b = a * (2 - 7);\nb++;\n--a;\na = a % 3 + -b / 2;", "a")]
    [InlineData("x0 += x1;\nx1 = x0 * x0 - 3;\nfor (int k = 10; k > 0; k--) x0 -= x1;", "sum")]
    [InlineData("long t = 1;\r\nfor (var i = 0; i <= 4; ++i) { t *= 3; ; }\r\nfor (var i = 0; i != 2; i++) { t = t\r\n  - 1; }", "t")]
    [InlineData("long t = 1;\rlong u = t;\u2028\u2028u += t;\u0085t = u\r\n\n - 2;\u2029u--;", "sum")]
    public void Reads_the_subset_exactly_as_the_compiler_path_does(string statements, string question)
    {
        var parameters = statements.Contains("x0", StringComparison.Ordinal) ? "long x0, long x1" : "";

        var (syntax, compiler) = BothPaths(statements, parameters, question);

        Assert.NotNull(syntax);
        Assert.True(compiler.Succeeded, string.Join("\n", compiler.Problems));
        Assert.Equal(compiler.Program, syntax);
    }

    [Theory]
    [InlineData("long n = 0;\nfor (var i = 0; i < 3; i++) { n += i; }", "the body reads the loop counter")]
    [InlineData("double d = 0.5;\nd *= 2;", "a double local")]
    [InlineData("long n = 0;\nchecked { n += 1; }", "a checked block")]
    [InlineData("long n = 2147483647 + 1;", "a constant that overflows int")]
    [InlineData("long n = 1 / 0;", "a constant division by zero")]
    [InlineData("long n = m + 1;", "an undeclared variable")]
    [InlineData("long n = 0;\nfor (var i = 0; i < 2; i++) { long t = n; n += t; }", "a declaration inside a loop")]
    [InlineData("long n = 0;\nfor (var i = 0; i < 2; i++) { n += 1; }\nlong i = 4;", "a local named like a loop counter")]
    [InlineData("long n = 0;\nn = Math.Max(n, 3);", "a Math call")]
    [InlineData("long n = 0;\nfor (var i = 0; i < 2000000000; i++) { n += 1; }", "a loop past the step limit")]
    [InlineData("long n = 0;\nn += 1;\nreturn n;", "a return statement")]
    [InlineData("long n = 0; } void M() { long m = 0;", "text that escapes the method body")]
    [InlineData("int n = 0;\nn += 1;", "an int local (the untyped-locals rewrite widens it first)")]
    public void Declines_what_only_the_compiler_may_decide(string statements, string why)
    {
        using var budget = new ReadBudget(ProgramReadLimits.Default, Token);
        var syntax = SyntaxStatementReader.TryRead(statements, [], ProgramAnswer.SumOfAll, "P", ProgramReadLimits.Default, budget);

        Assert.True(syntax is null, $"The syntax pass read a program with {why}; only the compiler path may decide it.");
    }

    [Fact]
    public void A_declined_program_still_gets_the_compiler_paths_answer_and_errors()
    {
        var counterRead = CSharpProgramReader.ReadStatements("long n = 0;\nfor (var i = 0; i < 3; i++) { n += i; }", "", ProgramAnswer.SumOfAll, cancellationToken: Token);
        var undeclared = CSharpProgramReader.ReadStatements("long n = m + 1;", "", ProgramAnswer.SumOfAll, cancellationToken: Token);

        Assert.Equal(["n#1 = 0", "n#2 = n#1 + 0", "n#3 = n#2 + 1", "n#4 = n#3 + 2"], Steps(counterRead.Program!));
        var problem = Assert.Single(undeclared.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("CS0103", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>Random programs in and around the subset: every one the syntax pass reads equals the compiler's reading.</summary>
    [Fact]
    public void Random_programs_read_alike_and_the_subset_is_not_declined()
    {
        var random = new Random(20261204);
        var read = 0;
        for (var i = 0; i < 300; i++)
        {
            var inSubset = i % 3 != 0;
            var (statements, question) = RandomProgram(random, inSubset);
            var (syntax, compiler) = BothPaths(statements, "long p0", question);
            if (syntax is not null)
            {
                read++;
                Assert.True(compiler.Succeeded, $"The syntax pass read a program the compiler path refuses:\n{statements}\n{string.Join("\n", compiler.Problems)}");
                Assert.Equal(compiler.Program, syntax);
            }
            else if (inSubset && compiler.Succeeded)
            {
                Assert.Fail($"The syntax pass declined a program in its subset:\n{statements}\nanswer: {question}");
            }
        }

        Assert.True(read >= 150, $"Only {read} of 300 random programs took the syntax pass.");
    }

    /// <summary>Every distinct program of the real loop corpus (where the development workspace holds it) reads alike.</summary>
    [Fact]
    public void Real_corpus_programs_read_alike()
    {
        var corpus = Path.Combine(
            Environment.GetEnvironmentVariable("FAITHFUL_REALDATA") is { Length: > 0 } folder ? folder : Path.Combine(AllAnalyzers.RepositoryRoot(), "..", "shared", "realdata"),
            "codesim-loops",
            "replies.jsonl.gz");
        if (!File.Exists(corpus))
        {
            Assert.Skip($"The real replies are not here ({Path.GetFullPath(corpus)}); set FAITHFUL_REALDATA to the realdata folder to run this test.");
        }

        var programs = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress), Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                using var document = JsonDocument.Parse(line);
                programs.Add(document.RootElement.GetProperty("program").GetString()!);
            }
        }

        // Every 20th distinct program: the compiler path costs about 10 ms a program.
        var checkedPrograms = 0;
        foreach (var program in programs.Order(StringComparer.Ordinal).Where((_, i) => i % 20 == 0))
        {
            var (syntax, compiler) = BothPaths(UntypedLocals.Widen(program), "", "sum");
            Assert.True(compiler.Succeeded, string.Join("\n", compiler.Problems));
            Assert.NotNull(syntax);
            Assert.Equal(compiler.Program, syntax);
            checkedPrograms++;
        }

        Assert.True(checkedPrograms > 100);
    }

    private static (StepProgram? Syntax, StatementsReadResult Compiler) BothPaths(string statements, string parameterList, string question)
    {
        var parameters = CSharpProgramReader.ParseParameterList(parameterList, "test", out _)!;
        var answer = ProgramAnswer.Parse(question, out _)!;
        using var budget = new ReadBudget(ProgramReadLimits.Default, Token);
        var syntax = SyntaxStatementReader.TryRead(statements, parameters, answer, "P", ProgramReadLimits.Default, budget);
        var compiler = CSharpProgramReader.ReadStatementsThroughCompiler(statements, parameters, answer, ProgramReadLimits.Default, "P", "test", Token);
        return (syntax, compiler);
    }

    private static (string Statements, string Question) RandomProgram(Random random, bool inSubset)
    {
        var text = new StringBuilder();
        var locals = new List<string> { "p0" };
        var declared = random.Next(1, 4);
        for (var v = 0; v < declared; v++)
        {
            text.Append(CultureInfo.InvariantCulture, $"long n_{v} = {Term(random, locals, inSubset)};\n");
            locals.Add($"n_{v}");
        }

        var statements = random.Next(1, 5);
        for (var s = 0; s < statements; s++)
        {
            if (random.Next(3) == 0)
            {
                var counter = $"i{s}";
                var bound = random.Next(0, 5);
                text.Append(CultureInfo.InvariantCulture, $"for (var {counter} = 0; {counter} < {bound}; {counter}++)\n{{\n");
                for (var b = random.Next(1, 3); b > 0; b--)
                {
                    text.Append("    ").Append(Assignment(random, locals, inSubset, inSubset ? null : counter)).Append('\n');
                }

                text.Append("}\n");
            }
            else
            {
                text.Append(Assignment(random, locals, inSubset, null)).Append('\n');
            }
        }

        var question = random.Next(3) switch
        {
            0 => "sum",
            1 => locals[random.Next(locals.Count)],
            _ => $"{locals[random.Next(locals.Count)]} - {locals[random.Next(locals.Count)]} * 2",
        };
        return (text.ToString(), question);
    }

    private static string Assignment(Random random, List<string> locals, bool inSubset, string? counter)
    {
        var target = locals[random.Next(locals.Count)];
        return random.Next(6) switch
        {
            0 => $"{target}++;",
            1 => $"--{target};",
            2 => $"{target} = {Term(random, locals, inSubset, counter)};",
            3 => $"{target} += {Term(random, locals, inSubset, counter)};",
            4 => $"{target} *= {Term(random, locals, inSubset, counter)};",
            _ => $"{target} -= ({Term(random, locals, inSubset, counter)}) % 7;",
        };
    }

    private static string Term(Random random, List<string> locals, bool inSubset, string? counter = null)
    {
        string Leaf() => random.Next(5) switch
        {
            0 => random.Next(-9, 10).ToString(CultureInfo.InvariantCulture),
            1 => $"({random.Next(1, 5)} * {random.Next(-3, 4)})",
            2 when !inSubset => random.Next(3) switch { 0 => "2147483647 + 1", 1 => "1.5", _ => counter ?? "undeclared" },
            _ => locals[random.Next(locals.Count)],
        };

        return random.Next(4) switch
        {
            0 => Leaf(),
            1 => $"{Leaf()} + {Leaf()}",
            2 => $"-{Leaf()} * {Leaf()}",
            _ => $"({Leaf()} - {Leaf()}) / {random.Next(1, 4)}",
        };
    }
}
