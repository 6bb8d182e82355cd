extern alias runtime;

using System.Collections.Immutable;
using Faithful.Analyzers.Extraction;
using Faithful.Analyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.Analyzers.Tests.Infrastructure;

/// <summary>Offline test compilations: the running runtime's own assemblies plus Faithful.Core.</summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = trusted.Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"));
        return [.. runtime.Append(typeof(runtime::Faithful.ReferenceProgramAttribute).Assembly.Location).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(params string[] sources) => CSharpCompilation.Create(
        "Faithful.TestPrograms",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, $"Program{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Extracts every method that carries an attribute named ReferenceProgram.</summary>
    public static IReadOnlyList<ExtractionResult> ExtractAll(string source)
    {
        var compilation = Create(source);
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        return [.. tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("ReferenceProgram", StringComparison.Ordinal)))
            .Select(m => ProgramExtractor.Extract(m, model, CancellationToken.None))];
    }

    public static ExtractionResult ExtractSingle(string source) => Assert.Single(ExtractAll(source));

    /// <summary>Extracts one program that must succeed.</summary>
    public static Faithful.Model.StepProgram Program(string source)
    {
        var result = ExtractSingle(source);
        Assert.True(result.Succeeded, "Extraction failed: " + string.Join("; ", result.Problems.Select(p => $"{p.Kind} at line {p.Location.Line}: {p.Message}")));
        return result.Program!;
    }

    /// <summary>Wraps a method into a class in a namespace, the usual user shape.</summary>
    public static string InClass(string methods) => $$"""
        using System;
        using Faithful;

        namespace Samples;

        public static class Programs
        {
        {{methods}}
        }
        """;

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ReferenceProgramGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the output compilation and the generated sources by hint name.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Result) RunGenerator(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }
}
