using System.Buffers;
using System.Text;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// A list of lower-case cue phrases, searched in one pass: a sentence is scanned once for the whole list instead of once
/// per phrase, with the searcher built once per list.
/// </summary>
internal sealed class Cues(params string[] phrases)
{
    private readonly SearchValues<string> _lower = SearchValues.Create(phrases, StringComparison.Ordinal);

    // Built on first use: only the lists searched in text that is not lower-cased need it.
    private SearchValues<string>? _anyCase;

    /// <summary>Whether lower-cased <paramref name="text"/> contains any of the phrases.</summary>
    public bool In(string text) => text.AsSpan().ContainsAny(_lower);

    /// <summary>
    /// Whether <paramref name="text"/>, lower-cased, contains any of the phrases: ASCII text is matched ignoring case in
    /// place (ASCII lower-casing and ordinal case-insensitive matching agree there); other text is lower-cased first.
    /// </summary>
    public bool InAnyCase(string text) => Ascii.IsValid(text)
        ? text.AsSpan().ContainsAny(_anyCase ??= SearchValues.Create(phrases, StringComparison.OrdinalIgnoreCase))
        : In(text.ToLowerInvariant());
}
