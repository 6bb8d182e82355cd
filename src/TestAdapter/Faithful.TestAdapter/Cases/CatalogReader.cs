using System.Collections.Concurrent;
using System.Reflection;
using Faithful.Model;

namespace Faithful.Testing;

/// <summary>
/// Reads the programs of a catalog type: any public static field or property whose value is a sequence of
/// <see cref="StepProgram"/> (the generator's <c>ReferencePrograms.All</c>, or a hand-written list).
/// </summary>
public static class CatalogReader
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<StepProgram>> Loaded = new();

    public static IReadOnlyList<StepProgram> Load(Type catalogType)
    {
        ArgumentNullException.ThrowIfNull(catalogType);
        return Loaded.GetOrAdd(catalogType, LoadUncached);
    }

    public static StepProgram Find(Type catalogType, string programId)
    {
        var programs = Load(catalogType);
        return programs.FirstOrDefault(p => p.Id == programId)
            ?? programs.FirstOrDefault(p => p.Name == programId)
            ?? throw new ArgumentException(
                $"Catalog {catalogType.FullName} has no program '{programId}'. It has: {string.Join(", ", programs.Select(p => p.Id))}.",
                nameof(programId));
    }

    private static IReadOnlyList<StepProgram> LoadUncached(Type catalogType)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        var members = catalogType.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, Type: p.PropertyType, Read: (Func<object?>)(() => p.GetValue(null))))
            .Concat(catalogType.GetFields(flags).Select(f => (f.Name, Type: f.FieldType, Read: (Func<object?>)(() => f.GetValue(null)))))
            .Where(m => typeof(IEnumerable<StepProgram>).IsAssignableFrom(m.Type))
            .OrderBy(m => m.Name == "All" ? 0 : 1)
            .ToList();
        if (members.Count == 0)
        {
            throw new ArgumentException(
                $"{catalogType.FullName} is not a program catalog: it has no public static field or property of type IEnumerable<StepProgram>. " +
                "Use the ReferencePrograms class that Faithful.Analyzers generates for a project with [ReferenceProgram] methods, or write `public static IReadOnlyList<StepProgram> All => [...]`.",
                nameof(catalogType));
        }

        return ((IEnumerable<StepProgram>?)members[0].Read() ?? []).ToArray();
    }
}
