using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Programs;

/// <summary>Which APIs give a different value from run to run or read the environment.</summary>
internal static class Nondeterminism
{
    private static readonly HashSet<string> WholeTypes = new(StringComparer.Ordinal)
    {
        "System.Random",
        "System.Environment",
        "System.Console",
        "System.TimeProvider",
        "System.Diagnostics.Stopwatch",
        "System.Diagnostics.Process",
        "System.Security.Cryptography.RandomNumberGenerator",
    };

    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "System.DateTime.Now",
        "System.DateTime.UtcNow",
        "System.DateTime.Today",
        "System.DateTimeOffset.Now",
        "System.DateTimeOffset.UtcNow",
        "System.Guid.NewGuid",
    };

    private static readonly string[] Namespaces = ["System.IO", "System.Net"];

    /// <summary>True for a member or constructor of an API whose result is not a function of its arguments.</summary>
    public static bool IsNondeterministic(ISymbol symbol)
    {
        if (symbol is not (IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol) || symbol.ContainingType is not { } type)
        {
            return false;
        }

        var typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        if (WholeTypes.Contains(typeName) || Members.Contains(typeName + "." + symbol.Name))
        {
            return true;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        foreach (var prefix in Namespaces)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How the API is named in a message: <c>Random.Next</c>, <c>DateTime.Now</c>, <c>new Random</c>.</summary>
    public static string Display(ISymbol symbol) => symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        ? "new " + constructor.ContainingType.Name
        : symbol.ContainingType.Name + "." + symbol.Name;
}
