using Faithful.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Tests.Generation;

public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void Emitted_code()
    {
        var (output, diagnostics, result) = TestCompilation.RunGenerator(TestCompilation.Create(SamplePrograms.Source));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var sources = result.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "ReferencePrograms.Samples_Arithmetic_Programs_Chain.g.cs",
                "ReferencePrograms.Samples_Arithmetic_Programs_Checked.g.cs",
                "ReferencePrograms.Samples_Arithmetic_Programs_Mixed.g.cs",
                "ReferencePrograms.Samples_Arithmetic_Programs_Registers.g.cs",
                "ReferencePrograms.g.cs",
            ],
            sources.Select(s => s.HintName));
        Assert.Multiple([.. sources.Select(source => (Action)(() => Snapshot.Match(source.SourceText.ToString(), SnapshotName(source.HintName))))]);
    }

    private static string SnapshotName(string hintName) =>
        hintName == "ReferencePrograms.g.cs" ? "Catalog" : hintName["ReferencePrograms.Samples_Arithmetic_Programs_".Length..^".g.cs".Length];

    [Fact]
    public void Catalog_with_clashing_names()
    {
        var source = """
            using Faithful;
            namespace N1 { public static class A { [ReferenceProgram] public static long Run(long x) => x + 1; } }
            namespace N2 { public static class B { [ReferenceProgram] public static long Run(long x) => x + 2; } }
            namespace N3 { public static class C { [ReferenceProgram] public static long All(long x) => x; [ReferenceProgram] public static long Bad(long x) { while (x > 0) x--; return x; } } }
            """;
        var (output, diagnostics, result) = TestCompilation.RunGenerator(TestCompilation.Create(source));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var catalog = result.Results.Single().GeneratedSources.Single(s => s.HintName == "ReferencePrograms.g.cs").SourceText.ToString();
        Snapshot.Match(catalog);
        Assert.DoesNotContain("Bad", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_Faithful_Core_nothing_is_generated()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoCore",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Faithful { class ReferenceProgramAttribute : System.Attribute {} } static class P { [Faithful.ReferenceProgram] static long M(long a) => a; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

        var (_, diagnostics, result) = TestCompilation.RunGenerator(compilation);

        Assert.Empty(diagnostics);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }
}
