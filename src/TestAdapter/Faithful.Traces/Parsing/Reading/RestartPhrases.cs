namespace Faithful.Traces.Parsing.Reading;

/// <summary>Phrases with which a model abandons its work and starts again ("Wait, let me redo", "Actually,").</summary>
internal static class RestartPhrases
{
    // Phrases that open a line.
    private static readonly string[] Openers =
    [
        "wait", "actually", "hold on", "hmm", "oops", "correction", "no,", "no wait", "scratch that", "on second thought",
        "redo", "re-do", "recompute", "recalculat", "restart", "starting over", "start over", "retry", "let me try again",
    ];

    // Phrases anywhere in a line.
    private static readonly string[] Anywhere =
    [
        "let me redo", "let me re-do", "let me recompute", "let me re-compute", "let me recalculate", "let me re-calculate",
        "let me start over", "let me try again", "let me restart", "let me fix", "let me correct", "let me redo",
        "i made a mistake", "i made an error", "i made a mistake", "that's wrong", "that is wrong", "that was wrong",
        "that's not right", "that is not right", "was incorrect", "is incorrect", "let's redo", "let's recompute",
        "let's start over", "let's recalculate", "redoing", "recomputing", "recalculating",
    ];

    // Openers that may only announce a re-check ("Hmm, let me double-check"): a restart only if a value then changes.
    private static readonly string[] Hesitations = ["wait", "hmm", "hold on"];

    /// <summary>Whether a line starts over for sure, may start over (a hesitation with no admission of error), or not.</summary>
    public static RestartKind Classify(string content)
    {
        if (!IsRestart(content))
        {
            return RestartKind.None;
        }

        var text = content.TrimStart(' ', '*', '_', '(', '"', '\'').ToLowerInvariant();
        var hesitation = Array.Exists(Hesitations, h => text.StartsWith(h, StringComparison.Ordinal));
        if (!hesitation)
        {
            return RestartKind.Definite;
        }

        // "Wait, I made a mistake" or "Hmm, let me redo it" still admits the error.
        var rest = text[Array.Find(Hesitations, h => text.StartsWith(h, StringComparison.Ordinal))!.Length..];
        return IsRestart(rest.TrimStart(',', '.', '!', ' ', '-', ':', '\u2014')) || ContainsPhrase(rest) ? RestartKind.Definite : RestartKind.Tentative;
    }

    private static bool ContainsPhrase(string text) => Array.Exists(Anywhere, phrase => text.Contains(phrase, StringComparison.Ordinal));

    public static bool IsRestart(string content)
    {
        // Lower-case once and search ordinally: this runs on every line of every reply.
        var text = content.TrimStart(' ', '*', '_', '(', '"', '\'').ToLowerInvariant();
        if (text.Length < 2)
        {
            return false;
        }

        foreach (var opener in Openers)
        {
            if (text.StartsWith(opener, StringComparison.Ordinal)
                && (text.Length == opener.Length || !char.IsLetter(text[opener.Length]) || opener.EndsWith("at", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        // Every phrase below contains one of these words.
        if (!text.Contains("let", StringComparison.Ordinal) && !text.Contains("wrong", StringComparison.Ordinal)
            && !text.Contains("re", StringComparison.Ordinal) && !text.Contains("made", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var phrase in Anywhere)
        {
            if (text.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How surely a line starts a new attempt.</summary>
internal enum RestartKind
{
    None,

    /// <summary>"Hmm, let me double-check": a new attempt only if the values that follow change.</summary>
    Tentative,

    Definite,
}
