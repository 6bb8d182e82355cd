extern alias runtime;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Faithful.Analyzers.Tests.Verifiers;

/// <summary>
/// References for test compilations taken from the running runtime's directory and Faithful.Core,
/// so tests never download a reference pack and run offline.
/// </summary>
public static class OfflineReferences
{
    /// <summary>No package: nothing to resolve, nothing to download.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    /// <summary>Just the core library, System.Runtime and Faithful.Core: cheap compilations for sweeps.</summary>
    public static ImmutableArray<MetadataReference> Core { get; } = [.. All.Where(r =>
        Path.GetFileName(r.Display) is "System.Private.CoreLib.dll" or "System.Runtime.dll" or "System.Console.dll" or "Faithful.Core.dll")];

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(runtimeDirectory, "System*.dll")
            .Concat(Directory.GetFiles(runtimeDirectory, "netstandard.dll"))
            .Concat(Directory.GetFiles(runtimeDirectory, "mscorlib.dll"))
            .Where(IsManaged)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(runtime::Faithful.ReferenceProgramAttribute).Assembly.Location));
        return [.. references];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
