using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.Extraction;

/// <summary>
/// Where a construct sits in source, kept as plain values: a <see cref="Location"/> holds a syntax tree
/// and would defeat the generator's caching.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    /// <summary>One-based line where the construct starts.</summary>
    public int Line => LineSpan.Start.Line + 1;

    public static LocationInfo From(SyntaxNode node) => From(node.GetLocation());

    public static LocationInfo From(Location location)
    {
        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path ?? "", location.SourceSpan, lineSpan.Span);
    }
}
