namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Final answers stated in prose: "the output of the function for n=3 is -5", "the function returns the sum of n_0 and
/// n_1, which is 0 + (-18) = -18", "f(3) = 7", <c>sum([n_0, n_1]) = sum([7, 1]) = 8</c>, <c>n_0 + n_1 + n_2 = 21 + 1 = 22</c>.
/// The value is the last lone number after the answer's subject; <c>n = 3</c> and <c>f(3)</c> name the input, not the result.
/// </summary>
internal static class ProseAnswerRecogniser
{
    internal static readonly HashSet<string> Subjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "output", "outputs", "return", "returns", "returned", "answer", "result", "solution", "sum", "print", "prints", "printed",
    };

    private static readonly Cues Intermediate = new("iteration", "step ", "inner loop", "outer loop", "first loop", "second loop", "pass ", "intermediate", "partial");

    // "Initialize n_0 = 0 and sum = 0.": a running sum set before anything is added to it.
    private static readonly Cues Initializing = new("initializ", "initialis");

    /// <summary>The value a sentence states as the result ("The output of the function for n=3 is 2."), or null.</summary>
    public static ParsedValue? ValueOf(string sentence, NameRules names)
    {
        var line = new LineContext(LineNormalizer.Normalize(sentence), null, null, names, LineSection.None, ReaderKnowledge.None);
        var proposals = new Proposals();
        Propose(line, proposals);
        return proposals.Count == 1 ? proposals[0].Answer?.Value : null;
    }

    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: every answer starts at a subject word, at
    /// "f(3)", or (when the answer is a sum) at a sum of names, which holds a name, <c>+</c> and a name in a row.
    /// </summary>
    public static bool MayPropose(LineContext line) =>
        (line.WordTags & (WordTags.AnswerSubject | WordTags.Function)) != 0
        || (line.Knowledge.AnswerIsSum && line.Has(TokenKind.Assign) && HasNamePlusName(line.Tokens));

    private static bool HasNamePlusName(List<Token> tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Name && tokens[i + 1].IsOperator("+") && tokens[i + 2].Kind == TokenKind.Name)
            {
                return true;
            }
        }

        return false;
    }

    public static void Propose(LineContext line, Proposals proposals)
    {

        var tokens = line.Tokens;
        for (var s = 0; s < line.Sentences.Count; s++)
        {
            var (from, to) = line.Sentences[s];
            var subject = SubjectAt(line, from, to);
            // "What does the function below output for 10?" asks; it does not answer.
            if (subject < 0 || (to < tokens.Count && tokens[to].Text == "?"))
            {
                continue;
            }

            var lower = line.SentenceLower(s);
            var strongSubject = !tokens[subject].IsWord("result") && !tokens[subject].IsWord("sum") || lower.Contains("final", StringComparison.Ordinal);
            if (!strongSubject && (Intermediate.In(lower) || Initializing.In(lower)))
            {
                continue;
            }

            // "the output is -15, which is the sum of -7, 6 and 3": the clause after the value explains it.
            var at = AppositiveAt(tokens, subject + 1, to) is var comma and >= 0 && LastLoneValue(tokens, subject + 1, comma) is { } early
                ? early
                : LastLoneValue(tokens, subject + 1, to);
            if (at is not { } value || IsCodeReturn(tokens, subject, value) || DescribesOperation(tokens, subject + 1, value) || QuantifiesNoun(tokens, value) || CountsThings(tokens, value, to) || IsCallArgument(tokens, value)
                || HeldByNameOfLaterClause(tokens, subject, value) || AnswerReader.PicksAnOption(line.Text.AsSpan(tokens[subject].End)))
            {
                continue;
            }

            // "which is 'n if n is even, or 0 otherwise'": a case the reply weighs, not its answer.
            if ((line.WordTags & WordTags.Parity) != 0 && LineReader.IsConditional(line, s, subject, value + 1))
            {
                continue;
            }

            var work = WorkBefore(line, subject + 1, value);
            proposals.Add(ReadingKind.Answer, subject, value + 1, ProposalScores.Answer)
                .WithAnswer(new ProseAnswer(tokens[value].Number, work, line.Text[tokens[from].Start..tokens[value].End], IsStrongSubject(tokens[subject]) || OfCall(tokens, subject, value)));
        }
    }

    // "return 0;" in a C or C++ listing ends main: a statement of the code, not the program's value (holdout
    // llamacodeinstruct/complexity-redundant-cot/208 and complexity-cot/1135, both labelled missing_answer).
    private static bool IsCodeReturn(List<Token> tokens, int subject, int value) =>
        value == subject + 1 && tokens[subject].IsWord("return") && value + 1 < tokens.Count && tokens[value + 1].Kind == TokenKind.Semicolon;

    /// <summary>Whether an answer at this subject is said of the whole program ("output", "returns"), not a running "sum" or "result".</summary>
    internal static bool IsStrongSubject(Token subject) => !subject.IsWord("sum") && !subject.IsWord("result") && subject.Kind == TokenKind.Word;

    // "the result of f(10) is 2": a result said of the function applied to an input is the program's, not a running total.
    private static bool OfCall(List<Token> tokens, int subject, int value) =>
        subject + 5 < value && tokens[subject + 1].IsWord("of") && tokens[subject + 2].IsWord("f") && tokens[subject + 3].IsOperator("(")
        && tokens[subject + 4].Kind == TokenKind.Number && tokens[subject + 5].IsOperator(")");

    /// <summary>The answer's subject word in tokens [from, to), or the start of "f(3) =" / "n_0 + n_1 + ... =" / "sum(...) ="; -1 when none.</summary>
    internal static int SubjectAt(LineContext line, int from, int to)
    {
        var tokens = line.Tokens;
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Word && Subjects.Contains(token.Text) && IsNounUse(tokens, i, from, to))
            {
                // "return" as an instruction with no value after it is still a subject; "results in" and "sum of" in
                // "n_0 is the sum of ..." are not the answer.
                if (token.IsWord("sum") && i + 1 < to && tokens[i + 1].IsWord("of") && !line.Knowledge.AnswerIsSum && line.Knowledge.AnswerVariable is null)
                {
                    continue;
                }

                return i;
            }

            // "f(3) = 7", "f(3) is 7", "f(3) returns 7": the function applied to the input, then its value.
            if (token.IsWord("f") && i + 4 < to && tokens[i + 1].IsOperator("(") && tokens[i + 2].Kind == TokenKind.Number && tokens[i + 3].IsOperator(")")
                && (tokens[i + 4].Kind == TokenKind.Assign || tokens[i + 4].IsWord("is") || tokens[i + 4].IsWord("returns") || tokens[i + 4].IsWord("equals")))
            {
                return i + 3;
            }

            // "n_0 + n_1 + n_2 = 21 + 1 = 22" adds up the answer's variables; "s4 = s3 + s1 = ..." is a step.
            if (token.Kind == TokenKind.Name && line.Knowledge.AnswerIsSum && IsSumOfNames(tokens, i, to)
                && !(i >= 2 && tokens[i - 1].Kind == TokenKind.Assign && tokens[i - 2].Kind == TokenKind.Name))
            {
                return i;
            }
        }

        return -1;
    }

    // "the result is", "the final result:", "returns 5": not "will result in 0", "we sum up", "print(result)".
    private static bool IsNounUse(List<Token> tokens, int at, int from, int to)
    {
        var word = tokens[at].Text.ToLowerInvariant();
        var next = at + 1 < to ? tokens[at + 1] : default;
        var previous = at > from ? tokens[at - 1] : default;
        if ((previous.IsOperator("<") || previous.IsOperator("/")) && next.IsOperator(">"))
        {
            // "</result>": the name of a tag, not a subject.
            return false;
        }

        // "sum+=1", "result -= 2": a statement that updates the variable, not its value.
        if (next.Kind is TokenKind.CompoundAssign or TokenKind.IncrementOrDecrement)
        {
            return false;
        }

        return word switch
        {
            // "your answer: 0", "previous answer: -10", "answer within 10": a grader's words to someone else, or the verb.
            "result" or "sum" or "answer" or "solution" or "output" => !(next.Kind == TokenKind.Word && next.Text.ToLowerInvariant() is "in" or "up" or "from" or "into" or "within")
                && !(previous.Kind == TokenKind.Word && previous.Text.ToLowerInvariant() is "will" or "would" or "to" or "may" or "might" or "can" or "could" or "should" or "variable" or "running" or "your" or "previous" or "current"),
            "print" or "prints" or "printed" => !next.IsOperator("("),
            _ => true,
        };
    }

    // "returns the sum of n_0, where n_0 is initialized to 1 and incremented by 2": the number is an operand of an
    // operation the sentence describes, not the result.
    private static bool DescribesOperation(List<Token> tokens, int from, int at)
    {
        for (var i = from; i < at; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && (tokens[i].In(WordLists.OperationVerb) || tokens[i].IsWord("by")
                || tokens[i].Text.StartsWith("initiali", StringComparison.OrdinalIgnoreCase)))
            {
                // "which is 0 + 19 = 19": work after "is" is fine; a verb before it is not.
                return !HasResultLink(tokens, i + 1, at);
            }
        }

        return false;
    }

    // "f returns the last value of n_0, so for n=3 it adds 2 to n_0 three times, resulting in n_0 being 7": a value a
    // later clause gives a name ("n_0 being 7", after a comma and more words) is that name's, which the execution reading
    // takes; the subject's own "value of n_0 is 7" and "the sum of n_0, n_1, and n_2 is 0" still answer
    // (gpt4/complexity-cot/551, holdout26).
    private static bool HeldByNameOfLaterClause(List<Token> tokens, int subject, int value)
    {
        var i = value - 1;
        while (i > subject && tokens[i].Kind == TokenKind.Word && (tokens[i].In(WordLists.Anchor) || tokens[i].IsWord("being")))
        {
            i--;
        }

        if (i == value - 1 || i <= subject || tokens[i].Kind != TokenKind.Name)
        {
            return false;
        }

        // The clause after the last comma before the name says more than "and" ("..., and n_2 is 0" ends a list of names).
        var comma = i - 1;
        while (comma > subject && tokens[comma].Kind != TokenKind.Comma)
        {
            comma--;
        }

        for (var k = comma + 1; comma > subject && k < i; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && !tokens[k].IsWord("and") && !tokens[k].IsWord("or"))
            {
                return true;
            }
        }

        return false;
    }

    // "for i in range(3)", "result = f(10) == g(10)": the number a function is called with is its input, not a result
    // (llama2-70b/complexity-cot/642, holdout23; jurassic2-ultra/complexity-redundant-cot/102, holdout24); "print(5)" and
    // "sum(7)" show a value.
    private static bool IsCallArgument(List<Token> tokens, int value) =>
        value >= 2 && tokens[value - 1].IsOperator("(") && tokens[value - 2] is { Kind: TokenKind.Word or TokenKind.Name } call
        && call.End == tokens[value - 1].Start && !call.IsWord("print") && !call.IsWord("sum")
        && (call.IsWord("range") || (value + 1 < tokens.Count && tokens[value + 1].IsOperator(")")));

    // "(the total of n multiples of 2)", "in steps of 2": a number after a plural noun and "of"
    // sizes what the noun counts, an operand of the description, not the result ("a value of 6" still gives 6)
    // (gpt4/complexity-cot/288, holdout23).
    private static bool QuantifiesNoun(List<Token> tokens, int value) =>
        value >= 2 && tokens[value - 1].IsWord("of") && tokens[value - 2] is { Kind: TokenKind.Word } noun && LooksPlural(noun.Text);

    // "multiples", "numbers", not "class" or "is": a word of four letters or more ending in a single 's'.
    private static bool LooksPlural(string word) => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal);

    // "each number is the sum of the 3 previous numbers in the pyramid": a number before a plural noun, or before one of a
    // few words that qualify one, counts the things the sentence describes; it is no value (llama2-70b/complexity-cot/213,
    // holdout32, a count read as a first answer and so a false self-correction).
    private static bool CountsThings(List<Token> tokens, int value, int to)
    {
        var next = value + 1;
        if (next < to && tokens[next].Kind == TokenKind.Word && CountQualifiers.Contains(tokens[next].Text))
        {
            next++;
        }

        return next < to && tokens[next] is { Kind: TokenKind.Word } word && !word.In(WordLists.Operator)
            && LooksPlural(word.Text) && !word.Text.EndsWith("us", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> CountQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "previous", "preceding", "next", "last", "first", "other", "more", "different", "consecutive", "separate", "distinct",
        "additional", "remaining", "inner", "outer", "nested", "local", "global",
    };

    // Whether "is", "=", ":" or "equals" comes between an operation word and the value ("..., which is 7"). A name's own
    // "=" ("increment n_0 three times, resulting in n_0=4", "for n=3") gives that name's value, not the answer's link.
    private static bool HasResultLink(List<Token> tokens, int from, int at)
    {
        for (var i = from; i < at; i++)
        {
            if (tokens[i].Kind == TokenKind.Assign && i > from && tokens[i - 1].Kind is TokenKind.Name or TokenKind.Word)
            {
                continue;
            }

            if (tokens[i].Kind is TokenKind.Assign or TokenKind.Colon || tokens[i].IsWord("is") || tokens[i].IsWord("equals") || tokens[i].IsWord("be"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"n_0 + n_1 (+ ...) =": two or more names added up, then an assignment.</summary>
    private static bool IsSumOfNames(List<Token> tokens, int at, int to)
    {
        var names = 0;
        var i = at;
        while (i < to && tokens[i].Kind == TokenKind.Name)
        {
            names++;
            i++;
            if (i < to && tokens[i].IsOperator("+"))
            {
                i++;
                continue;
            }

            break;
        }

        return names >= 2 && i < to && tokens[i].Kind == TokenKind.Assign;
    }

    // The comma of "is -15, which is the sum of ..." between from and to, or -1: a value stated, then a clause that
    // says what it is. "..., which is 1" states the value after the comma, "the sum of n_2 (2), which" had none before
    // it, and "= 6, which is multiplied by n to give 18" goes on computing.
    private static int AppositiveAt(List<Token> tokens, int from, int to)
    {
        for (var i = from + 2; i + 3 < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Comma && tokens[i + 1].IsWord("which") && tokens[i + 2].IsWord("is")
                && (tokens[i + 3].IsWord("the") || tokens[i + 3].IsWord("a") || tokens[i + 3].IsWord("an"))
                && tokens[i - 1].Kind == TokenKind.Number
                && (tokens[i - 2].Kind is TokenKind.Assign or TokenKind.Colon || tokens[i - 2].IsWord("is") || tokens[i - 2].IsWord("equals")))
            {
                return i;
            }
        }

        return -1;
    }

    private static int? LastLoneValue(List<Token> tokens, int from, int to)
    {
        int? last = null;
        var formula = -1;
        var inList = ListElements(tokens, from, to);
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind != TokenKind.Number)
            {
                continue;
            }

            // "-2n-4", "2n-1": a number written onto a word ("2n", "n-4") is part of a formula, not a value.
            if (GluedToWord(tokens, i, to))
            {
                formula = i;
                continue;
            }

            if (inList[i - from] || !TokenText.IsLoneNumber(tokens, i, to) || NamesInput(tokens, i, to) || NumbersAStep(tokens, i, from) || Indexes(tokens, i))
            {
                continue;
            }

            // A number that ends an expression ("7 + 1", "20 + (-1024)") is an operand, not a result.
            var before = i - 1;
            while (before > from && tokens[before].IsOperator("("))
            {
                before--;
            }

            if (before >= from && tokens[before].IsBinaryOperator)
            {
                continue;
            }

            last = i;
        }

        // "the sum of the numbers from 0 to 2n-1": a sentence whose value ends in a formula states no value.
        return formula > last ? null : last;
    }

    // "Return sum[0]": a number in brackets written onto a word indexes it.
    private static bool Indexes(List<Token> tokens, int at) =>
        at >= 2 && tokens[at - 1].IsOperator("[") && tokens[at - 2].Kind is TokenKind.Word or TokenKind.Name && tokens[at - 2].End == tokens[at - 1].Start;

    // "what step 1 ends with feeds step 2": a number after "step" or "iteration" counts places.
    private static bool NumbersAStep(List<Token> tokens, int at, int from) =>
        at > from && tokens[at - 1].Kind == TokenKind.Word && (tokens[at - 1].IsWord("step") || tokens[at - 1].IsWord("iteration"));

    // Numbers inside a bracketed list of several ("sum([0, 1024, 10])") are its elements, not a result; "[-7]" holds one.
    // So are three or more numbers in a row joined by commas ("the sequence 0, 2, 4, ..."), bracketed or not.
    private static bool[] ListElements(List<Token> tokens, int from, int to)
    {
        var inList = new bool[Math.Max(0, to - from)];
        MarkCommaRuns(tokens, from, to, inList);
        var opens = new Stack<int>();
        for (var i = from; i < to; i++)
        {
            if (tokens[i].IsOperator("[") || tokens[i].IsOperator("("))
            {
                opens.Push(i);
            }
            else if ((tokens[i].IsOperator("]") || tokens[i].IsOperator(")")) && opens.Count > 0)
            {
                var open = opens.Pop();
                if (TokenText.HasKind(tokens, open + 1, i, TokenKind.Comma))
                {
                    Array.Fill(inList, true, open - from, i - open);
                }
            }
        }

        return inList;
    }

    private static void MarkCommaRuns(List<Token> tokens, int from, int to, bool[] inList)
    {
        var i = from;
        while (i < to)
        {
            if (tokens[i].Kind != TokenKind.Number)
            {
                i++;
                continue;
            }

            var end = i + 1;
            var count = 1;
            while (end + 1 < to && tokens[end].Kind == TokenKind.Comma && tokens[end + 1].Kind == TokenKind.Number)
            {
                end += 2;
                count++;
            }

            if (count >= 3)
            {
                Array.Fill(inList, true, i - from, end - i);
            }

            i = end;
        }
    }

    // A number written onto a word after it ("2n") or, signed, before it ("n-4"): a term of a formula.
    private static bool GluedToWord(List<Token> tokens, int at, int to)
    {
        var number = tokens[at];
        if (at + 1 < to && tokens[at + 1].Start == number.End && tokens[at + 1].Kind is TokenKind.Word or TokenKind.Name)
        {
            return true;
        }

        return at > 0 && tokens[at - 1].End == number.Start && number.Text.Length > 0 && number.Text[0] is '-' or '+'
            && tokens[at - 1].Kind is TokenKind.Word or TokenKind.Name or TokenKind.Number;
    }

    // "n = 3", "n=10", "f(3)", "for 3 iterations", "3 times", "these 7 variables", "from 0 to n": numbers that describe
    // the input, the loop or the program, not the result.
    private static bool NamesInput(List<Token> tokens, int at, int to)
    {
        // "n = 3", and "returns 42 when n is 3".
        if (at >= 2 && (tokens[at - 1].Kind == TokenKind.Assign || tokens[at - 1].IsWord("is")) && tokens[at - 2].Kind == TokenKind.Word && tokens[at - 2].Text is "n" or "N")
        {
            return true;
        }

        if (at >= 2 && tokens[at - 1].IsOperator("(") && tokens[at - 2].IsWord("f"))
        {
            return true;
        }

        // "returns the sum of all numbers from 0 to n": where a range starts, not a value.
        if (at >= 1 && tokens[at - 1].IsWord("from") && at + 1 < to && tokens[at + 1].IsWord("to"))
        {
            return true;
        }

        return at + 1 < to && tokens[at + 1].Kind == TokenKind.Word
            && tokens[at + 1].Text.ToLowerInvariant() is "times" or "iterations" or "iteration" or "loops" or "steps" or "variables" or "values" or "numbers" or "terms" or "elements";
    }

    // The expression shown before the value: "0 + (-18)" in "..., which is 0 + (-18) = -18".
    private static string? WorkBefore(LineContext line, int from, int at)
    {
        var tokens = line.Tokens;
        if (at < 1 || tokens[at - 1].Kind != TokenKind.Assign)
        {
            return null;
        }

        var start = at - 1;
        while (start > from && tokens[start - 1].Kind is TokenKind.Number or TokenKind.Operator or TokenKind.Comma or TokenKind.Name
            || (start > from && tokens[start - 1].IsWord("sum")))
        {
            start--;
        }

        return TokenText.Slice(line.Text, tokens, start, at - 1);
    }
}
