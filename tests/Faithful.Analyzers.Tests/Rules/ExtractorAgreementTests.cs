using System.Collections.Immutable;
using Faithful.Analyzers.Extraction;
using Faithful.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.Tests.Rules;

/// <summary>
/// The generator skips what it cannot extract and relies on the analyzers to say why: for each program body,
/// "the extractor accepts it" must equal "no Faithful error is reported on it".
/// </summary>
public sealed class ExtractorAgreementTests
{
    public static TheoryData<string, string> Bodies() => new()
    {
        { "registers", "a -= b; b = a; a += b; a &= b; for (var i = 0; i < 3; i++) { b += a; } return b;" },
        { "checked block", "checked { a += b; } return a;" },
        { "checked expression", "var s1 = checked(a * b); return s1;" },
        { "unchecked expression", "var s1 = unchecked(a * b); return s1;" },
        { "nested constant loops", "for (var i = 0; i < 2; i++) { for (var j = 0; j < 2; j++) { a += b; } } return a;" },
        { "loop reads its counter", "for (var i = 0; i < 3; i++) { a += i; } return a;" },
        { "loop without braces", "for (var i = 0; i < 3; i++) a++; return a;" },
        { "counting down by two", "for (var i = 6; i > 0; i -= 2) { a *= 2; } return a;" },
        { "inclusive bound", "for (var i = 1; i <= 3; i++) { a -= 1; } return a;" },
        { "const local", "const long k = 3; var s1 = a + k; return s1;" },
        { "declaration then assignment", "long s1; s1 = a + b; return s1;" },
        { "two declarators", "long x = a + 1, y = b + 2; return x + y;" },
        { "conditional", "var s1 = a > b ? a - b : b - a; return s1;" },
        { "math", "var s1 = Math.Abs(a) + Math.Min(a, b) + Math.Max(a, b); return s1;" },
        { "shifts and not", "a <<= 2; b = ~a >> 1; return a ^ b;" },
        { "negate and increments", "var s1 = -a; s1++; --s1; return s1;" },
        { "return a parameter", "return a;" },
        { "long constant", "var s1 = a % long.MaxValue; return s1;" },
        { "while loop", "while (a > 0) { a--; } return a;" },
        { "if statement", "if (a > 0) { a = b; } return a;" },
        { "non-constant loop", "for (var i = 0; i < b; i++) { a++; } return a;" },
        { "call", "var s1 = Helper(a); return s1;" },
        { "field", "var s1 = a + Field; return s1;" },
        { "nested assignment", "var s1 = a = b; return s1;" },
        { "int local", "int s1 = 3; return s1 + a;" },
        { "random", "var s1 = a + new Random(1).Next(); return s1;" },
        { "early return", "if (a > 0) return a; return b;" },
        { "logical condition", "var s1 = a > 0 && b > 0 ? a : b; return s1;" },
        { "loop declares a local", "for (var i = 0; i < 2; i++) { var t = a + 1; a = t; } return a;" },
        { "loop writes its counter", "for (var i = 0; i < 3; i++) { i++; a++; } return a;" },
    };

    /// <summary>Whole programs whose attributes, length or overloads decide; each one the generator leaves out.</summary>
    public static TheoryData<string, string> Programs() => new()
    {
        { "reversed domain", "[ReferenceProgram] public static long Program([Domain(5, -5)] long a) { var s1 = a * 2; return s1; }" },
        { "domain beyond decimal", "[ReferenceProgram] public static double Program([Domain(-1e308, 1e308)] double x) { var s1 = x / 2; return s1; }" },
        { "NaN domain", "[ReferenceProgram] public static double Program([Domain(double.NaN, 1)] double x) { var s1 = x / 2; return s1; }" },
        { "unknown distractor", "[ReferenceProgram, Distractor(\"s9\")] public static long Program(long a) { var s1 = a + 1; return s1; }" },
        { "loop past the step limit", "[ReferenceProgram] public static long Program(long a) { for (var i = 0; i < 5000; i++) { a += 3; } return a; }" },
        { "loop past the step limit by its body", "[ReferenceProgram] public static long Program(long a) { for (var i = 0; i < 2100; i++) { a += 3; a -= 1; } return a; }" },
        { "faulting loop constant", "[ReferenceProgram] public static long Program(long a) { for (var i = 0; i < 3; i++) { a += 10 / (i - 1); } return a; }" },
        { "overloads", "[ReferenceProgram] public static long Program(long a) { return a; } [ReferenceProgram] public static double Program(double a) { return a; }" },
        { "deep expression", "[ReferenceProgram] public static long Program(long a) { var s1 = " + string.Join(" + ", Enumerable.Repeat("a", 210)) + "; return s1; }" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Faithful_reports_an_error_exactly_when_the_extractor_refuses(string name, string body) =>
        await AssertAgreement(name, $$"""
            [ReferenceProgram]
            public static long Program(long a, long b)
            {
                {{body}}
            }
            """);

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task Every_program_the_generator_leaves_out_gets_a_Faithful_error(string name, string program) =>
        await AssertAgreement(name, program);

    private static async Task AssertAgreement(string name, string program)
    {
        var source = $$"""
            using System;
            using Faithful;

            public static class Programs
            {
                private static long Field = 1;

                private static long Helper(long x) => x;

                {{program}}
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "/0/Test.cs", cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create("Agreement", [tree], OfflineReferences.Core, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var method = tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == "Program");
        var extraction = ProgramExtractor.Extract(method, compilation.GetSemanticModel(tree), TestContext.Current.CancellationToken);
        var errors = (await compilation.WithAnalyzers(AllAnalyzers.Create()).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();

        var extracted = extraction.Program is not null;
        Assert.True(
            extracted == (errors.Count == 0),
            $"{name}: extractor {(extracted ? "accepts" : "refuses: " + string.Join("; ", extraction.Problems.Select(p => p.Message)))}, "
            + $"analyzers report {(errors.Count == 0 ? "no error" : string.Join("; ", errors.Select(e => e.Id + " " + e.GetMessage())))}");
    }

    /// <summary>Loops whose bounds are constant without being literals: the syntax pass once refused these.</summary>
    public static TheoryData<string, string> Loops() => new()
    {
        { "const bound", "const int n = 5; for (var i = 0; i < n; i++) { a += b; } return a;" },
        { "bound from an expression", "for (var i = 0; i < 2 * 3; i++) { a += i; } return a;" },
        { "condition over the counter", "for (var i = 0; i * i < 50; i++) { a -= 1; } return a;" },
        { "two counters", "for (int i = 0, j = 10; i < j; i++, j--) { a ^= b; } return a;" },
        { "nested, inner bound from the outer counter", "for (var i = 0; i < 4; i++) { for (var j = 0; j < i; j++) { a += b; } } return a;" },
        { "literal bounds", "for (var i = 6; i > 0; i -= 2) { a *= 2; b++; } return a + b;" },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public void The_syntax_pass_unrolls_every_loop_as_the_extractor_does(string name, string body)
    {
        var source = $$"""
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Program(long a, long b)
                {
                    {{body}}
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "/0/Test.cs", cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create("Agreement", [tree], OfflineReferences.Core, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var method = tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var model = compilation.GetSemanticModel(tree);

        var extracted = ProgramExtractor.Extract(method, model, TestContext.Current.CancellationToken);
        var shape = Faithful.Analyzers.Programs.ProgramShapeReader.Read(method, model, TestContext.Current.CancellationToken);

        Assert.True(extracted.Succeeded, name + ": " + string.Join("; ", extracted.Problems.Select(p => p.Message)));
        Assert.True(shape.IsComplete, name + ": " + string.Join("; ", shape.Unsupported.Select(u => u.What)));
        Assert.Equal(extracted.Program!.Steps.Select(s => s.Name), shape.Steps.Select(s => s.Name));
    }
}
