extern alias runtime;

using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Tests.Infrastructure;

/// <summary>Emits a compilation and loads it into a collectible context; Faithful.Core resolves to the test's own copy.</summary>
internal static class InMemoryAssembly
{
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, "Compilation failed: " + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    /// <summary><c>Faithful.Generated.ReferencePrograms.All</c> of an assembly built with the generator.</summary>
    public static IReadOnlyList<runtime::Faithful.Model.StepProgram> Catalog(Assembly assembly)
    {
        var catalog = assembly.GetType("Faithful.Generated.ReferencePrograms", throwOnError: true)!;
        return (IReadOnlyList<runtime::Faithful.Model.StepProgram>)catalog.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
