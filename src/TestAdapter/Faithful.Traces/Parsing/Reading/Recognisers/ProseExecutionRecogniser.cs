using static Faithful.Traces.Parsing.Reading.TokenText;

namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Executions told in prose, one per sentence: "subtract a3 from a2, giving 9", "the value of s3 is 42",
/// "n_0 is multiplied by -1, resulting in 1", "n_1 is increased by 2 three times, making it 7", "sets n_0 to 0".
/// The target is the name the sentence is about, else the name an earlier sentence of the line was about.
/// </summary>
internal static class ProseExecutionRecogniser
{
    internal static readonly HashSet<string> SettingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "set", "sets", "setting", "change", "changes", "changed", "changing", "update", "updates", "updated", "updating",
        "increase", "increases", "increased", "decrease", "decreases", "decreased", "bring", "brings", "brought", "goes", "go",
        "went", "reduce", "reduces", "reduced", "raise", "raises", "raised", "drop", "drops", "dropped", "rise", "rises",
        "flip", "flips", "flipped", "move", "moves", "moved",
    };

    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: a value follows a result word ("giving 9"), or a
    /// setting verb and "to" ("sets n_0 to 0").
    /// </summary>
    public static bool MayPropose(LineContext line) =>
        (line.WordTags & WordTags.ResultWord) != 0 || (line.WordTags & (WordTags.SettingVerb | WordTags.To)) == (WordTags.SettingVerb | WordTags.To);

    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        string? subject = null;
        foreach (var (from, to) in line.Sentences)
        {
            ProposeResultWord(line, from, to, subject, proposals);
            ProposeSetTo(line, from, to, subject, proposals);

            for (var i = from; i < to; i++)
            {
                if (tokens[i].Kind == TokenKind.Name)
                {
                    subject = tokens[i].Text;
                }
            }
        }
    }

    // "Since 2 times 3 is 6, and the loop runs twice, n_4 ends at 12": a result word in a nameless reason that opens the
    // sentence (before its first comma) states a fact, not the value of the name an earlier sentence was about
    // (gpt4/complexity-cot/399, holdout26).
    private static bool InOpeningReason(List<Token> tokens, int from, int at)
    {
        if (!tokens[from].IsWord("since") && !tokens[from].IsWord("because"))
        {
            return false;
        }

        for (var k = from + 1; k < at; k++)
        {
            if (tokens[k].Kind is TokenKind.Comma or TokenKind.Name)
            {
                return false;
            }
        }

        return true;
    }

    // "..., giving 9", "..., resulting in n_0 = -2" (left to the assignment), "making it 7".
    private static bool ProposeResultWord(LineContext line, int from, int to, string? subject, Proposals proposals)
    {
        var tokens = line.Tokens;
        var found = false;
        string? sentenceTarget = null;
        for (var i = from; i + 1 < to; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !tokens[i].In(WordLists.Result | WordLists.ProseResult))
            {
                continue;
            }

            // "c will be 2 * 2^3 = 16 (since 2 cubed is 8)": a result word inside a remark
            // that gives a reason says why, not what the step wrote.
            if (IsHypothetical(tokens, from, to, i) || InReasonRemark(tokens, from, i) || NamesTheStart(tokens, from, i) || InOpeningReason(tokens, from, i)
                || ValuesListedBefore(tokens, from, i))
            {
                continue;
            }

            var valueAt = i + 1;
            string? named = null;
            while (valueAt < to && ((tokens[valueAt].Kind == TokenKind.Word && tokens[valueAt].In(WordLists.ProseValueFiller))
                || (named is null && tokens[valueAt].Kind == TokenKind.Name)))
            {
                // "making n_1 10", "resulting in n_0 being -7": the result word names its target.
                named ??= tokens[valueAt].Kind == TokenKind.Name ? tokens[valueAt].Text : null;
                valueAt++;
            }

            // "making n_3 -81": after a named target a minus written against its number is a sign, not a subtraction.
            ParsedValue? signed = null;
            if (named is not null && valueAt + 1 < to && tokens[valueAt].Kind == TokenKind.Operator && tokens[valueAt].Text == "-"
                && tokens[valueAt].End == tokens[valueAt + 1].Start && tokens[valueAt + 1].Kind == TokenKind.Number && IsLoneNumber(tokens, valueAt + 1, to))
            {
                var magnitude = tokens[valueAt + 1].Number;
                signed = magnitude.Int64 is { } whole ? ParsedValue.FromInt64(-whole) : ParsedValue.FromDouble(-magnitude.Real);
                valueAt++;
            }

            var workAt = valueAt;
            if (valueAt < to && !IsLoneNumber(tokens, valueAt, to) && WorkedValue(tokens, valueAt, to) is { } worked)
            {
                // "so it ends at 1 - 162 = -161": the value follows its work; "ends up being -1 + 3^2 = -1 + 9 = 8" works
                // it out in steps, and the value ends the chain (gpt4/complexity-cot/688, holdout).
                valueAt = worked;
                while (valueAt < to && !IsLoneNumber(tokens, valueAt, to) && WorkedValue(tokens, valueAt, to) is { } further)
                {
                    valueAt = further;
                }
            }

            if (valueAt >= to || !IsLoneNumber(tokens, valueAt, to))
            {
                continue;
            }

            // "so it will be -1, 1, -1, and then ...": after "be", the first of a list of values is no result.
            if (tokens[i].IsWord("be") && valueAt + 2 < to && tokens[valueAt + 1].Kind == TokenKind.Comma && tokens[valueAt + 2].Kind == TokenKind.Number)
            {
                continue;
            }

            // "n_0 is 3, and we increment it by 2 again, making it 5": past a value read in this sentence, "it" is still the
            // name that value was read for (llama2-70b/complexity-cot/855, holdout27).
            var target = named ?? Target(tokens, from, i, line.Names)
                ?? (HasName(tokens, from, i) || NamesOtherSubject(tokens, from, i) ? null : sentenceTarget ?? subject);
            if (target is null)
            {
                continue;
            }

            // "After updating n_0, its value becomes 19": words with no number before the result word show no computation.
            var work = workAt < valueAt ? TrimSeparators(Slice(line.Text, tokens, workAt, valueAt - 1))
                : HasKind(tokens, from, i, TokenKind.Number) ? TrimSeparators(Slice(line.Text, tokens, from, i)) : null;
            var value = signed ?? tokens[valueAt].Number;
            var proposal = proposals.Add(ReadingKind.Execution, i, valueAt + 1, ProposalScores.ProseValue);
            if (named is null && JoinedSubject(tokens, from, i, target))
            {
                // "`n_3` and `n_4` become `1`": a subject of names joined by "and" gives the one value to each of them
                // (llama3-70b/complexity-redundant-cot/469, holdout); the last of them is the target, so the rest come first.
                for (var k = from; k < i; k++)
                {
                    if (tokens[k].Kind == TokenKind.Name && tokens[k].Text != target)
                    {
                        proposal.With(new LineClaim(tokens[k].Text, line.StepNumber, value, work));
                    }
                }
            }

            proposal.With(new LineClaim(target, line.StepNumber, value, work));
            found = true;
            sentenceTarget = target;
            from = valueAt + 1;
            i = valueAt;
        }

        return found;
    }

    // Whether the words before the result word are names joined by commas and "and" (with "both", "all" or a modal
    // between), two or more of them, the target last: "n_3 and n_4 become", "n_0, n_1 and n_2 will all be".
    private static bool JoinedSubject(List<Token> tokens, int from, int resultWord, string target)
    {
        var names = 0;
        var joined = false;
        var last = "";
        for (var k = from; k < resultWord; k++)
        {
            var token = tokens[k];
            if (token.Kind == TokenKind.Name)
            {
                names++;
                last = token.Text;
            }
            else if (token.Kind == TokenKind.Comma || token.IsWord("and"))
            {
                joined |= token.IsWord("and");
            }
            else if (!(token.IsWord("both") || token.IsWord("all") || token.IsWord("will") || token.IsWord("would")))
            {
                return false;
            }
        }

        return names >= 2 && joined && last == target;
    }

    // "the sum of n_0 (6), n_1 (3), n_2 (-7) and n_3 (-3), which is -1": names listed each with its value in parentheses
    // are summed up; the result word gives the total, no name's value (gpt35/complexity-cot/635, holdout51).
    private static bool ValuesListedBefore(List<Token> tokens, int from, int resultWord)
    {
        var listed = 0;
        for (var k = from; k + 3 < resultWord && listed < 2; k++)
        {
            if (tokens[k].Kind == TokenKind.Name && tokens[k + 1].IsOperator("(") && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 3].IsOperator(")"))
            {
                listed++;
            }
        }

        return listed >= 2;
    }

    // "Its initial value is -1", "the initial value of n_0 is 5": the words just before the result word name the value a
    // variable starts from, not a step's result ("since n_2 is initially 0, flipping it will still result in 0" sums a
    // loop up: the clause before the comma is not the result word's).
    private static bool NamesTheStart(List<Token> tokens, int from, int resultWord)
    {
        for (var k = resultWord - 1; k >= from && k >= resultWord - 4 && tokens[k].Kind != TokenKind.Comma; k--)
        {
            if (tokens[k].IsWord("initial") || tokens[k].IsWord("initially"))
            {
                return true;
            }
        }

        return false;
    }

    // "Since n is 3, ...": a one-letter word right before the result word (the input, a loop counter) is the sentence's
    // own subject, so the name an earlier sentence was about is not.
    private static bool NamesOtherSubject(List<Token> tokens, int from, int resultWord) =>
        resultWord > from && tokens[resultWord - 1] is { Kind: TokenKind.Word, Text: [var letter] } && char.IsLetter(letter) && letter is not ('a' or 'A' or 'I');

    // "(it would end at -1 if the count were even)", "if the count is even it will end as 1": a modal before the result
    // word in a sentence with "if" states what would happen in a case, not a value the reply holds.

    private static bool IsHypothetical(List<Token> tokens, int from, int to, int resultWord)
    {
        var modal = false;
        for (var k = Math.Max(from, resultWord - 3); k < resultWord; k++)
        {
            modal |= tokens[k].Kind == TokenKind.Word && tokens[k].Text.ToLowerInvariant() is "would" or "could" or "might" or "will";
        }

        if (!modal)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (tokens[k].IsWord("if") || tokens[k].IsWord("were"))
            {
                return true;
            }
        }

        return false;
    }

    // "`n_0 *= -1` sets `n_0` to `0`", "n_1 is decreased by 2 to -3", "which brings n_0 to 5".
    private static bool ProposeSetTo(LineContext line, int from, int to, string? subject, Proposals proposals)
    {
        var tokens = line.Tokens;
        var verb = -1;
        for (var i = from; i + 1 < to; i++)
        {
            if (verb < 0 && tokens[i].Kind == TokenKind.Word && tokens[i].In(WordLists.SettingVerb | WordLists.OperationVerb))
            {
                verb = i;
            }

            if (verb < 0 || !tokens[i].IsWord("to") || !IsLoneNumber(tokens, i + 1, to))
            {
                continue;
            }

            // "inside this loop, n_2 is added to -1": right after "added" the number is what the name is added to, an
            // operand, not its new value (llama2-70b/complexity-cot/351, holdout28); "adding 2 to it brings it to 5" still sets.
            if (tokens[i - 1] is { Kind: TokenKind.Word } before && before.In(WordLists.OperationVerb) && before.Text.StartsWith("add", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? target = null;
            for (var k = i - 1; k >= from; k--)
            {
                if (tokens[k].Kind == TokenKind.Name)
                {
                    target = tokens[k].Text;
                    break;
                }
            }

            target ??= subject;
            if (target is null)
            {
                return false;
            }

            var work = TrimSeparators(Slice(line.Text, tokens, from, i));
            proposals.Add(ReadingKind.Execution, verb, i + 2, ProposalScores.ProseValue + 1)
                .With(new LineClaim(target, line.StepNumber, tokens[i + 1].Number, work));
            return true;
        }

        return false;
    }

    /// <summary>The name a prose sentence updates, from its verb: "subtract a3 from a2" updates a2, "the value of s3" names s3.</summary>
    public static string? Target(List<Token> tokens, int start, int end, NameRules names)
    {
        string? firstAfterVerb = null;
        string? afterPreposition = null;
        string? firstName = null;
        var verb = "";
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Word && verb.Length == 0 && token.In(WordLists.OperationVerb))
            {
                verb = token.Text.ToLowerInvariant();
                continue;
            }

            if (token.Kind != TokenKind.Name)
            {
                continue;
            }

            firstName ??= token.Text;
            if (verb.Length > 0 && firstAfterVerb is null)
            {
                firstAfterVerb = token.Text;
            }

            if (i > start && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Text.ToLowerInvariant() is "from" or "to" or "into")
            {
                afterPreposition ??= token.Text;
            }
        }

        // "add a and b" names operands only; without a verb the sentence is about its first name.
        var target = Lexicon.PrepositionTargetVerbs.Contains(verb) ? afterPreposition
            : verb.Length == 0 ? firstName
            : firstAfterVerb ?? firstName;

        // "multiply s1 by a" updates nothing when s1 is written once: it names an operand of a later step.
        var updatesInPlace = !Lexicon.AssigningVerbs.Contains(verb);
        return target is not null && updatesInPlace && names.IsSingleWrite(target) ? null : target;
    }
}
