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

    // The letters each phrase needs (LetterSet), and those every phrase needs: a text lacking one of the latter holds none.
    private readonly uint[] _needed = [.. phrases.Select(p => LetterSet.Needed(p))];
    private readonly uint _neededByAll = phrases.Aggregate(uint.MaxValue, (all, p) => all & LetterSet.Needed(p));

    // Letters of which every phrase holds at least one (chosen greedily): a text with none of them holds no phrase. Zero
    // when some phrase needs no letter at all, and then not consulted.
    private readonly uint _eachNeedsOneOf = LetterSet.HittingSet([.. phrases.Select(p => LetterSet.Needed(p))]);

    /// <summary>Whether a text holding the letters <paramref name="letters"/> (<see cref="LetterSet.Of"/>) may contain one of the phrases.</summary>
    public bool MayOccurIn(uint letters)
    {
        if ((_eachNeedsOneOf != 0 && (letters & _eachNeedsOneOf) == 0) || !LetterSet.MayHold(letters, _neededByAll))
        {
            return false;
        }

        foreach (var needed in _needed)
        {
            if (LetterSet.MayHold(letters, needed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether lower-cased <paramref name="text"/> contains any of the phrases.</summary>
    public bool In(string text) => text.Length >= _shortest && MayOccurIn(LetterSet.Of(text)) && text.AsSpan().ContainsAny(_lower);

    /// <summary>
    /// <see cref="In"/> for a text whose letters the caller has already passed through <see cref="MayOccurIn"/> (a
    /// sentence of a line that passed), so they are not counted again.
    /// </summary>
    public bool InScreened(string text) => text.Length >= _shortest && text.AsSpan().ContainsAny(_lower);

    /// <summary>
    /// Whether <paramref name="text"/>, lower-cased, contains any of the phrases: ASCII text is matched ignoring case in
    /// place (ASCII lower-casing and ordinal case-insensitive matching agree there); other text is lower-cased first,
    /// unless its letters (<see cref="LetterSet.Of"/>, which count what lower-casing makes) already rule every phrase out.
    /// </summary>
    public bool InAnyCase(string text) => text.Length >= _shortest && MayOccurIn(LetterSet.Of(text)) && InAnyCaseScreened(text);

    /// <summary><see cref="InAnyCase"/> for a text whose letters the caller has already passed through <see cref="MayOccurIn"/>.</summary>
    public bool InAnyCaseScreened(string text) => Ascii.IsValid(text)
        ? text.Length >= _shortest && text.AsSpan().ContainsAny(AnyCase)
        : InScreened(text.ToLowerInvariant());

    /// <summary>Whether ASCII <paramref name="text"/>, lower-cased, contains any of the phrases, matched ignoring case in place.</summary>
    public bool InAscii(ReadOnlySpan<char> text) => text.Length >= _shortest && InAscii(text, LetterSet.Of(text));

    /// <summary><see cref="InAscii(ReadOnlySpan{char})"/> for a text whose <see cref="LetterSet.Of"/> the caller already has.</summary>
    public bool InAscii(ReadOnlySpan<char> text, uint letters) =>
        text.Length >= _shortest && MayOccurIn(letters) && text.ContainsAny(AnyCase);

    private SearchValues<string> AnyCase => _anyCase ??= SearchValues.Create(phrases, StringComparison.OrdinalIgnoreCase);
}
