using System.Reflection;
using System.Runtime.Loader;
using Faithful.Model;

namespace Faithful.Cli.Running;

/// <summary>
/// Reads <c>Faithful.Generated.ReferencePrograms.All</c> (or any public static sequence of <see cref="StepProgram"/>
/// on that class) from a built test assembly, by reflection. Faithful.Core resolves to the CLI's own copy so the
/// program types are the same.
/// </summary>
internal static class CatalogLoader
{
    public const string CatalogTypeName = "Faithful.Generated.ReferencePrograms";

    public static IReadOnlyList<StepProgram> Load(string assemblyPath)
    {
        var full = Path.GetFullPath(assemblyPath);
        if (!File.Exists(full))
        {
            throw new CliException($"assembly '{assemblyPath}' does not exist. Build the project that holds your [ReferenceProgram] methods and pass its .dll (e.g. bin/Debug/net10.0/MyTests.dll).");
        }

        var directory = Path.GetDirectoryName(full)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException e)
        {
            throw new CliException($"'{assemblyPath}' is not a .NET assembly: {e.Message}");
        }

        var type = assembly.GetType(CatalogTypeName)
            ?? throw new CliException($"'{assemblyPath}' has no {CatalogTypeName} class. Reference the Faithful.Analyzers package in that project and mark methods with [ReferenceProgram]; the generator writes the catalog.");
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        // Read lazily: the catalog is user code and may throw.
        var members = type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0 && typeof(IEnumerable<StepProgram>).IsAssignableFrom(p.PropertyType)).Select(p => (p.Name, Getter: (Func<object?>)(() => p.GetValue(null))))
            .Concat(type.GetFields(flags).Where(f => typeof(IEnumerable<StepProgram>).IsAssignableFrom(f.FieldType)).Select(f => (f.Name, Getter: (Func<object?>)(() => f.GetValue(null)))))
            .OrderBy(m => m.Name == "All" ? 0 : 1)
            .ToList();
        if (members.Count == 0)
        {
            throw new CliException($"{CatalogTypeName} in '{assemblyPath}' has no public static IEnumerable<StepProgram> (expected 'All'). Is its Faithful.Core version the CLI's ({typeof(StepProgram).Assembly.GetName().Version})?");
        }

        try
        {
            return ((IEnumerable<StepProgram>?)members[0].Getter() ?? []).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new CliException($"the catalog {CatalogTypeName}.{members[0].Name} in '{assemblyPath}' threw {cause.GetType().Name}: {cause.Message}");
        }
    }
}
