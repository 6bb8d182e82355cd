namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Statements shown to leave their variable unchanged: <c>a2 = a2 (no change)</c>, "a2 remains -2", "n_1 stays 0",
/// "multiplying by -1 doesn't change its value, so n_1 remains 0". They execute their step; without a value, the
/// value the reply holds is meant.
/// </summary>
internal static class NoChangeRecogniser
{
    private static readonly HashSet<string> CueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "remains", "remain", "remained", "stays", "stay", "stayed", "unchanged", "unaffected", "unchanging",
    };

    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: it reads only in a sentence holding a no-change
    /// cue, and the line's letters rule the cues out on most lines.
    /// </summary>
    public static bool MayPropose(LineContext line) => Lexicon.NoChangeCues.MayOccurIn(line.Letters);

    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        var subject = -1;
        for (var s = 0; s < line.Sentences.Count; s++)
        {
            if (!line.SentenceHas(Lexicon.NoChangeCues, s))
            {
                subject = LastName(tokens, line.Sentences[s].From, line.Sentences[s].To, subject);
                continue;
            }

            var (from, to) = line.Sentences[s];
            var cue = FindCue(tokens, from, to);
            var name = -1;
            for (var i = (cue < 0 ? to : cue) - 1; i >= from; i--)
            {
                if (tokens[i].Kind == TokenKind.Name)
                {
                    name = i;
                    break;
                }
            }

            if (name < 0)
            {
                // "no change to n_1": the name follows.
                for (var i = Math.Max(cue, from); i < to && name < 0; i++)
                {
                    name = tokens[i].Kind == TokenKind.Name ? i : -1;
                }
            }

            // "..., it remains 0": the name an earlier sentence of the line was about.
            if (name < 0 && subject >= 0 && cue >= 0)
            {
                name = subject;
            }

            subject = LastName(tokens, from, to, subject);
            if (name < 0)
            {
                continue;
            }

            // The value: right after the cue ("remains 0", "stays at -2"), or the pair the name starts ("n_1 = 0 (no change)").
            ParsedValue? value = null;
            var end = cue < 0 ? name + 1 : cue + 1;
            if (cue >= 0 && ValueAfter(tokens, cue + 1, to, out var at) is { } after)
            {
                value = after;
                end = at + 1;
            }
            else if (Pairs.At(tokens, name, to) is { } pair)
            {
                value = pair.Value;
                end = Math.Max(end, pair.To);
            }

            // "n_1 starts at 0 and remains 0": when the value follows the cue, the span starts at the cue, leaving the
            // name's own clause to other readings.
            var start = cue >= 0 && (name < from || (value is not null && end > cue + 1 && cue > name)) ? cue : Math.Min(name, cue < 0 ? name : cue);
            proposals.Add(ReadingKind.NoChangeExecution, start, Math.Max(end, start + 1), ProposalScores.NoChange)
                .With(new LineClaim(tokens[name].Text, line.StepNumber, value, null, ReadingKind.NoChangeExecution));
        }
    }

    private static int LastName(List<Token> tokens, int from, int to, int fallback)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (tokens[i].Kind == TokenKind.Name)
            {
                return i;
            }
        }

        return fallback;
    }

    private static int FindCue(List<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && (CueWords.Contains(tokens[i].Text)
                || (tokens[i].IsWord("change") && i > from && tokens[i - 1].IsWord("no"))
                || (tokens[i].IsWord("change") && i > from && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Text.ToLowerInvariant() is "not" or "t" or "doesn" or "won" or "didn" or "don")))
            {
                return i;
            }
        }

        return -1;
    }

    private static ParsedValue? ValueAfter(List<Token> tokens, int from, int to, out int at)
    {
        at = -1;
        var i = from;
        while (i < to && i < from + 4 && (tokens[i].Kind == TokenKind.Word && (tokens[i].In(WordLists.ValueFiller) || tokens[i].Text.ToLowerInvariant() is "unchanged" or "as" or "equal") || tokens[i].Kind is TokenKind.Assign or TokenKind.Colon || tokens[i].IsOperator("(")))
        {
            i++;
        }

        if (i < to && TokenText.IsLoneNumber(tokens, i, to))
        {
            at = i;
            return tokens[i].Number;
        }

        return null;
    }
}
