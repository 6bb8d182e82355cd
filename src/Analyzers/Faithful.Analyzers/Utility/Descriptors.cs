using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Utility;

/// <summary>
/// Every diagnostic Faithful reports. One file per id range; this part holds the factory,
/// so category, severity and help link are set the same way for all of them.
/// </summary>
internal static partial class Descriptors
{
    /// <summary>Where rule documentation lives; each rule has <c>docs/rules/{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/faithful-dev/faithful/blob/main/docs/rules/";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md");
}
