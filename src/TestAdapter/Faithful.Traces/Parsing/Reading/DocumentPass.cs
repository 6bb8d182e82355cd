using System.Buffers;
using System.Runtime.InteropServices;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Reads the line readings as a whole, in order: fits list numbers to steps, splits attempts (restart phrases, a step
/// claimed again with a new value, a second pass from the initial values), and decides what snapshots and readouts
/// do from the values the reply holds at that point. A snapshot entry or readout that repeats a held value observes;
/// one that shows a value no other line gave executes (a per-iteration state list; a readout becomes a loop shortcut);
/// one that differs from a value the reply just computed contradicts it. With no answer at all, a closing readout of
/// the answer's variable answers.
/// </summary>
internal sealed class DocumentPass
{
    private readonly ReaderKnowledge _knowledge;
    private readonly HashSet<string> _singleWrite;

    private readonly List<ParsedClaim> _claims = [];
    private readonly List<ParsedAnswer> _answers = [];
    private readonly List<ParsedReading> _readings = [];
    private readonly Tables _tables;
    private readonly Dictionary<string, NameState> _states;
    private readonly List<NameState> _snapshotted = [];

    // Stamps the per-attempt facts of NameState: starting an attempt moves it on, which forgets them all at once.
    private int _generation = 1;
    private int _snapshotLine = -1;
    private int? _possibleRestart;
    private int? _tentativeRestart;
    private int _attempt;
    private int _claimsThisAttempt;
    private int _answersThisAttempt;

    private readonly bool _readoutAnswers;

    private Dictionary<(string Outer, string Inner), bool>? _encloses;

    public DocumentPass(ReaderKnowledge knowledge, HashSet<string> singleWrite, bool readoutAnswers = true)
    {
        _readoutAnswers = readoutAnswers;
        _knowledge = knowledge;

        // Sized for the program's variables up front, so that no table grows (and copies itself) while a reply is read.
        var names = knowledge.DistinctVariables + knowledge.Given.Count;
        _tables = Tables.Rent(names);
        _states = _tables.States;
        _singleWrite = singleWrite;
        foreach (var (name, value) in knowledge.Given)
        {
            var state = State(name);
            state.IsGiven = true;
            state.Given = value;
            if (value is { } known)
            {
                state.Hold(known);
            }
        }
    }

    public List<ParsedClaim> Claims => _claims;

    public List<ParsedAnswer> Answers => _answers;

    public List<ParsedReading> Readings => _readings;

    public int Attempts => _attempt + 1;

    /// <summary>Reads <paramref name="events"/>; call once: the pass gives its working tables back to the thread when done.</summary>
    public void Run(List<ReadEvent> events)
    {
        try
        {
            RunEvents(events);
        }
        finally
        {
            Tables.Return(_tables);
        }
    }

    private void RunEvents(List<ReadEvent> events)
    {
        ListNumberFit.Apply(events, _knowledge);
        ParsedClaim? lastReadout = null;
        for (var k = 0; k < events.Count; k++)
        {
            var e = events[k];
            switch (e.Kind)
            {
                case ReadEventKind.Restart:
                    Restart(e);
                    break;
                case ReadEventKind.Answer:
                    _answers.Add(e.Answer!);
                    _answersThisAttempt++;
                    _readings.Add(new ParsedReading(e.Line, ReadingKind.Answer));
                    break;
                case ReadEventKind.Claim:
                    var claim = Claim(e, IsBeforeValue(events, k), InReadoutList(events, k));
                    if (e.Reading == ReadingKind.Readout && claim.Name == _knowledge.AnswerVariable && claim.Value is not null)
                    {
                        lastReadout = claim;
                    }

                    break;
                default:
                    _readings.Add(new ParsedReading(e.Line, e.Reading));
                    break;
            }
        }

        // "a4 has the value -8 once the code has run": with no answer given, a closing readout of the answer's variable answers.
        if (_readoutAnswers && _answers.Count == 0 && lastReadout is not null && !_claims.Exists(c => c.Executes && c.Line > lastReadout.Line))
        {
            _answers.Add(new ParsedAnswer(lastReadout.Line, lastReadout.Value, AnswerStyle.Prose, lastReadout.Text));
        }
    }

    private void Restart(ReadEvent e)
    {
        _readings.Add(new ParsedReading(e.Line, ReadingKind.Restart));
        if (_claimsThisAttempt == 0 && _answersThisAttempt == 0)
        {
            return;
        }

        if (e.Restart == RestartKind.Definite)
        {
            StartAttempt();
        }
        else if (e.Restart == RestartKind.Tentative)
        {
            _tentativeRestart = _claims.Count;
        }
    }

    // "n_1 = -1 -> n_1 = 5": a bare value of a name that the same line then gives again after an arrow is the value
    // the variable held before the step, not a step of its own.
    private static bool IsBeforeValue(List<ReadEvent> events, int k)
    {
        var claim = events[k].Claim;
        if (claim.Kind != ReadingKind.Execution || claim.Work is not null || claim.Name is not { } name || k + 1 >= events.Count)
        {
            return false;
        }

        var next = events[k + 1];
        if (next.Kind != ReadEventKind.Claim || next.Line != events[k].Line || next.Claim.Name != name)
        {
            return false;
        }

        var text = events[k].Text;
        var first = text.IndexOf(name, StringComparison.Ordinal);
        if (first < 0)
        {
            return false;
        }

        // "long n_0 = 1 -> n_0 = 3" re-prints the declaration as the statement it executes.
        var before = text[..first];
        if (before.Contains("long ", StringComparison.Ordinal) || before.Contains("var ", StringComparison.Ordinal) || before.Contains("int ", StringComparison.Ordinal))
        {
            return false;
        }

        // The name before the arrow must be given a value there: in "n_1 += -1 => n_1 = -1, -2, -3" it is the statement,
        // and every value is after the arrow.
        var arrow = IndexOfArrow(text, first + name.Length);
        return arrow >= 0 && GivesValue(text.AsSpan(first + name.Length, arrow - first - name.Length)) && text.IndexOf(name, arrow, StringComparison.Ordinal) >= 0;
    }

    // " = -1 " in "n_1 = -1 -> ...": a plain link (not a compound operator) right after the name.
    private static bool GivesValue(ReadOnlySpan<char> between)
    {
        var rest = between.TrimStart();
        return rest.Length > 1 && ((rest[0] == '=' && rest[1] != '=') || rest[0] == ':' || rest.StartsWith("is ", StringComparison.Ordinal));
    }

    private static int IndexOfArrow(string text, int from)
    {
        foreach (var arrow in (string[])["->", "=>", "\u2192"])
        {
            var at = text.IndexOf(arrow, from, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    // "At the end the values are: a = 6, b = -2, c = 8": a readout with another readout beside it on its line.
    private static bool InReadoutList(List<ReadEvent> events, int k)
    {
        bool Beside(int j) => j >= 0 && j < events.Count && events[j].Kind == ReadEventKind.Claim && events[j].Line == events[k].Line
            && events[j].Reading == ReadingKind.Readout;

        return events[k].Reading == ReadingKind.Readout && (Beside(k - 1) || Beside(k + 1));
    }

    private ParsedClaim Claim(ReadEvent e, bool beforeValue = false, bool inReadoutList = false)
    {
        if (e.Line != _snapshotLine)
        {
            // A snapshot line restates what was executed before it; later lines start afresh.
            foreach (var snapshotted in _snapshotted)
            {
                snapshotted.ExecutedSinceSnapshotIn = 0;
            }

            _snapshotted.Clear();
        }

        var claim = e.Claim;
        if (claim.Name is { } written && RetypedGiven(written, claim.Value) is { } variable)
        {
            // "n0 = 1" in a re-typed declaration of "long n_0 = 1": the program's variable without its underscore,
            // restating its given value before it is ever written (llamacodeinstruct/complexity-cot/923, holdout43): an
            // echo, not a step the program does not have.
            claim = claim with { Name = variable, Kind = ReadingKind.InputEcho };
        }

        var kind = claim.Kind;
        var contradicts = false;
        var shortcut = claim.Shortcut;
        var value = claim.Value;
        var state = claim.Name is { } claimed ? State(claimed) : null;
        if (claim.StartsSummary && state is { IsGiven: true, Given: not null } && !Executed(state) && SameValue(state.Given, value))
        {
            // "n_0 = 1; the loop runs three times, ..., so n_0 goes 1, 0, -1": the given start the summary sets out from.
            shortcut = false;
        }

        // "n_2 is decremented by 2 in each pass of its loop, ..." with no value, then later "n_2 = -2*3^3 - 1 = -55": the
        // value completes the summary, the loop's end (gpt4/complexity-cot/771, holdout47).
        if (kind == ReadingKind.Execution && !shortcut && value is not null && state is not null && state.SummarizedIn == _generation
            && state.ClaimedIn == _generation && state.Claimed is null)
        {
            shortcut = true;
        }

        if (beforeValue && state is not null)
        {
            // The held value restated (or a given one echoed) observes; another value contradicts what the reply held.
            var echoesGiven = state.IsGiven && !Executed(state) && (state.Given is null || SameValue(state.Given, value));
            kind = echoesGiven ? ReadingKind.InputEcho : ReadingKind.StateSnapshot;
            contradicts = !echoesGiven && !state.Holds(value);
            shortcut = false;
        }
        else if (state is not null)
        {
            switch (kind)
            {
                case ReadingKind.NoChangeExecution:
                    value ??= state.HasHeld ? state.Held : null;
                    break;
                case ReadingKind.InputEcho:
                    if (Executed(state))
                    {
                        // A second pass from the initial values starts a new attempt.
                        StartAttempt();
                    }

                    break;
                case ReadingKind.StateSnapshot:
                    _snapshotLine = e.Line;
                    _snapshotted.Add(state);
                    (kind, contradicts) = Snapshot(state, value);
                    break;
                case ReadingKind.Readout:
                    // A new value sums up a loop (a shortcut); a single-assignment step already computed is only read out,
                    // rightly or not. So does the value a loop never yet run starts from: "n_2 starts at -1 and is multiplied
                    // by -1 27 times, so it ends up being -1" states the loop's end, which may differ from its start (unless
                    // the attempt already walked the loop in lines that repeat the start).
                    // (A single re-print of the declarations, "Step 1: Initialize ... n_1 = 0", is not such a walk.)
                    // "n_1 gets multiplied by -1 three times again, so n_1 finishes at -1" runs the loop again, even to the
                    // value held (a wrong one, for an odd count of flips: gpt4/complexity-cot/579, holdout25).
                    (kind, contradicts) = state.Holds(value) && (Executed(state) || state.SingleWrite || !state.IsGiven || (state.RestatedGivenIn == _generation && state.RestatedGivenTimes > 1))
                        && !(Executed(state) && !state.SingleWrite && RunsAgain(ClauseOf(e.Text, claim.Name!)))
                        ? (ReadingKind.Readout, false)
                        : state.SingleWrite && Executed(state) ? (ReadingKind.Readout, value is not null)
                        // A closing list of final values the trace never computed executes nothing (the readers' convention),
                        // unless the reply said just before that the walk repeats: then the list gives where the repeats end.
                        : inReadoutList && claim.Work is null && !claim.AfterRepeat && !claim.LoopDescribed ? (ReadingKind.StateSnapshot, value is not null)
                        : (ReadingKind.Execution, false);
                    shortcut = kind == ReadingKind.Execution;
                    break;
            }
        }

        // "n_0 = 0" repeated before n_0 ever changes restates its given value (a re-print of the declarations), unless
        // the step leaves it so: the aligner decides (a repeat is an optional claim).
        // "n_2 is not changed in this iteration" before n_2 ever changes says no value: it restates the given one too.
        // "n_1 = 1 (n_1 -= 2)" shows the statement it runs: a write that keeps a wrong value, not a restatement
        // (jurassic2-ultra/complexity-cot/50, holdout).
        var restatesGiven = (kind == ReadingKind.Execution && claim.Work is null && !shortcut && !NumbersAWrite(claim)
                || (kind == ReadingKind.NoChangeExecution && claim.Value is null && claim.Work is null && !shortcut))
            && state is not null && state.IsGiven && state.Given is not null && !Executed(state) && SameValue(state.Given, value)
            && !NamesItsUpdateInParentheses(e.Text, claim.Name!);

        // "n_0 = 1" right after "n_0 becomes -1 + 2 = 1": a bare entry that only repeats the value the reply holds for a
        // variable written many times executes nothing (step-numbered lines and single-assignment names keep their role).
        // "After the loops, n_0 will be -4 and n_1 will be 1": a summary that repeats values already summed up restates them.
        // "(Fourth loop iterates 3 times, so n_3 becomes -13)" under the line that computed -13: a bare summary of the value
        // the walk just reached restates it too ("n_1 remains 1 after the inner loop" still claims the loop ran, unless the
        // walk that reached 1 is on its line: "n_1 becomes -1, then 1. So, n_1 remains 1 after the inner loop").
        if (kind is ReadingKind.Execution or ReadingKind.NoChangeExecution && shortcut && state is not null && state.Holds(value)
            && (state.SummarizedIn == _generation || (kind == ReadingKind.Execution && claim.Work is null && Executed(state))
                || (kind == ReadingKind.NoChangeExecution && LastExecution() is { } walked && walked.Line == e.Line && walked.Name == claim.Name && SameValue(walked.Value, value)))
            && !RunsAgain(ClauseOf(e.Text, claim.Name!)) && !(kind == ReadingKind.NoChangeExecution && EnclosingLoopRanSince(state, claim.Name!)))
        {
            kind = ReadingKind.Readout;
            shortcut = false;
        }

        // "After updating n_1, its value remains 0." right under the walk's last "n_1 = 0 * -2 = 0" restates it as well.
        var repeats = (kind == ReadingKind.Execution
                || (kind == ReadingKind.NoChangeExecution && ((LastExecution() is { } last && last.Name == claim.Name && SameValue(last.Value, value)) || ExitsLoop(e.Text))))
            && claim.StepNumber is null && !shortcut && state is not null
            && !state.SingleWrite && Executed(state) && state.Holds(value) && (claim.Work is null || BoundsARange(claim.Work))
            && !ShowsStatement(ClauseOf(e.Text, claim.Name!)) && !OperatedOn(e.Text, claim.Name!) && !LabelsOneIteration(e.Text);

        // "After 3 iterations, n_0 will be 2. ... the final value of n_0, which is 2": a bare repeat of the value a shortcut
        // summed up restates the summary; it is no write of its own, which would push the shortcut off the loop's end.
        if (repeats && kind == ReadingKind.Execution && state!.SummarizedIn == _generation)
        {
            kind = ReadingKind.Readout;
            repeats = false;
        }

        var parsed = new ParsedClaim(e.Line, _attempt, claim.Name, claim.StepNumber, value, claim.Work, e.Text)
        {
            Kind = kind,
            Shortcut = shortcut,
            Contradicts = contradicts,
            Repeats = repeats || restatesGiven,
        };

        if (parsed.Executes && !restatesGiven)
        {
            AddExecution(parsed, state);
        }
        else if (restatesGiven)
        {
            state!.RestatedGivenTimes = state.RestatedGivenIn == _generation ? state.RestatedGivenTimes + 1 : 1;
            state.RestatedGivenIn = _generation;
            _claims.Add(parsed);
            _claimsThisAttempt++;
        }
        else
        {
            if (kind == ReadingKind.InputEcho && state is not null && value is { } echoedValue)
            {
                state.Hold(echoedValue);
            }

            _claims.Add(parsed);
            _claimsThisAttempt++;
        }

        _readings.Add(new ParsedReading(e.Line, kind));
        return parsed;
    }

    // A snapshot entry: an echo of an input not yet written, an observation of a held value, a contradiction of a value
    // just computed, or (in a per-iteration state list) the first showing of a new value.
    private (ReadingKind Kind, bool Contradicts) Snapshot(NameState state, ParsedValue? value)
    {
        if (state.IsGiven && !Executed(state) && (state.Given is null || SameValue(state.Given, value)))
        {
            return (ReadingKind.InputEcho, false);
        }

        if (state.Holds(value))
        {
            return (ReadingKind.StateSnapshot, false);
        }

        if (state.ExecutedSinceSnapshotIn == _generation || value is null)
        {
            return (ReadingKind.StateSnapshot, value is not null);
        }

        return (ReadingKind.Execution, false);
    }

    // The part of a line that belongs to a name's clause: from the name to the next clause that assigns another name
    // (", n_1 = "). "n_0 = 3, n_1 = 0 - 1 = -1" restates n_0 and computes n_1, and the second clause's signs say nothing
    // of the first; "n_1 = -1, then -1, then -1 (3 times) = -1" is one clause. The whole line when the name is not found.
    private static ReadOnlySpan<char> ClauseOf(string text, string name)
    {
        var from = 0;
        while ((from = text.IndexOf(name, from, StringComparison.Ordinal)) >= 0)
        {
            var end = from + name.Length;
            if ((from == 0 || !TokenText.IsWordChar(text[from - 1])) && (end == text.Length || !TokenText.IsWordChar(text[end])))
            {
                for (var i = end; i < text.Length; i++)
                {
                    if (text[i] is ',' or ';' && AssignsAName(text, i + 1))
                    {
                        return text.AsSpan(from, i - from);
                    }
                }

                return text.AsSpan(from);
            }

            from = end;
        }

        return text;
    }

    // Whether a claim's "work" is words that bound a range the loop moves in, with no operator between two operands:
    // "(n_1 alternates between -1 and 1, but ends up as 1)" (llama3-70b/complexity-code/48, holdout) computes nothing,
    // so the claim is as bare as "n_1 = 1" and may only repeat the value the walk reached. Other words before a value
    // ("n_0 is incremented by 2, giving 5") tell the step, and keep it a write.
    private static bool BoundsARange(string work)
    {
        if (!work.Contains("between", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var afterOperand = false;
        foreach (var c in work)
        {
            if (c is (>= '0' and <= '9') or ')')
            {
                afterOperand = true;
            }
            else if (c is '+' or '*' or '/' or '%' or '\u00d7' || (c == '-' && afterOperand))
            {
                return false;
            }
            else if (c != ' ')
            {
                afterOperand = false;
            }
        }

        return true;
    }

    // "n_1 = 1 (n_1 -= 2)": the variable's own compound update in a parenthesis on its line.
    private static bool NamesItsUpdateInParentheses(string text, string name)
    {
        for (var at = text.IndexOf('('); at >= 0; at = text.IndexOf('(', at + 1))
        {
            if (!text.AsSpan(at + 1).StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var i = at + 1 + name.Length;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] is '+' or '-' or '*' or '/' or '%' && text[i + 1] == '=')
            {
                return true;
            }
        }

        return false;
    }

    // "5. Multiply `n_1` by -1. `n_1` is now -1.": a line that opens by telling an operation on the name gives that
    // operation's result, even one equal to the value held (a wrong flip here: gpt35/complexity-cot/306, holdout33);
    // "After updating n_1, its value remains 0" under the walk still restates.
    private static bool OperatedOn(string text, string name)
    {
        var at = text.IndexOf(name, StringComparison.Ordinal);
        if (at <= 0 || (at + name.Length < text.Length && TokenText.IsWordChar(text[at + name.Length])))
        {
            return false;
        }

        var end = at;
        while (end > 0 && text[end - 1] is ' ' or '`' or '\'' or '"')
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        return end > start && text.AsSpan(0, start).TrimStart(ListMarker).IsEmpty
            && ImperativeOperations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, end - start));
    }

    // What may open a walk's line before its words: spaces, a bullet, an item number ("5.", "5)").
    private const string ListMarker = " \t-*0123456789.)";

    private static readonly HashSet<string> ImperativeOperations = new(StringComparer.OrdinalIgnoreCase)
    {
        "multiply", "add", "subtract", "increment", "decrement", "negate", "double", "flip", "divide", "increase", "decrease",
    };

    // Whether a name and a single '=' follow at i, past spaces ("n_1 = ").
    private static bool AssignsAName(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || !(char.IsLetter(text[i]) || text[i] == '_'))
        {
            return false;
        }

        while (i < text.Length && TokenText.IsWordChar(text[i]))
        {
            i++;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length && text[i] == '=' && (i + 1 == text.Length || text[i + 1] != '=');
    }

    // "- Iteration 1: n_1 becomes -1." under "Iteration 3: n_1 becomes -1": a line labelled with its iteration is that
    // iteration's step (ruling 2), even when it leaves the value the reply held (gpt35/complexity-cot/53, holdout23).
    private static bool LabelsOneIteration(ReadOnlySpan<char> text)
    {
        var rest = text.TrimStart(" -*\u2022\t");
        const string Label = "iteration ";
        if (!rest.StartsWith(Label, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = 0;
        rest = rest[Label.Length..];
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < rest.Length && rest[digits] == ':';
    }

    // "Exit the inner loop; n_1 stays at -2" on a walk that showed the loop's writes: leaving a loop says what the variable
    // holds, not that another write left it there (gpt35/complexity-cot/691, holdout32).
    private static bool ExitsLoop(ReadOnlySpan<char> text) =>
        text.TrimStart(ListMarker).StartsWith("exit", StringComparison.OrdinalIgnoreCase) && text.Contains("loop", StringComparison.OrdinalIgnoreCase);

    // "n_1 gets multiplied by -1 three times again": an update applied a number of times, again, in the claim's clause.
    private static bool RunsAgain(ReadOnlySpan<char> clause) =>
        clause.Contains(" times again", StringComparison.OrdinalIgnoreCase) && clause.IndexOfAny(RunVerbs) >= 0;

    private static readonly SearchValues<string> RunVerbs = SearchValues.Create(
        ["multiplied", "increased", "decreased", "incremented", "decremented", "added", "subtracted", "flipped", "negated", "doubled"], StringComparison.OrdinalIgnoreCase);

    // "a0 = a1 -> a0 = 2", "n_1 *= -1 (n_1 = 0)": the clause shows the statement it executes.
    private static bool ShowsStatement(ReadOnlySpan<char> text)
    {
        var equals = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && (i == 0 || text[i - 1] is not ('=' or '!' or '<' or '>')))
            {
                equals++;
            }

            if ((c is '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' && i + 1 < text.Length && text[i + 1] == '=') || (c is '-' or '=' && i + 1 < text.Length && text[i + 1] == '>')
                || (c is '+' && i + 1 < text.Length && text[i + 1] == '+') || c == '\u2192')
            {
                return true;
            }
        }

        return equals >= 2;
    }

    // "4. n_0 = 0": an item number that (after fitting) names a step writing the claimed variable.
    private bool NumbersAWrite(LineClaim claim) =>
        claim.StepNumber is { } number && number >= 1 && number <= _knowledge.StepVariables.Length && _knowledge.StepVariables[number - 1] == claim.Name;

    // Whether the name was executed in the current attempt.
    private bool Executed(NameState state) => state.ExecutedIn == _generation;

    // The state of a name, made (empty) the first time the pass meets it: one lookup per claim, however many questions follow.
    private NameState State(string name)
    {
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_states, name, out _);
        return state ??= _tables.NewState(_singleWrite.Contains(name));
    }

    // The given variable whose name, without its underscore, is the written name ("n0" for "n_0"), when the written name is
    // no name of the program and the value is the variable's given one, not yet written. The spellings are gathered once a
    // reply, on the first claim that needs them, and only where a given name has an underscore.
    private string? RetypedGiven(string written, ParsedValue? value)
    {
        if (value is null || written.Contains('_'))
        {
            return null;
        }

        if (!_retypedKnown)
        {
            _retypedKnown = true;
            foreach (var name in _knowledge.Given.Keys)
            {
                if (name.Contains('_'))
                {
                    (_retyped ??= new Dictionary<string, string>(StringComparer.Ordinal))[name.Replace("_", "", StringComparison.Ordinal)] = name;
                }
            }
        }

        return _retyped is not null && _retyped.TryGetValue(written, out var variable) && !_knowledge.Given.ContainsKey(written)
            && SameValue(_knowledge.Given[variable], value) && _states.TryGetValue(variable, out var state) && !Executed(state)
            ? variable
            : null;
    }

    private Dictionary<string, string>? _retyped;
    private bool _retypedKnown;

    /// <summary>Whether two stated values are the same number (same text, same integer, or same real).</summary>
    internal static bool SameValue(ParsedValue? a, ParsedValue? b) => a is { } x && b is { } y && (x.Text == y.Text || (x.Int64 is { } l && l == y.Int64) || x.Real == y.Real);

    private void AddExecution(ParsedClaim claim, NameState? state)
    {
        // A single-assignment step claimed again (not as a repeat of the line just before) means the model went back.
        // With a new value it started over; with the same value it may only be checking, so the restart is decided
        // later: confirmed by a following re-claim with a new value, dropped by a claim of a step not yet claimed.
        var previous = LastExecution();
        var repeatsPrevious = previous is not null && previous.Name == claim.Name && previous.Value?.Text == claim.Value?.Text;
        if (_tentativeRestart is { } hesitatedAt)
        {
            // After "Hmm"/"Wait" the first claim decides. A step claimed again follows the silent-restart rule, from
            // the hesitation on; a variable written several times that is claimed again (not a verbatim repeat) is
            // taken as going back, since within one attempt it would read as its next write.
            _tentativeRestart = null;
            if (state is not null && state.ClaimedIn == _generation && !repeatsPrevious)
            {
                if (state.SingleWrite)
                {
                    _possibleRestart ??= hesitatedAt;
                }
                else
                {
                    StartAttemptAt(hesitatedAt);
                }
            }
        }

        if (state is not null && state.SingleWrite && !repeatsPrevious)
        {
            if (state.ClaimedIn == _generation)
            {
                if (state.Claimed?.Text != claim.Value?.Text)
                {
                    StartAttemptAt(_possibleRestart ?? _claims.Count);
                }
                else
                {
                    _possibleRestart ??= _claims.Count;
                }
            }
            else
            {
                _possibleRestart = null;
            }
        }

        if (state is not null)
        {
            // Read the generation now: a restart above may have moved it on.
            state.ClaimedIn = _generation;
            state.Claimed = claim.Value;
            state.ExecutedSinceSnapshotIn = _generation;
            state.ExecutedIn = _generation;
            state.SummarizedIn = claim.Shortcut ? _generation : 0;
            state.SummaryClaim = _claims.Count;
            if (claim.Value is { } value)
            {
                state.Hold(value);
            }
        }

        _claims.Add(claim.Attempt == _attempt ? claim : claim with { Attempt = _attempt });
        _claimsThisAttempt++;
    }

    // An outer pass per item, each giving n_0's new value and then "n_1 remains 0" for the inner loop: a variable whose
    // writes enclose the summed-up one's loop wrote a new value since the last summary, so the loop ran again and the
    // second "remains" sums up that run (llama3-70b/complexity-cot/581, holdout40), rather than restating the first.
    private bool EnclosingLoopRanSince(NameState state, string name)
    {
        for (var i = state.SummaryClaim + 1; i < _claims.Count; i++)
        {
            if (_claims[i] is { Executes: true, Repeats: false, Name: { } other } && other != name && Encloses(other, name))
            {
                return true;
            }
        }

        return false;
    }

    // Whether outer's statement sits in a loop around inner's: the program writes outer first (its statement comes
    // before inner's loop) and again between two writes of inner (a statement inside inner's loop, written after inner's,
    // comes between them as well, but not first). Declarations are blank in StepVariables.
    private bool Encloses(string outer, string inner)
    {
        // Asked again for each claim since a summary: one scan of a long program's steps per pair.
        _encloses ??= [];
        if (!_encloses.TryGetValue((outer, inner), out var encloses))
        {
            _encloses[(outer, inner)] = encloses = WrittenAround(_knowledge.StepVariables, outer, inner);
        }

        return encloses;
    }

    private static bool WrittenAround(string[] steps, string outer, string inner)
    {
        var (innerFirst, innerLast) = BodyWrites(steps, inner);
        var (outerFirst, _) = BodyWrites(steps, outer);
        if (innerFirst < 0 || outerFirst < 0 || outerFirst > innerFirst)
        {
            return false;
        }

        for (var i = innerFirst + 1; i < innerLast; i++)
        {
            if (steps[i] == outer)
            {
                return true;
            }
        }

        return false;
    }

    private static (int First, int Last) BodyWrites(string[] steps, string name)
    {
        int first = -1, last = -1;
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] == name)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        return (first, last);
    }

    private ParsedClaim? LastExecution()
    {
        for (var i = _claims.Count - 1; i >= 0; i--)
        {
            if (_claims[i].Executes)
            {
                return _claims[i];
            }
        }

        return null;
    }

    /// <summary>Starts a new attempt whose first claim is the one at <paramref name="claimIndex"/> (earlier claims may move into it).</summary>
    private void StartAttemptAt(int claimIndex)
    {
        StartAttempt();
        for (var i = claimIndex; i < _claims.Count; i++)
        {
            _claims[i] = _claims[i] with { Attempt = _attempt };
            if (_claims[i].Executes && _claims[i].Name is { } moved)
            {
                var state = State(moved);
                state.ClaimedIn = _generation;
                state.Claimed = _claims[i].Value;
                state.ExecutedIn = _generation;
            }

            _claimsThisAttempt++;
        }
    }

    private void StartAttempt()
    {
        _attempt++;
        _claimsThisAttempt = 0;
        _answersThisAttempt = 0;
        _generation++;
        _possibleRestart = null;
        _tentativeRestart = null;
    }

    /// <summary>
    /// What the pass knows of one name: whether it is given (and its value), whether a single step writes it, the value
    /// the reply holds for it, and what the current attempt did with it. The per-attempt facts are generation stamps
    /// (<see cref="_generation"/>): a fact holds while its stamp is the current generation, and 0 is never.
    /// </summary>
    private sealed class NameState
    {
        public bool IsGiven;
        public ParsedValue? Given;
        public bool SingleWrite;
        public bool HasHeld;
        public ParsedValue Held;
        public int ClaimedIn;
        public ParsedValue? Claimed;
        public int ExecutedIn;
        public int ExecutedSinceSnapshotIn;
        public int SummarizedIn;

        // Where in the pass's claims the summary of SummarizedIn sits.
        public int SummaryClaim;

        // A bare repeat of the given value that may be a write leaving it so ("n_4 *= -1, so n_4 = 0" from 0).
        public int RestatedGivenIn;

        // How often the given value was so repeated in generation RestatedGivenIn.
        public int RestatedGivenTimes;

        public void Hold(ParsedValue value)
        {
            HasHeld = true;
            Held = value;
        }

        public bool Holds(ParsedValue? value) => HasHeld && SameValue(Held, value);

        public NameState Reset(bool singleWrite)
        {
            (IsGiven, Given, SingleWrite, HasHeld, Held, ClaimedIn, Claimed, ExecutedIn, ExecutedSinceSnapshotIn, SummarizedIn, RestatedGivenIn, RestatedGivenTimes) =
                (false, null, singleWrite, false, default, 0, null, 0, 0, 0, 0, 0);
            SummaryClaim = 0;
            return this;
        }
    }

    /// <summary>
    /// The pass's working tables, kept per thread between replies: built per reply they were a tenth of the bytes a
    /// short reply allocates. A pass rents them empty and gives them back when it has run; a pass that finds none
    /// to rent (another pass on the thread holds them) builds its own. Tables grown past <see cref="MaxKept"/> names
    /// are not kept, so one huge program does not pin its tables to the thread.
    /// </summary>
    private sealed class Tables
    {
        private const int MaxKept = 4096;

        [ThreadStatic]
        private static Tables? t_kept;

        // The name states handed out since the tables were rented, reused in order.
        private readonly List<NameState> _states = [];
        private int _used;

        public Dictionary<string, NameState> States { get; } = new(StringComparer.Ordinal);

        public NameState NewState(bool singleWrite)
        {
            if (_used == _states.Count)
            {
                _states.Add(new NameState());
            }

            return _states[_used++].Reset(singleWrite);
        }

        public static Tables Rent(int names)
        {
            var tables = t_kept ?? new Tables();
            t_kept = null;
            tables.States.EnsureCapacity(names);
            return tables;
        }

        public static void Return(Tables tables)
        {
            // EnsureCapacity(0) reads a table's capacity without changing it.
            if (tables.States.EnsureCapacity(0) > MaxKept || tables._states.Count > MaxKept)
            {
                return;
            }

            tables.States.Clear();
            tables._used = 0;
            t_kept = tables;
        }
    }
}
