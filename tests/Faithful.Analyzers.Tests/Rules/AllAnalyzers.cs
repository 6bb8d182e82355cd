using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.Tests.Rules;

/// <summary>Every analyzer the Faithful.Analyzers assembly exports, found by reflection so a new one is never forgotten.</summary>
public static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        [.. typeof(Faithful.Analyzers.Utility.FaithfulDiagnosticAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Faithful.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository: Faithful.Analyzers.sln was not found above " + AppContext.BaseDirectory);
    }
}
