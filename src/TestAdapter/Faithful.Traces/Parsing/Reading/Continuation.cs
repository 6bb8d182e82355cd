namespace Faithful.Traces.Parsing.Reading;

/// <summary>A line that continues a statement restated on an earlier line: <c>= 14 - 7 = 7</c>, <c>-> 9</c>.</summary>
internal static class Continuation
{
    /// <summary>
    /// The claim the line completes, or a longer pending statement when it still gives no value; both null when the line
    /// is not a continuation.
    /// </summary>
    public static (LineClaim? Claim, PendingStatement? Pending) Read(string text, PendingStatement pending, NameRules names)
    {
        var tokens = Tokenizer.Tokenize(text, names);
        if (tokens.Count == 0 || tokens[0].Kind is not (TokenKind.Assign or TokenKind.Arrow))
        {
            return (null, null);
        }

        if (TokenText.FirstLoneValue(tokens, 1, tokens.Count) is { } found)
        {
            var more = found.PartStart > 1 ? TokenText.Slice(text, tokens, 1, found.PartStart) : null;
            var work = more is null ? pending.Work : $"{pending.Work} = {more}";
            return (new LineClaim(pending.Name, pending.StepNumber, found.Value, work), null);
        }

        var extended = TokenText.Slice(text, tokens, 1, tokens.Count);
        return (null, pending with { Work = extended is null ? pending.Work : $"{pending.Work} = {extended}" });
    }

    /// <summary>The rest of <paramref name="content"/> after <paramref name="work"/> (spaces ignored) when an <c>=</c> follows it; else null.</summary>
    public static string? AfterRepeatedWork(string content, string work)
    {
        // "a1 = a0" then "a0 = a1 gives a0 = 3": a bare name followed by '=' assigns that name; it repeats no work.
        if (IsBareName(work))
        {
            return null;
        }

        var i = 0;
        var j = 0;
        while (j < work.Length)
        {
            if (char.IsWhiteSpace(work[j]) || work[j] == '.')
            {
                j++;
                continue;
            }

            while (i < content.Length && char.IsWhiteSpace(content[i]))
            {
                i++;
            }

            if (i >= content.Length || content[i] != work[j])
            {
                return null;
            }

            i++;
            j++;
        }

        var rest = content[i..].TrimStart();
        return rest.StartsWith('=') ? rest : null;
    }

    private static bool IsBareName(string work)
    {
        var trimmed = work.Trim();
        return trimmed.Length > 0 && (char.IsLetter(trimmed[0]) || trimmed[0] == '_') && trimmed.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
