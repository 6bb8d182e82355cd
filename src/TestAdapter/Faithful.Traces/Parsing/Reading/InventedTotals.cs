namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Finds running totals the reply invents: a "sum" or "total" line that adds up more values than the answer has
/// variables, every one of them a value the reply already gave ("Sum = 1 + 3 = 4" after each iteration of a one-variable
/// loop, "Total sum = 0 + 1 + 2 = 3" over the values one variable took). The program has no such statement, so the line
/// is an execution of an invented step (an extra), not an answer. A sum of the reply's own values with at most one
/// operand per answer variable stays an answer (a stale or misread operand there is the answer's own error).
/// An answer that says it adds up the values one variable took ("returns the sum of the `n_0` values, which is
/// `1 + 2 + 3 = 6`") invents the total whether or not the reply gave those values: the total is an extra step, and an
/// answer said as the function's output stays the reply's answer as well; so does one that returns a call listing at
/// least two numbers per answer variable ("returns `sum([-1, 0, 1, 2, 4, 6]) = 13`" for two variables).
/// </summary>
internal static class InventedTotals
{
    /// <summary>The name an invented total is claimed under: not a program variable, so the aligner counts it as an extra.</summary>
    public const string Name = "sum";

    /// <param name="lines">The reply's lines: a total may add up results the reply worked out without naming them.</param>
    public static void Apply(List<ReadEvent> events, ReaderKnowledge knowledge, string[] lines)
    {
        if (!(knowledge.AnswerIsSum || knowledge.AnswerVariable is not null) || IsProgramName(knowledge, Name))
        {
            return;
        }

        var answerVariables = knowledge.AnswerIsSum ? knowledge.AnswerVariableCount : 1;
        if (answerVariables < 1)
        {
            return;
        }

        AddTotalsOfValues(events, answerVariables, knowledge);
        AddPerIterationTotals(events, lines);
        if (!events.Exists(e => Candidate(e, answerVariables) is not null))
        {
            return;
        }

        // One pass in reply order: the values given so far (declared, claimed, answered, earlier totals) decide each total.
        var seen = GivenValues(knowledge);
        Dictionary<long, int>? unnamed = null;
        for (var k = 0; k < events.Count; k++)
        {
            var e = events[k];
            if (Candidate(e, answerVariables) is { } operands
                && operands.TrueForAll(o => seen.Contains(o) || (unnamed ??= UnnamedResults(lines)).TryGetValue(o, out var line) && line < e.Line))
            {
                var total = e.Answer!.Value!.Value;
                events[k] = ReadEvent.ForClaim(e.Line, new LineClaim(Name, null, total, e.Answer.Work), e.Answer.Text);
                AddValue(seen, total);
                continue;
            }

            if (e.Kind == ReadEventKind.Claim && e.Claim.Value is { } claimed)
            {
                AddValue(seen, claimed);
            }
            else if (e.Kind == ReadEventKind.Answer && e.Answer?.Value is { } answered)
            {
                AddValue(seen, answered);
            }
        }
    }

    // "adding up the values of n_0: 1 + 2 + 3 = 6": an answer whose words add up values (plural) of one variable at
    // most, and whose work adds more operands than the answer has variables. "sums up the values of n_0, n_1 and n_2, which
    // returns -1+2+(-2)+1" names the answer's variables: a garbled answer, not a total of one variable's values. A weak
    // answer becomes the invented step; a strong one keeps its place as an answer, with the step claimed just before it.
    private static void AddTotalsOfValues(List<ReadEvent> events, int answerVariables, ReaderKnowledge knowledge)
    {
        for (var k = 0; k < events.Count; k++)
        {
            var e = events[k];
            if (e.Kind != ReadEventKind.Answer || e.Answer is not { Value: { } total, Text: { } text })
            {
                continue;
            }

            // "sum([-1, 0, 1, 2, 4, 6]) = 13" for two variables: the list holds at least two values per variable of the
            // answer, the values they took (one more than the variables is a garbled list of end values), said as the
            // function's output (a bare "sum([...]) = 8" may be an example's).
            var listed = ListedValues(text);
            var work = e.Answer.Work;
            var listsTakenValues = listed is { } values && values >= 2 * answerVariables && !e.Weak;
            // (The cheap tests first: this runs for every answer with work.)
            var saysValues = work is not null && SaysValues(text);
            var addsOneVariablesValues = work is not null && (saysValues || answerVariables == 1)
                && AdditiveOperands(work) is { Count: >= 2 } operands
                && operands.Count > answerVariables && !NamesSeveralVariables(text, knowledge)
                && (saysValues || (operands.Count >= 3 && TakenByOneVariable(events, k, operands)));
            if (!listsTakenValues && !addsOneVariablesValues && !AddsGroupOfTakenValues(text, events, k))
            {
                continue;
            }

            work ??= text;
            var claim = ReadEvent.ForClaim(e.Line, new LineClaim(Name, null, total, work), text);
            if (e.Weak)
            {
                events[k] = claim;
            }
            else
            {
                events.Insert(k, claim);
                k++;
            }
        }
    }

    // "The sum of n_0 and n_1 at each iteration is:" over "1. First iteration: 1 + (-1) = 0", "2. Second iteration: 0 +
    // (-2) = -2", ... (llama2-70b/complexity-cot/326, holdout; /62, holdout72): the return sum evaluated inside every
    // iteration, which the program does not do. Each worked line of the block under such a heading is an invented total
    // (an extra step, by the readers' convention on running totals), whatever it adds up.
    private static void AddPerIterationTotals(List<ReadEvent> events, string[] lines)
    {
        for (var n = 0; n < lines.Length; n++)
        {
            if (!HeadsPerIterationSums(lines[n]))
            {
                continue;
            }

            var k = n + 1;
            while (k < lines.Length && string.IsNullOrWhiteSpace(lines[k]))
            {
                k++;
            }

            for (; k < lines.Length && WorkedTotal(lines[k]) is { } total; k++)
            {
                var lineNumber = k + 1;
                var at = events.FindIndex(e => e.Line > lineNumber);
                var claim = ReadEvent.ForClaim(lineNumber, new LineClaim(Name, null, total.Value, total.Work), lines[k].Trim());
                if (at < 0)
                {
                    events.Add(claim);
                }
                else
                {
                    events.Insert(at, claim);
                }
            }

            n = k - 1;
        }
    }

    // "The sum of n_0, n_1, and n_2 at each iteration is:": a heading (ending in ':') that speaks of a sum or total at,
    // after or in each or every iteration.
    private static bool HeadsPerIterationSums(string line)
    {
        var trimmed = line.AsSpan().TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] != ':'
            || !(HasWord(line, "sum") || HasWord(line, "total")))
        {
            return false;
        }

        return line.Contains("each iteration", StringComparison.OrdinalIgnoreCase) || line.Contains("every iteration", StringComparison.OrdinalIgnoreCase);
    }

    // The value and work of a line that adds numbers alone and gives the result ("* 3 + (-1) + (-3) = -1 (at n = 2)",
    // "2. Second iteration: 0 + (-2) = -2"), or null.
    private static (ParsedValue Value, string Work)? WorkedTotal(string line)
    {
        // A bullet ("* 1 + (-1) = 0") is no operator of the sum.
        var opening = line.AsSpan().IndexOfAnyExcept(" \t");
        if (opening >= 0 && opening + 1 < line.Length && line[opening] is '*' or '-' or '\u2022' && line[opening + 1] is ' ' or '\t')
        {
            line = string.Concat(line.AsSpan(0, opening), " ", line.AsSpan(opening + 1));
        }

        // The first '=': a note after the result ("(at n = 2)") names the pass, not another sum.
        var at = line.IndexOf('=');
        if (at < 0 || !WorkedOnNumbers(line, at))
        {
            return null;
        }

        var from = at + 1;
        while (from < line.Length && line[from] == ' ')
        {
            from++;
        }

        if (NumberReader.TryRead(line, from, allowSign: true, out var value) < 0 || value.Int64 is null)
        {
            return null;
        }

        var start = at;
        while (start > 0 && line[start - 1] is (>= '0' and <= '9') or '+' or '-' or '(' or ')' or ' ')
        {
            start--;
        }

        return (value, line[start..at].Trim());
    }

    // "3 + (-2 - 4 - 6) + 1 = -8" (holdout70 gpt35/complexity-cot/612), "-1 + (1 + 2 + ... + 10) = 45" (holdout29
    // jurassic2-ultra/complexity-cot/254): a bracketed group, one term of a longer sum, that adds three or more different
    // values in place of one variable's final adds up the values it took; both replies' readers read an invented total
    // (extra step) and the line still as the answer. The values are ones a variable took in the reply, or a run with one
    // step between them (the loop's own update, "1, 2, 3..." left open). A group that repeats a value ("(1 - 1 + 1)") or
    // stands alone is left to the answer's work.
    private static bool AddsGroupOfTakenValues(string text, List<ReadEvent> events, int answer)
    {
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            var close = text.IndexOf(')', open + 1);
            if (close < 0)
            {
                return false;
            }

            if (SignedTerms(text.AsSpan(open + 1, close - open - 1)) is { Count: >= 3 } terms && IsTermOfLongerSum(text, open, close)
                && AllDifferent(terms) && (IsEvenRun(terms) || TakenByOneVariable(events, answer, terms, atLeast: 3)))
            {
                return true;
            }
        }

        return false;
    }

    // "-2 - 4 - 6" as -2, -4, -6: integers joined by '+' or '-', each term signed by the operator before it; null for
    // anything else (a name, a product, a nested bracket).
    private static List<long>? SignedTerms(ReadOnlySpan<char> group)
    {
        List<long>? terms = null;
        var negative = false;
        var expectTerm = true;
        var i = 0;
        while (i < group.Length)
        {
            var c = group[i];
            if (c == ' ')
            {
                i++;
            }
            else if (expectTerm && c is '-' or '+')
            {
                negative ^= c == '-';
                i++;
            }
            else if (expectTerm && c is >= '0' and <= '9')
            {
                var start = i;
                while (i < group.Length && group[i] is >= '0' and <= '9')
                {
                    i++;
                }

                if (i - start > 18 || (i < group.Length && group[i] is '.' or ','))
                {
                    return null;
                }

                var magnitude = long.Parse(group[start..i], System.Globalization.CultureInfo.InvariantCulture);
                (terms ??= []).Add(negative ? -magnitude : magnitude);
                (negative, expectTerm) = (false, false);
            }
            else if (!expectTerm && c is '-' or '+')
            {
                (negative, expectTerm) = (c == '-', true);
                i++;
            }
            else
            {
                return null;
            }
        }

        return expectTerm ? null : terms;
    }

    // Whether the bracket at [open, close] is added to or subtracted from another term: '+' or '-' right outside it.
    private static bool IsTermOfLongerSum(string text, int open, int close)
    {
        var before = open - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        var after = close + 1;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return (before >= 0 && text[before] is '+' or '-') || (after < text.Length && text[after] is '+' or '-');
    }

    private static bool AllDifferent(List<long> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            for (var j = i + 1; j < terms.Count; j++)
            {
                if (terms[i] == terms[j])
                {
                    return false;
                }
            }
        }

        return true;
    }

    // 1, 2, 3, ... or -2, -4, -6: one step between every pair of neighbours.
    private static bool IsEvenRun(List<long> terms)
    {
        var step = terms[1] - terms[0];
        for (var i = 2; i < terms.Count; i++)
        {
            if (terms[i] - terms[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    // A loop recast as a sequence whose terms are worked out as bare arithmetic ("2*3=6", then "2*4=8", ...) and then
    // added up (llama2-70b/complexity-cot/568, holdout2, and two more readings of the same reply): results of arithmetic
    // on numbers alone, which name no variable, are values the reply gave as well, so a sum of them is a total of a
    // rewritten computation. Each result with the first (1-based) line that works it out.
    private static Dictionary<long, int> UnnamedResults(string[] lines)
    {
        var results = new Dictionary<long, int>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            for (var at = line.IndexOf('='); at >= 0; at = line.IndexOf('=', at + 1))
            {
                if ((at > 0 && line[at - 1] is '=' or '!' or '<' or '>') || (at + 1 < line.Length && line[at + 1] == '='))
                {
                    continue;
                }

                var from = at + 1;
                while (from < line.Length && line[from] == ' ')
                {
                    from++;
                }

                if (WorkedOnNumbers(line, at) && NumberReader.TryRead(line, from, allowSign: true, out var value) > from && value.Int64 is { } result)
                {
                    results.TryAdd(result, n + 1);
                }
            }
        }

        return results;
    }

    // Whether the text before '=' at `at` is arithmetic on numbers alone ("2*3", "6 + 8 + 10", "(-1) * 2"): digits joined
    // by at least one operator, not part of a name ("n_0 + 2" ends in a name's digit).
    private static bool WorkedOnNumbers(string line, int at)
    {
        var end = at;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && line[start - 1] is (>= '0' and <= '9') or '+' or '-' or '*' or '/' or '(' or ')' or ' ' or '\u00d7')
        {
            start--;
        }

        while (start < end && line[start] == ' ')
        {
            start++;
        }

        if (start == end || line[start] is not ((>= '0' and <= '9') or '(' or '-') || (start > 0 && TokenText.IsWordChar(line[start - 1])))
        {
            return false;
        }

        // An operator joins two operands: a minus right after a number or ')' subtracts, any other is a sign.
        var operators = 0;
        var digits = 0;
        var afterOperand = false;
        for (var i = start; i < end; i++)
        {
            var c = line[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
                afterOperand = true;
            }
            else if (c == ')')
            {
                afterOperand = true;
            }
            else if (c is '+' or '*' or '/' or '\u00d7' || (c == '-' && afterOperand))
            {
                operators++;
                afterOperand = false;
            }
            else if (c != ' ')
            {
                afterOperand = false;
            }
        }

        return digits > 0 && operators > 0;
    }

    // "returns the sum of `n_0`, which is -6 + -4 + -2 = 2" after n_0 went -2, -4, -6 (llama2-70b/complexity-cot/277 and
    // /284, holdout): no "values" in the sentence, but the answer has one variable and its work adds three or more different
    // values the reply gave that variable before it, so it adds up what the variable took. Two are read as the answer's own
    // slip ("1 + (-1)" for a list holding -1, jurassic2-ultra/complexity-cot/236), and a sum over several variables as a
    // garbled sum of end values (gpt35/complexity-cot/578): both stay the answer's errors.
    private static bool TakenByOneVariable(List<ReadEvent> events, int answer, List<long> operands) =>
        AllDifferent(operands) && TakenByOneVariable(events, answer, operands, operands.Count);

    // Whether one variable was given, in executions before event `answer`, at least `atLeast` of the operands.
    private static bool TakenByOneVariable(List<ReadEvent> events, int answer, List<long> operands, int atLeast)
    {
        // Each variable that took one of the operands is asked for the rest.
        for (var k = 0; k < answer; k++)
        {
            if (events[k] is { Kind: ReadEventKind.Claim, Claim: { Name: { } name, Value.Int64: { } value, Kind: ReadingKind.Execution } }
                && name != Name && operands.Contains(value) && operands.Count(operand => Took(events, answer, name, operand)) >= atLeast)
            {
                return true;
            }
        }

        return false;
    }

    // Whether the reply gave `variable` the value `operand` in an execution before event `before`.
    private static bool Took(List<ReadEvent> events, int before, string variable, long operand)
    {
        for (var k = 0; k < before; k++)
        {
            if (events[k] is { Kind: ReadEventKind.Claim, Claim: { Name: { } name, Value.Int64: { } value, Kind: ReadingKind.Execution } }
                && name == variable && value == operand)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesSeveralVariables(string text, ReaderKnowledge knowledge)
    {
        string? named = null;
        foreach (var variable in knowledge.StepVariables)
        {
            // A declaration's entry is empty (it writes no variable the steps count).
            if (variable.Length == 0 || variable == named || !HasWord(text, variable))
            {
                continue;
            }

            if (named is not null)
            {
                return true;
            }

            named = variable;
        }

        return false;
    }

    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !TokenText.IsWordChar(text[at - 1])) && (end == text.Length || !TokenText.IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    // "values" as a word: the sentence speaks of several values of what it adds up.
    private static bool SaysValues(string text) => HasWord(text, "values");

    // The operands of a weak "sum"/"result" answer that adds more values than the answer has variables, or null.
    private static List<long>? Candidate(ReadEvent e, int answerVariables)
    {
        if (e.Kind != ReadEventKind.Answer || !e.Weak || e.Answer is not { Value: not null, Work: { } work })
        {
            return null;
        }

        var operands = AdditiveOperands(work);
        return operands is { Count: >= 2 } && operands.Count > answerVariables && !SumsAShorterList(e.Answer.Text, answerVariables) ? operands : null;
    }

    // How many numbers the list of a call "f([a, b, c])" holds, or null when the text has no such list or one that holds
    // anything but numbers (the code's "sum([n_0, n_1])").
    private static int? ListedValues(string text)
    {
        var open = text.IndexOf("([", StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (close < 0)
        {
            return null;
        }

        var entries = 0;
        foreach (var entry in text.AsSpan(open + 2, close - open - 2).ToString().Split(','))
        {
            var trimmed = entry.Trim();
            if (trimmed.Length == 0 || NumberReader.TryRead(trimmed, 0, allowSign: true, out _) != trimmed.Length)
            {
                return null;
            }

            entries++;
        }

        return entries;
    }

    // "sum([-1]) gives 1 + (-1) = 0": the line shows the list of values it adds up, with no more entries than the answer
    // has variables, so the extra operands are the answer's own error, not a total of other values. The code's list of
    // names ("sum([n_0]) is 1+0+(-1)") says nothing of how many values are added.
    private static bool SumsAShorterList(string text, int answerVariables) => ListedValues(text) is { } entries && entries <= answerVariables;

    private static void AddValue(HashSet<long> seen, ParsedValue value)
    {
        if (value.Int64 is { } whole)
        {
            seen.Add(whole);
        }
    }

    private static bool IsProgramName(ReaderKnowledge knowledge, string name) =>
        knowledge.IsGiven(name) || knowledge.IsStepVariable(name);

    private static HashSet<long> GivenValues(ReaderKnowledge knowledge)
    {
        var values = new HashSet<long>();
        foreach (var value in knowledge.Given.Values)
        {
            if (value is { Int64: { } known })
            {
                values.Add(known);
            }
        }

        return values;
    }

    // "0 + 1 + 2", "4 + 5", "-2 + (-3)": integer operands joined by '+' only (a difference, a product or a name is not a
    // total of values); null for anything else.
    internal static List<long>? AdditiveOperands(string work)
    {
        var operands = new List<long>();
        var i = 0;
        var expectOperand = true;
        while (i < work.Length)
        {
            var c = work[i];
            if (c == ' ')
            {
                i++;
                continue;
            }

            if (expectOperand)
            {
                var parenthesized = c == '(';
                var start = parenthesized ? i + 1 : i;
                var end = NumberReader.TryRead(work, start, allowSign: true, out var value);
                if (end < 0 || value.Int64 is not { } number)
                {
                    return null;
                }

                if (parenthesized)
                {
                    if (end >= work.Length || work[end] != ')')
                    {
                        return null;
                    }

                    end++;
                }

                operands.Add(number);
                i = end;
                expectOperand = false;
                continue;
            }

            if (c == '+')
            {
                expectOperand = true;
                i++;
                continue;
            }

            return null;
        }

        return expectOperand ? null : operands;
    }
}
