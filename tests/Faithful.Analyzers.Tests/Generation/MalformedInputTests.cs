using Faithful.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Tests.Generation;

public sealed class MalformedInputTests
{
    public static TheoryData<string> Broken =>
    [
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { var s = a +",
        "using Faithful; static class P { [ReferenceProgram( public static long M(long a) { return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { { { return a; }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) } return a; {",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a, ) { return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static M(long a) { return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { for (var i = 0; i < ; i++) a++; return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { for (;;) { a++; } } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { var x = unknown(a); return x; } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) => ; }",
        "using Faithful; static class P { [ReferenceProgram] long M; }",
        "using Faithful; [ReferenceProgram] static class P { }",
        "using Faithful; static class P { [ReferenceProgram] public static long M([Domain(1)] long a) { return a; } }",
        "using Faithful; static class P { [ReferenceProgram] [Distractor] public static long M(long a) { return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { checked { a += ; } return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static long M(long a) { for (var i = 0; i < 3; i++) for (var i = 0; i < 2; i++) a++; return a; } }",
        "using Faithful; static class P { [ReferenceProgram] public static extern long M(long a); }",
        "using Faithful; static class P { [ReferenceProgram] public static partial long M(long a); }",
    ];

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_code_never_crashes_the_generator(string source)
    {
        var (_, diagnostics, result) = TestCompilation.RunGenerator(TestCompilation.Create(source));

        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(diagnostics);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName != "ReferencePrograms.g.cs");
    }

    [Fact]
    public void Every_prefix_of_a_program_being_typed_is_survived()
    {
        // Simulates typing the sample file character by character (every 31st prefix keeps the test fast; each prefix lands somewhere different in the grammar).
        var source = SamplePrograms.Source;
        for (var length = 0; length <= source.Length; length += 31)
        {
            var (_, diagnostics, result) = TestCompilation.RunGenerator(TestCompilation.Create(source[..length]));
            var run = result.Results.Single();
            Assert.True(run.Exception is null, $"Generator threw on a prefix of {length} characters: {run.Exception}");
            Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS8785", StringComparison.Ordinal));
        }
    }
}
