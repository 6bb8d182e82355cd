namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// State snapshots: two or more names with bare values in a row (<c>a0 = 1, a1 = -2, a2 = 5</c>, "n_0 is 3 and n_1 is 0",
/// <c>[n_0, n_1] = [7, 1]</c>). A snapshot restates the values the reply holds; the document pass decides which of its
/// entries show a value for the first time (a per-iteration state list executes those).
/// </summary>
internal static class SnapshotRecogniser
{
    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: a snapshot is two pairs (each with its link: a
    /// symbol or "is"), or one pair under a state heading or after a "State:" label (whose colon is a second link), or
    /// a list form <c>[n_0, n_1] = [7, 1]</c> (an <c>=</c> and brackets).
    /// </summary>
    /// <remarks>
    /// Past the links, the line's <see cref="PairShape"/> (one pass over its tokens) decides: two pairs need two
    /// candidates, one pair a snapshot section or a candidate after a colon, a list form bracketed names. Most lines with
    /// two links are work (<c>s1 = (7 - 2) * 3 = 15</c>) and hold at most one candidate.
    /// </remarks>
    public static bool MayPropose(LineContext line) =>
        (line.LinkCount >= 2 || (line.WordTags & WordTags.Is) != 0
        || (line.LinkCount == 1 && (line.Section == LineSection.Snapshot || line.Has(TokenKind.Operator))))
        && MayHoldPairs(line);

    private static bool MayHoldPairs(LineContext line)
    {
        var shape = PairShape.Of(line.Tokens);
        return shape.Candidates >= 2 || (shape.Candidates == 1 && (line.Section == LineSection.Snapshot || shape.CandidateAfterColon)) || shape.BracketedNames;
    }

    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        var i = 0;
        var run = ScratchRun;
        while (i < tokens.Count)
        {
            // Most positions start no pair: look before making the list (one list serves the whole line).
            if (tokens[i].Kind != TokenKind.Name && !tokens[i].IsOperator("[") && !tokens[i].IsOperator("("))
            {
                i++;
                continue;
            }

            var end = line.SentenceEnd(i);
            run ??= ScratchRun = [];
            run.Clear();
            var at = i;
            while (at < end && Pairs.At(tokens, at, end) is { } pair && !ContainsName(run, pair.Name))
            {
                run.Add(pair);
                at = Pairs.SkipSeparators(tokens, pair.To, end);
            }

            if (run.Count >= 2 || (run.Count == 1 && (line.Section == LineSection.Snapshot || StateLabel(line, run[0].From))))
            {
                var proposal = proposals.Add(ReadingKind.StateSnapshot, run[0].From, run[^1].To, (run.Count * ProposalScores.SnapshotPair) + ProposalScores.SnapshotBonus);
                foreach (var pair in run)
                {
                    proposal.With(new LineClaim(pair.Name, null, pair.Value, null, ReadingKind.StateSnapshot));
                }

                i = run[^1].To;
                continue;
            }

            if (ListForm(line, i, end, proposals) is { } list)
            {
                i = list.To;
                continue;
            }

            i++;
        }
    }

    // The pairs of the run being read, reused line after line on each thread (nothing keeps it past Propose).
    [ThreadStatic]
    private static List<Pair>? ScratchRun;

    private static bool ContainsName(List<Pair> run, string name)
    {
        foreach (var p in run)
        {
            if (p.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    // "State: n_0 = 2", "Trace: n_0 = 2": a line that labels itself a state restates even one value.
    private static bool StateLabel(LineContext line, int pairStart)
    {
        var tokens = line.Tokens;
        if (pairStart < 2 || tokens[pairStart - 1].Kind != TokenKind.Colon)
        {
            return false;
        }

        var label = line.Text[..tokens[pairStart - 1].Start].Trim().ToLowerInvariant();
        return Array.Exists(Lexicon.SnapshotHeaders, h => label.StartsWith(h, StringComparison.Ordinal));
    }

    // "[n_0, n_1] = [7, 1]", "(n_0, n_1) = (7, 1)": names and values listed in the same order. The proposal is added to
    // the list and returned, or null.
    private static Proposal? ListForm(LineContext line, int at, int end, Proposals proposals)
    {
        var tokens = line.Tokens;
        // Most brackets hold arithmetic ("((-54) - 7) / 4"): a list form needs two names, and a name right after it.
        if (!(tokens[at].IsOperator("[") || tokens[at].IsOperator("(")) || at + 1 >= end || tokens[at + 1].Kind != TokenKind.Name)
        {
            return null;
        }

        var names = new List<string>();
        var i = at + 1;
        while (i < end && tokens[i].Kind == TokenKind.Name)
        {
            names.Add(tokens[i].Text);
            i++;
            if (i < end && tokens[i].Kind == TokenKind.Comma)
            {
                i++;
            }
        }

        if (names.Count < 2 || i + 2 >= end || !(tokens[i].IsOperator("]") || tokens[i].IsOperator(")")) || tokens[i + 1].Kind != TokenKind.Assign
            || !(tokens[i + 2].IsOperator("[") || tokens[i + 2].IsOperator("(")))
        {
            return null;
        }

        var values = new List<ParsedValue>();
        i += 3;
        while (i < end && tokens[i].Kind == TokenKind.Number)
        {
            values.Add(tokens[i].Number);
            i++;
            if (i < end && tokens[i].Kind == TokenKind.Comma)
            {
                i++;
            }
        }

        if (values.Count != names.Count || i >= end || !(tokens[i].IsOperator("]") || tokens[i].IsOperator(")")))
        {
            return null;
        }

        var proposal = proposals.Add(ReadingKind.StateSnapshot, at, i + 1, (names.Count * ProposalScores.SnapshotPair) + ProposalScores.SnapshotBonus);
        for (var k = 0; k < names.Count; k++)
        {
            proposal.With(new LineClaim(names[k], null, values[k], null, ReadingKind.StateSnapshot));
        }

        return proposal;
    }
}
