using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.Differential;

/// <summary>Compiles C# in memory against the running runtime's own assemblies (offline, no reference pack download).</summary>
public static class RoslynCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <exception cref="InvalidOperationException">The source does not compile; the message lists the errors with their lines.</exception>
    public static Assembly Compile(string assemblyName, params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"{assemblyName}_{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, concurrentBuild: true));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(d =>
            {
                var line = d.Location.GetLineSpan();
                var text = d.Location.SourceTree?.GetText().Lines[line.StartLinePosition.Line].ToString().Trim();
                return $"{line.Path}({line.StartLinePosition.Line + 1}): {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n    {text}";
            });
            throw new InvalidOperationException($"Generated C# does not compile:\n{string.Join("\n", errors)}");
        }

        stream.Position = 0;
        // Collectible, so that a benchmark compiling many batches does not grow without bound.
        var context = new AssemblyLoadContext(assemblyName, isCollectible: true);
        return context.LoadFromStream(stream);
    }

    private static MetadataReference[] LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string[] wanted = ["System.Private.CoreLib", "System.Runtime", "netstandard"];
        var paths = trusted.Where(p => wanted.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal)).ToList();
        paths.Add(typeof(ReferenceProgramAttribute).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }
}
