using Faithful.Analyzers.Extraction;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.SourcePrograms;

/// <summary>The minimal offline compilation a reference program needs: the core library and Faithful.Core.</summary>
internal static class ReaderCompilation
{
    private static readonly Lazy<MetadataReference[]> References = new(CreateReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);


    // Files copied out of a project often rely on its global usings; supply the two a reference program needs.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText("global using System;\nglobal using Faithful;\n", ParseOptions, "ImplicitUsings.g.cs");

    // Nullable analysis off: the reader needs types and errors only, and the analysis cost a third of reading a program.
    public static CSharpCompilation Create(SyntaxTree tree) => CSharpCompilation.Create(
        "Faithful.SourcePrograms.Read",
        [tree, ImplicitUsings],
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    private static MetadataReference[] CreateReferences()
    {
        var coreLibrary = typeof(object).Assembly.Location;
        var runtimeDirectory = Path.GetDirectoryName(coreLibrary)!;
        var paths = new[]
        {
            coreLibrary,
            Path.Combine(runtimeDirectory, "System.Runtime.dll"),
            typeof(ReferenceProgramAttribute).Assembly.Location,
        };
        return paths.Where(File.Exists).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }

    public static SourceProblem ToProblem(ExtractionProblem problem, string path, string? programName) => new(
        problem.Kind,
        path,
        problem.Location.LineSpan.Start.Line + 1,
        problem.Location.LineSpan.Start.Character + 1,
        problem.Message,
        programName);
}
