using System.Buffers;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>Phrases with which a model abandons its work and starts again ("Wait, let me redo", "Actually,").</summary>
internal static class RestartPhrases
{
    /// <summary>Whether a line starts over for sure, may start over (a hesitation with no admission of error), or not.</summary>
    public static RestartKind Classify(string content)
    {
        if (!IsRestart(content))
        {
            return RestartKind.None;
        }

        var text = content.TrimStart(' ', '*', '_', '(', '"', '\'').ToLowerInvariant();
        if (HesitationAtStart(text) is not { } hesitation)
        {
            return RestartKind.Definite;
        }

        // "Wait, I made a mistake" or "Hmm, let me redo it" still admits the error.
        var rest = text[hesitation.Length..];
        return IsRestart(rest.TrimStart(',', '.', '!', ' ', '-', ':', '\u2014')) || Phrases.In(rest) ? RestartKind.Definite : RestartKind.Tentative;
    }

    // A loop rather than Array.Find with a lambda: a lambda that captures a parameter costs an allocation on every call
    // of the method that declares it, and Classify runs on every line.
    private static string? HesitationAtStart(string text)
    {
        foreach (var hesitation in Lexicon.Hesitations)
        {
            if (text.StartsWith(hesitation, StringComparison.Ordinal))
            {
                return hesitation;
            }
        }

        return null;
    }

    public static bool IsRestart(string content)
    {
        // This runs on every line of every reply: ASCII lines (most) are matched case-insensitively in place, which is
        // the same as lower-casing them first; other lines are lower-cased once and searched ordinally.
        if (System.Text.Ascii.IsValid(content))
        {
            return IsAsciiRestart(content.AsSpan().TrimStart(" *_(\"'"));
        }

        var text = content.TrimStart(' ', '*', '_', '(', '"', '\'').ToLowerInvariant();
        if (text.Length < 2)
        {
            return false;
        }

        foreach (var opener in Lexicon.RestartOpeners)
        {
            if (text.StartsWith(opener, StringComparison.Ordinal)
                && (text.Length == opener.Length || !char.IsLetter(text[opener.Length]) || opener.EndsWith("at", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        // Every phrase contains an anchor. (The four words this looked for before missed "that is not right".)
        return Anchors.In(text) && Phrases.In(text);
    }

    // IsRestart for ASCII text, which the lexicon's lower-case ASCII phrases match ignoring case exactly as they match
    // its lower-cased copy.
    private static bool IsAsciiRestart(ReadOnlySpan<char> text)
    {
        if (text.Length < 2)
        {
            return false;
        }

        // An opener can only match a line whose first two letters start it (openers are lower-case ASCII, as is the line).
        var initial = char.ToLowerInvariant(text[0]);
        if (OpenerInitials.Contains(initial))
        {
            var second = char.ToLowerInvariant(text[1]);
            foreach (var opener in Lexicon.RestartOpeners)
            {
                if (opener[0] == initial && opener[1] == second && text.StartsWith(opener, StringComparison.OrdinalIgnoreCase)
                    && (text.Length == opener.Length || !char.IsLetter(text[opener.Length]) || opener.EndsWith("at", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        // One pass for every phrase instead of one search per phrase, and none where a letter every phrase needs is missing.
        // Each phrase holds an anchor, and the anchors are rarer in prose than the phrases' first letters ("th", "is",
        // "re"), so a line without one is passed over before the phrases are searched.
        var letters = LetterSet.Of(text);
        return Anchors.InAscii(text, letters) && Phrases.InAscii(text, letters);
    }

    /// <summary>Words one of which every phrase of <see cref="Lexicon.RestartPhrases"/> contains.</summary>
    internal static readonly string[] PhraseAnchors = ["let", "made", "wrong", "right", "incorrect", "redoing", "recomputing", "recalculating"];

    private static readonly Cues Anchors = new(PhraseAnchors);

    private static readonly SearchValues<char> OpenerInitials = SearchValues.Create([.. Lexicon.RestartOpeners.Select(o => o[0])]);

    private static readonly Cues Phrases = new(Lexicon.RestartPhrases);
}

/// <summary>How surely a line starts a new attempt.</summary>


internal enum RestartKind
{
    None,

    /// <summary>"Hmm, let me double-check": a new attempt only if the values that follow change.</summary>
    Tentative,

    Definite,
}
