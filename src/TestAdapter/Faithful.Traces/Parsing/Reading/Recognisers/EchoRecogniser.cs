namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Echoes of the inputs or the given initial values: "n_0 = 0 and n_1 = 0 are initialized", "initialize n_0 to 1",
/// "n_0 starts at 1", "n_0 = 0 (before the loop)", "initialized to 0 and 1 respectively", lines under "Initial values:".
/// An echo executes nothing.
/// </summary>
internal static class EchoRecogniser
{
    private static readonly Cues StrongCues = new("initializ", "initialis", "initial", "given", "input", "declar", "before the loop", "before any loop", "before entering", "at the start", "at the beginning");

    private static readonly Cues RespectivelyCue = new("respectively");

    internal static readonly HashSet<string> WeakCues = new(StringComparer.OrdinalIgnoreCase) { "start", "starts", "starting", "begin", "begins", "beginning", "started" };

    private static readonly HashSet<string> Links = new(StringComparer.OrdinalIgnoreCase) { "to", "as", "with", "at", "from", "of", "=", "is", "are", "set", "being", "which", "initially", "both", "all" };

    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: it reads a pair only where a sentence is strong
    /// (an echo section or a strong cue) or a weak cue word stands before or inside the pair. A sentence holds a cue
    /// only if its line does, so the line is searched once rather than each sentence lower-cased and searched.
    /// </summary>
    public static bool MayPropose(LineContext line) =>
        line.Section == LineSection.Echo || (line.WordTags & WordTags.EchoWeakCue) != 0 || line.Has(StrongCues);

    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        for (var s = 0; s < line.Sentences.Count; s++)
        {
            var (from, to) = line.Sentences[s];
            var strong = line.Section == LineSection.Echo || line.SentenceHas(StrongCues, s);
            var respectively = strong && (line.SentenceHas(RespectivelyCue, s) || NamesAListThenAre(tokens, from, to));
            if (respectively && ProposeRespectively(line, from, to, proposals))
            {
                continue;
            }

            for (var i = from; i < to; i++)
            {
                if (tokens[i].Kind != TokenKind.Name)
                {
                    continue;
                }

                var weak = (i > from && tokens[i - 1].Kind == TokenKind.Word && WeakCues.Contains(tokens[i - 1].Text))
                    || (i > from + 1 && tokens[i - 2].Kind == TokenKind.Word && WeakCues.Contains(tokens[i - 2].Text) && tokens[i - 1].IsWord("with"));
                if (strong && SharedValue(tokens, i, to) is { } shared)
                {
                    i = shared.To - 1;
                    var echo = proposals.Add(ReadingKind.InputEcho, shared.From, shared.To, shared.Names.Count * ProposalScores.EchoPair);
                    foreach (var name in shared.Names)
                    {
                        echo.With(new LineClaim(name, null, shared.Value, null, ReadingKind.InputEcho));
                    }

                    continue;
                }

                if (Linked(tokens, i, to, out var valueAt, out var weakInside) is not { } value || !(strong || weak || weakInside)
                    || (!weak && !weakInside && line.Section != LineSection.Echo && CueAfterGivesAnother(line, from, valueAt, to, value)))
                {
                    continue;
                }

                proposals.Add(ReadingKind.InputEcho, i, valueAt + 1, ProposalScores.EchoPair)
                    .With(new LineClaim(tokens[i].Text, null, value, null, ReadingKind.InputEcho));
            }
        }
    }

    private static bool ProposeLastRun(LineContext line, int from, int to, Proposals proposals)
    {
        var tokens = line.Tokens;
        var last = to - 1;
        while (last >= from && tokens[last].Kind != TokenKind.Number)
        {
            last--;
        }

        var values = new List<ParsedValue>();
        var first = last;
        for (var k = last; k >= from; k--)
        {
            if (tokens[k].Kind == TokenKind.Number)
            {
                values.Add(tokens[k].Number);
                first = k;
            }
            else if (!(tokens[k].Kind == TokenKind.Comma || tokens[k].IsWord("and")))
            {
                break;
            }
        }

        var names = new List<string>();
        var nameFrom = first;
        for (var k = first - 1; k >= from && names.Count < values.Count; k--)
        {
            if (tokens[k].Kind == TokenKind.Name)
            {
                names.Add(tokens[k].Text);
                nameFrom = k;
            }
            else if (tokens[k].Kind == TokenKind.Number || tokens[k].Kind is TokenKind.Assign or TokenKind.Colon)
            {
                break;
            }
        }

        if (values.Count < 2 || names.Count != values.Count)
        {
            return false;
        }

        names.Reverse();
        values.Reverse();
        ProposeZipped(names, values, nameFrom, last + 1, proposals);
        return true;
    }

    // One echo proposal over [from, to) giving each name the value in the same place of the list.
    private static void ProposeZipped(List<string> names, List<ParsedValue> values, int from, int to, Proposals proposals)
    {
        var proposal = proposals.Add(ReadingKind.InputEcho, from, to, names.Count * ProposalScores.EchoPair);
        for (var k = 0; k < names.Count; k++)
        {
            proposal.With(new LineClaim(names[k], null, values[k], null, ReadingKind.InputEcho));
        }
    }

    // "making n_3 = -82 (since it was initially -1)": the sentence's only cue comes after the pair and gives a value of
    // its own, which is the one it echoes; the pair is the step the sentence sums up (gpt4/complexity-cot/372, holdout34).
    private static bool CueAfterGivesAnother(LineContext line, int from, int valueAt, int to, ParsedValue value)
    {
        var tokens = line.Tokens;
        var upTo = tokens[valueAt].End;
        if (StrongCues.InAscii(line.Text.AsSpan(tokens[from].Start, upTo - tokens[from].Start)))
        {
            return false;
        }

        var other = false;
        for (var k = valueAt + 1; k < to; k++)
        {
            if (tokens[k].Kind == TokenKind.Number)
            {
                if (DocumentPass.SameValue(tokens[k].Number, value))
                {
                    return false;
                }

                other = true;
            }
        }

        return other;
    }

    // "Initialize n_0 and n_1 to 0", "n_0, n_1 and n_2 are initialized to 0": a list of names linked to one value gives
    // each name that value (gpt4/complexity-cot/570 echoed only n_1); null unless two or more names share it.
    private static (List<string> Names, ParsedValue Value, int From, int To)? SharedValue(List<Token> tokens, int first, int to)
    {
        var after = Pairs.NameList(tokens, first, to, out var count);
        var last = after - 1;
        while (last > first && tokens[last].Kind == TokenKind.Comma)
        {
            // "n_0 and n_1, which are initially set to 0": the list ends at its last name.
            last--;
        }

        if (count < 2 || tokens[last].Kind != TokenKind.Name || Linked(tokens, last, to, out var valueAt, out _) is not { } value)
        {
            return null;
        }

        var names = new List<string>(count);
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind == TokenKind.Name)
            {
                names.Add(tokens[k].Text);
            }
        }

        return (names, value, first, valueAt + 1);
    }

    // "n_0 = 1", "n_0 to 1", "n_0 starts at 1", "n_0 is set to 0", "n_0 is initialized to 0": the name, a few linking words, a value.
    private static ParsedValue? Linked(List<Token> tokens, int name, int end, out int valueAt, out bool weakInside)
    {
        valueAt = -1;
        weakInside = false;
        var i = name + 1;
        var words = 0;
        while (i < end && words < 5)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Number)
            {
                if (!TokenText.IsLoneNumber(tokens, i, end) || words == 0)
                {
                    return null;
                }

                valueAt = i;
                return token.Number;
            }

            if (token.IsOperator("("))
            {
                i++;
                continue;
            }

            // "n_0 and n_1, which are initially set to 0": a comma that opens a "which" clause links the names to its value.
            var isLink = token.Kind is TokenKind.Assign or TokenKind.Colon
                || (token.Kind == TokenKind.Word && (Links.Contains(token.Text) || token.Text.StartsWith("initiali", StringComparison.OrdinalIgnoreCase)))
                || (token.Kind == TokenKind.Comma && i + 1 < end && tokens[i + 1].IsWord("which"));
            var isWeak = token.Kind == TokenKind.Word && WeakCues.Contains(token.Text);
            if (!isLink && !isWeak)
            {
                return null;
            }

            weakInside |= isWeak;
            // The "which" clause's comma and "which" only join the names to its words; they are not words between them.
            words += token.Kind == TokenKind.Comma || token.IsWord("which") ? 0 : 1;
            i++;
        }

        return null;
    }

    // "n_0 and n_1 are initialized as 0 and -1": names listed with commas and "and", then "are"/"were", pair up with the
    // values in order as if "respectively" followed (the first name's pair is not "n_1 ... as 0").
    private static bool NamesAListThenAre(List<Token> tokens, int from, int to)
    {
        var first = from;
        while (first < to && tokens[first].Kind != TokenKind.Name)
        {
            first++;
        }

        var after = Pairs.NameList(tokens, first, to, out var names);
        return names >= 2 && after < to && (tokens[after].IsWord("are") || tokens[after].IsWord("were"));
    }

    // "n_0, n_1 and n_2 ... initialized to 1, 1, and -1 respectively": whether it proposed the zipped pairs.
    private static bool ProposeRespectively(LineContext line, int from, int to, Proposals proposals)
    {
        var tokens = line.Tokens;
        var names = new List<string>();
        var values = new List<ParsedValue>();
        var firstValue = -1;
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Name && firstValue < 0)
            {
                names.Add(tokens[i].Text);
            }
            else if (tokens[i].Kind == TokenKind.Number && names.Count > 0)
            {
                firstValue = firstValue < 0 ? i : firstValue;
                values.Add(tokens[i].Number);
            }
        }

        if (names.Count < 2 || names.Count != values.Count)
        {
            // Code pairs first, then "... the variables n_0 and n_1, to -1 and 0, respectively": the code's names come
            // before its values; "respectively" zips the last run of values with the names just before it
            // (llama2-70b/complexity-cot/590, holdout4: "n_1, to -1" read as a write, then a self-correction).
            return ProposeLastRun(line, from, to, proposals);
        }

        ProposeZipped(names, values, from, to, proposals);
        return true;
    }
}
