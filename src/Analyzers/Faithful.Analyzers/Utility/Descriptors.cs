using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Utility;

/// <summary>
/// Every diagnostic Faithful reports. One file per id range; this part holds the help-link base
/// every descriptor uses.
/// </summary>
internal static partial class Descriptors
{
    /// <summary>Where rule documentation lives; each rule has <c>docs/rules/{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/faithful-dev/faithful/blob/main/docs/rules/";

    // Release tracking (RS2000-RS2008) reads each descriptor's constant arguments, so every descriptor is a
    // direct 'new DiagnosticDescriptor(...)' with constant id, category, severity and help link.
}
