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

    // No phrase fits in a shorter text: short lines ("s3 = 42") skip the search.
    private readonly int _shortest = phrases.Length == 0 ? int.MaxValue : phrases.Min(p => p.Length);

    /// <summary>Whether lower-cased <paramref name="text"/> contains any of the phrases.</summary>
    public bool In(string text) => text.Length >= _shortest && text.AsSpan().ContainsAny(_lower);

    /// <summary>
    /// Whether <paramref name="text"/>, lower-cased, contains any of the phrases: ASCII text is matched ignoring case in
    /// place (ASCII lower-casing and ordinal case-insensitive matching agree there); other text is lower-cased first.
    /// </summary>
    public bool InAnyCase(string text) => text.Length >= _shortest && (Ascii.IsValid(text)
        ? text.AsSpan().ContainsAny(_anyCase ??= SearchValues.Create(phrases, StringComparison.OrdinalIgnoreCase))
        : In(text.ToLowerInvariant()));
}
