using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Faithful.Model;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Parsing;

/// <summary>One parse of one reply: walks the lines once, keeping the state that spans lines.</summary>
internal sealed class ParseRun
{
    private const int MaxTextInClaim = 240;

    // Options are reused for every reply to a program: the tables read from them are built once, read-only after, and
    // shared by every reply read with the same options.
    private static readonly ConditionalWeakTable<TraceParserOptions, OptionsTables> TablesCache = new();

    internal sealed record OptionsTables(NameRules Names, ReaderKnowledge Knowledge, HashSet<string> SingleWrite)
    {
        public static OptionsTables Of(TraceParserOptions options) => new(
            new NameRules(options.KnownNames?.AsImmutableArray(), options.SingleWriteNames),
            ParseRun.Knowledge(options),
            new HashSet<string>(options.SingleWriteNames, StringComparer.Ordinal));
    }

    private readonly TraceParserOptions _options;
    private readonly Regex? _pattern;
    private readonly NameRules _names;
    private readonly HashSet<string> _singleWrite;
    private readonly string[] _lines;
    private readonly bool _truncated;

    private readonly List<ReadEvent> _events = [];
    private readonly List<ParseIssue> _issues = [];
    private readonly TableReader _table = new();
    private readonly ReaderKnowledge _knowledge;
    private int _droppedIssues;
    private int _eventsScanned;

    // The first line of an answer event added before its line was read (a tag closed below the line that opened it).
    private int _firstAnswerAhead = int.MaxValue;
    private int _statementsWithoutValues;
    private PendingStatement? _pending;
    private int _pendingLine;
    private string _pendingText = "";
    // Names whose update a line described with a count but no value ("multiply n_0 by -1 for 3 times"): a later readout
    // of one states where that description ends (LineClaim.LoopDescribed).
    private HashSet<string>? _described;
    private LineSection _section;
    private string _previousContent = "";
    // Whether the last line read gave an answer with a value (then it is what an "Example:" on it introduced).
    private bool _previousAnswered;

    // The last line read ended saying the walk repeats ("Repeat steps 4-9 two more times."): the next line's list of
    // values gives the repeats' results.
    private bool _repeatSaid;
    private readonly InputTracker? _input;
    private bool _inventedTask;
    private int _exercisesLookedAt;
    private int _eventsSeenForAnswers;
    private int _firstAnswerLine = int.MaxValue;
    private bool _inCode;
    private bool _inDef;

    // The indentation of a loop header re-printed in a code block ("for _ in range(10):"), while the lines below it are
    // its body; -1 outside one. Whether the line being read sits in that body.
    private int _loopHeaderIndent = -1;
    private bool _inLoopBody;

    // The last line read that was not blank (1-based): only the line right below a loop body's statement gives the
    // loop's end value.
    private int _lastLineRead;
    private bool _sectionHasLines;

    public ParseRun(string reply, TraceParserOptions options, Regex? pattern)
    {
        _options = options;
        _pattern = pattern;
        var tables = TablesFor(options);
        _names = tables.Names;
        _knowledge = tables.Knowledge;
        _singleWrite = tables.SingleWrite;
        _input = options.Answers.Asked is { } asked ? new InputTracker(asked) : null;

        var text = reply;
        if (text.Length > options.MaxCharacters)
        {
            text = text[..Math.Max(0, options.MaxCharacters)];
            _truncated = true;
        }

        var lines = text.Split('\n');
        if (lines.Length > options.MaxLines)
        {
            lines = lines[..Math.Max(0, options.MaxLines)];
            _truncated = true;
        }

        _lines = lines;
        // One search of the whole reply, not one per line: almost no reply spells its tags with entities.
        var entities = text.Contains("&lt;", StringComparison.Ordinal);
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i].TrimEnd('\r');
            if (line.Length > options.MaxLineLength)
            {
                AddIssue(i + 1, line, $"line is {line.Length} characters long; only the first {options.MaxLineLength} were read");
                line = line[..options.MaxLineLength];
            }

            _lines[i] = entities ? EscapedTagsRead(line, options.Answers.ResultTag) : line;
        }
    }

    // "&lt;result&gt;-1&lt;/result&gt;": a reply written through an HTML encoder spells the answer's tags as entities; they
    // are the tags (llamacodeinstruct/complexity-cot/1211, holdout24). Only the asked tag's two spellings are decoded.
    private static string EscapedTagsRead(string line, string tag)
    {
        return line
            .Replace($"&lt;{tag}&gt;", $"<{tag}>", StringComparison.OrdinalIgnoreCase)
            .Replace($"&lt;/{tag}&gt;", $"</{tag}>", StringComparison.OrdinalIgnoreCase);
    }

    public ParsedTrace Run()
    {
        var events = ReadEvents();
        var pass = new DocumentPass(_knowledge, _singleWrite, _options.Answers.Allows(AnswerStyle.Prose));
        pass.Run(events);
        var answers = FilterEchoedAnswers(pass.Answers, pass.Claims);
        if (_droppedIssues > 0)
        {
            _issues.Add(new ParseIssue(0, "", $"{_droppedIssues} more issue(s) not listed"));
        }

        return new ParsedTrace(
            pass.Claims.ToEquatableArray(),
            answers.ToEquatableArray(),
            _issues.ToEquatableArray(),
            pass.Attempts,
            _lines.Length,
            _truncated)
        {
            StatementsWithoutValues = _statementsWithoutValues,
            Readings = pass.Readings.ToEquatableArray(),
        };
    }

    /// <summary>
    /// The line pass alone: what each line reads as, in reply order, for the document pass (<see cref="Run"/> goes on
    /// from here; the <c>parse-stages</c> benchmark times the document pass on its own from these). Once per run: the
    /// events are the run's own list.
    /// </summary>
    internal List<ReadEvent> ReadEvents()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            var raw = _lines[i];
            var trimmed = raw.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                // Fences only wrap content: what is inside is read like any other line, but it is code, not prose.
                // A statement waiting for its value does not continue across a fence.
                FlushPending();
                _inCode = !_inCode;
                continue;
            }

            if (trimmed.StartsWith("def ", StringComparison.Ordinal))
            {
                // A re-printed function: code until the next blank line.
                _inDef = true;
            }

            if (trimmed.Length == 0)
            {
                _inDef = false;
                if (_sectionHasLines)
                {
                    _section = LineSection.None;
                    _sectionHasLines = false;
                }

                continue;
            }

            if (!_inventedTask && HasClaimOrAnswer(i + 1)
                && (Reading.Lexicon.TaskPromptCues.InAnyCase(trimmed)
                    || ((trimmed.EndsWith('?') || trimmed.EndsWith(':')) && Reading.Lexicon.NewProblemCues.InAnyCase(trimmed))
                    || (trimmed.EndsWith('?') && AsksAnotherQuestion(trimmed) && AnsweredBefore(i + 1))))
            {
                // The reply writes a new task prompt after its own work: what follows answers an invented problem.
                _inventedTask = true;
            }

            FollowLoopEcho(raw, trimmed);
            if (_pending is { UnderLoop: true } underLoop && _pendingLine != _lastLineRead)
            {
                _pending = underLoop with { UnderLoop = false };
            }

            _lastLineRead = i + 1;
            var claimText = raw;
            var answer = AnswerReader.Read(_lines, i, _options.Answers, _pattern, _names);
            _input?.Follow(raw, answer);

            if (answer is { } found)
            {
                claimText = raw[..Math.Min(found.MarkerColumn, raw.Length)];
            }

            if (TableReader.IsRow(claimText))
            {
                ReadTableLine(i, claimText);
            }
            else
            {
                _table.Reset();
                if (claimText.Trim().Length > 0)
                {
                    ReadLine(i + 1, claimText, raw, answer is not null);
                }
            }

            if (answer is { } given)
            {
                if (NotTheAnswer(claimText, i) is { } reason)
                {
                    AddIssue(given.Answer.Line, given.Answer.Text, reason);
                }
                else
                {
                    _events.Add(ReadEvent.ForAnswer(given.Answer));
                    if (given.Problem is not null)
                    {
                        AddIssue(given.Answer.Line, given.Answer.Text, $"{given.Problem}; counted as a missing answer");
                    }
                }

                i += given.ExtraLines;
            }

            _previousContent = trimmed;
            _previousAnswered = answer is { Answer.Value: not null };
        }

        FlushPending();
        ClosedForm.DropSuperseded(_events);
        InventedTotals.Apply(_events, _knowledge, _lines);
        DropRunningSums();
        return _events;
    }

    // Whether an invented task has begun by line `index` (0-based, inclusive): a task prompt found in the pass, or a coding
    // exercise posed on or after the line of the reply's first answer. The exercises are looked for only when an answer
    // needs it, from where the last look stopped, and only from the first answer on: asked of every line after the first
    // claim, the look cost the terse and real rows 2-5%.
    private bool InventedTaskBy(int index)
    {
        if (_inventedTask)
        {
            return true;
        }

        // The answer asking may be the first: its own line counts.
        _exercisesLookedAt = Math.Max(_exercisesLookedAt, Math.Min(FirstAnswerLine(), index + 1) - 1);
        for (; _exercisesLookedAt <= index && _exercisesLookedAt < _lines.Length; _exercisesLookedAt++)
        {
            if (PosesExercise(_lines[_exercisesLookedAt].TrimStart()))
            {
                _inventedTask = true;
                _exercisesLookedAt++;
                return true;
            }
        }

        return false;
    }

    // "How many characters are there in ...?", "What is the value of g(100)?": after an answer, a question that names none
    // of the program's variables poses a new problem (llamacodeinstruct/complexity-cot/192, holdout14: the answers to its
    // invented quizzes read as a self-correction).
    private bool AsksAnotherQuestion(string trimmed)
    {
        if (!StartsWithAny(trimmed, QuestionOpeners, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A word of the line that is one of the program's names (looked up, not searched for: a long program lists
        // thousands of steps).
        for (var start = 0; start < trimmed.Length;)
        {
            while (start < trimmed.Length && !Reading.TokenText.IsWordChar(trimmed[start]))
            {
                start++;
            }

            var end = start;
            while (end < trimmed.Length && Reading.TokenText.IsWordChar(trimmed[end]))
            {
                end++;
            }

            if (end > start && (_knowledge.IsStepVariable(trimmed[start..end]) || _knowledge.IsGiven(trimmed[start..end])))
            {
                return false;
            }

            start = end;
        }

        // "How many times does the loop run?", "What is the function's output?": about the program asked, not another problem.
        return !trimmed.AsSpan().ContainsAny(ProgramWords) && !trimmed.Contains("f(", StringComparison.Ordinal);
    }

    private static readonly SearchValues<string> ProgramWords = SearchValues.Create(
        ["loop", "step", "iteration", "function", "program", "variable"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] QuestionOpeners = ["How many ", "How much ", "What is ", "What are ", "What will ", "What would ", "Which "];

    private bool AnsweredBefore(int lineNumber) => FirstAnswerLine() < lineNumber;

    // The line of the first answer read so far (int.MaxValue before any), from the events added since the last ask.
    private int FirstAnswerLine()
    {
        for (; _eventsSeenForAnswers < _events.Count; _eventsSeenForAnswers++)
        {
            if (_events[_eventsSeenForAnswers].Kind == ReadEventKind.Answer)
            {
                _firstAnswerLine = Math.Min(_firstAnswerLine, _events[_eventsSeenForAnswers].Line);
            }
        }

        return _firstAnswerLine;
    }

    // "Define a function that ... returns True if ...", "Write a program that ...": after its work the
    // reply poses coding exercises of its own, whose "returns ... 2" answers nothing asked (llamacodeinstruct/complexity-cot/1228,
    // holdout5, read as a second answer and a self-correction).
    private static bool PosesExercise(string trimmed)
    {
        // The exercise may open the line or a later sentence of it ("You have an array of integers, ... . Write a function
        // ..."). Asked of every line after the first claim: a search for one character finds the sentences.
        var text = trimmed.AsSpan();
        if (OpensExercise(text))
        {
            return true;
        }

        for (var dot = text.IndexOf('.'); dot >= 0 && dot + 2 < text.Length;)
        {
            if (text[dot + 1] == ' ' && OpensExercise(text[(dot + 2)..]))
            {
                return true;
            }

            var next = text[(dot + 1)..].IndexOf('.');
            dot = next < 0 ? -1 : dot + 1 + next;
        }

        return false;
    }

    private static bool OpensExercise(ReadOnlySpan<char> text)
    {
        if (text.Length < 16 || char.ToLowerInvariant(text[0]) is not ('d' or 'w' or 'c' or 'i'))
        {
            return false;
        }

        var space = text.IndexOf(' ');
        if (space < 0 || !IsExerciseVerb(text[..space]))
        {
            return false;
        }

        var rest = text[(space + 1)..];
        rest = rest.StartsWith("a ", StringComparison.OrdinalIgnoreCase) ? rest[2..] : rest.StartsWith("an ", StringComparison.OrdinalIgnoreCase) ? rest[3..] : [];
        if (rest.StartsWith("python ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[7..];
        }

        foreach (var thing in ExerciseThings)
        {
            if (rest.StartsWith(thing, StringComparison.OrdinalIgnoreCase) && (rest.Length == thing.Length || !char.IsLetter(rest[thing.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExerciseVerb(ReadOnlySpan<char> word)
    {
        foreach (var verb in ExerciseVerbs)
        {
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ExerciseVerbs = ["define", "write", "create", "implement"];

    private static readonly string[] ExerciseThings = ["function", "program", "method", "class"];

    // Why an answer after the reply wrote a new task prompt (a tag or a prose answer) is not one.
    private const string InventedTaskReason = "answers an invented follow-on task, not the question asked";

    // Why the answer found on line `index`, after `before` on its line, answers no question the reply was asked; null
    // when it is an answer. Read before the line becomes the previous one.
    private string? NotTheAnswer(string before, int index) =>
        InventedTaskBy(index) ? InventedTaskReason
        : _input?.Other is { } other ? _input.Reason(other)

        // "Example: <result>12</result>": a format example (often copied from an invented prompt), not an answer.
        : Examples.IntroducedOnLineOrAbove(before, _previousContent, _previousAnswered, _options.Answers.Asked) || Examples.UnderHeading(_lines, index, before)
            ? "an example answer, not an answer"

        // "Answer to previous question:" over a tag: the reply itself says the tag answers another question.
        : AnswersOtherQuestion(before) || (before.Trim().Length == 0 && AnswersOtherQuestion(_previousContent))
            ? "answers another question, by the reply's own heading"
        : null;

    private static bool AnswersOtherQuestion(string text) =>
        text.Contains("answer", StringComparison.OrdinalIgnoreCase) && Reading.Lexicon.OtherQuestionCues.InAnyCase(text);

    // Whether a claim, or an answer given on or above line `lineNumber`, comes before it; events before _eventsScanned
    // are known not to be claims (events are only appended while lines are read), so each event is looked at once. A tag
    // opened above ("<result>" over the whole trace) is added as an answer on its closing line: until that line, the
    // reply has answered nothing, so its heading ("Simulation of the Python function f(n) for n=10:") is no new task.
    private bool HasClaimOrAnswer(int lineNumber)
    {
        for (; _eventsScanned < _events.Count; _eventsScanned++)
        {
            var readEvent = _events[_eventsScanned];
            if (readEvent.Kind == ReadEventKind.Claim || (readEvent.Kind == ReadEventKind.Answer && readEvent.Line <= lineNumber))
            {
                return true;
            }

            if (readEvent.Kind == ReadEventKind.Answer)
            {
                _firstAnswerAhead = Math.Min(_firstAnswerAhead, readEvent.Line);
            }
        }

        return _firstAnswerAhead <= lineNumber;
    }

    // "n=2, n_0=1, sum([n_0]) = 1" on every line of a trace: a running sum is not an answer while the trace goes on.
    private void DropRunningSums()
    {
        // Most replies state no weak answer at all, and then there is nothing to drop or to index.
        if (!_events.Exists(e => e.Kind == ReadEventKind.Answer && e.Weak))
        {
            return;
        }

        var lastExecutionLine = 0;
        var lastAnswerLine = 0;
        var executionLines = new HashSet<int>();
        foreach (var e in _events)
        {
            if (e.Kind == ReadEventKind.Claim && e.Claim.Kind is ReadingKind.Execution or ReadingKind.NoChangeExecution)
            {
                lastExecutionLine = e.Line;
                executionLines.Add(e.Line);
            }
            else if (e.Kind == ReadEventKind.Answer)
            {
                lastAnswerLine = e.Line;
            }
        }

        // A running sum on a line that also executes steps is not the answer when the reply answers later.
        _events.RemoveAll(e => e.Kind == ReadEventKind.Answer && e.Weak
            && (e.Line < lastExecutionLine || (executionLines.Contains(e.Line) && e.Line < lastAnswerLine)));
    }

    /// <summary>The name rules and reader knowledge every reply read with <paramref name="options"/> shares (built once).</summary>
    internal static OptionsTables TablesFor(TraceParserOptions options) => TablesCache.GetValue(options, OptionsTables.Of);

    private static ReaderKnowledge Knowledge(TraceParserOptions options)
    {
        var given = new Dictionary<string, ParsedValue?>(StringComparer.Ordinal);
        foreach (var name in options.GivenNames)
        {
            given[name.Name] = name.Value switch
            {
                null => null,
                { Kind: ValueKind.Int64 } v => ParsedValue.FromInt64(v.AsInt64),
                { } v => ParsedValue.FromDouble(v.AsDouble),
            };
        }

        return new ReaderKnowledge(given, options.AnswerVariable, options.StepVariables.AsImmutableArray(), options.AnswerIsSum, options.AnswerVariableCount, options.Answers.Asked);
    }

    private void ReadTableLine(int index, string line)
    {
        if (TableReader.IsSeparator(line))
        {
            return;
        }

        if (index + 1 < _lines.Length && TableReader.IsSeparator(_lines[index + 1]))
        {
            _table.ReadHeader(line, _names);
            return;
        }

        foreach (var synthetic in _table.ReadRow(line, _names))
        {
            ReadLine(index + 1, synthetic, line);
        }
    }

    // Whether the next line that holds anything after `lineNumber` (1-based) is a compound assignment ("n_1 -= 2  # n_1 = -3").
    private bool StatementFollows(int lineNumber)
    {
        for (var k = lineNumber; k < _lines.Length; k++)
        {
            var next = _lines[k].AsSpan().Trim();
            if (!next.IsEmpty)
            {
                var assign = next.IndexOf('=');
                return assign > 0 && next[assign - 1] is '+' or '-' or '*' or '/';
            }
        }

        return false;
    }

    private void ReadLine(int lineNumber, string text, string original, bool answered = false)
    {
        var normalized = LineNormalizer.Normalize(text);
        var stripped = LinePrefix.Strip(normalized);
        var content = stripped.Rest;
        var before = _events.Count;
        if (Header(text, content, _options.Answers.Asked) is { } section)
        {
            // "# End of the innermost loop, return to the fifth loop" in a code block is a comment over the next statement,
            // which still runs once ("n_6 += 2  # n_6 = 3"): it opens no loop summary or readout (gpt35/complexity-cot/465).
            // So is "# Repeat n times" over such statements outside a fence (holdout73 gpt35/complexity-cot/145: each of its
            // blocks read as a loop summed up, where its reader matched the values to single writes).
            _section = (section is LineSection.Loop or LineSection.Readout) && (_inCode || StatementFollows(lineNumber)) && text.AsSpan().TrimStart().StartsWith('#') ? LineSection.None : section;
            _sectionHasLines = false;
            _events.Add(ReadEvent.ForReading(lineNumber, ReadingKind.Chatter));
            return;
        }

        _sectionHasLines |= _section != LineSection.None;
        if (RestartPhrases.Classify(content) is var restart and not RestartKind.None)
        {
            _events.Add(ReadEvent.ForRestart(lineNumber, restart));
        }

        if (_pending is { } pending)
        {
            // "s2 - s1 = 21 - 7 = 14" after "s3 = s2 - s1": the statement's work repeated, then its value.
            var continuation = Continuation.AfterRepeatedWork(content, pending.Work) ?? content;
            var (completed, extended) = Continuation.Read(continuation, pending, _names);
            if (completed is { } claim)
            {
                _pending = null;
                AddClaim(lineNumber, claim.Kind == ReadingKind.Execution && RunsToLoopEnd(pending, content) ? claim with { Shortcut = true } : claim, original);
                return;
            }

            if (extended is { } longer)
            {
                _pending = longer;
                return;
            }
        }

        if (_inDef)
        {
            // A re-printed function ("def f(n):" and its body) states code, not values.
            _events.Add(ReadEvent.ForReading(lineNumber, ReadingKind.CodeReprint));
            return;
        }

        var reading = LineReader.Read(content, stripped.StepNumber, stripped.NameHint, _names, _section, _knowledge, !stripped.ListItem);
        string? repeatedBy = null;
        if (_pending is { } open)
        {
            if (Completes(reading.Claims, open))
            {
                // "- n_0 += -1 (3 times)" over "n_0 = -3": the value is the repeated statement's end.
                repeatedBy = RunsToLoopEnd(open, content) ? open.Name : null;
                _pending = null;
                GiveChainItsValue(reading.Claims, open);
            }
            else if (reading.Claims.Count > 0 || reading.Pending is not null)
            {
                FlushPending();
            }
        }

        // "So, for n=3, n_0 will be -1": a line's bare values, one per variable, on a line that names the input asked, are
        // the run's end values, not single steps ("For n=3, n_0 will be -1 and n_1 will be 1" after a parity argument).
        var ofRun = reading.Claims.Count > 0 && _input is { NamesAsked: true } && OnePerVariable(reading.Claims);
        var afterRepeat = _repeatSaid;
        _repeatSaid = reading.EndsRepeating;
        if (reading.Described.Count > 0)
        {
            (_described ??= new(StringComparer.Ordinal)).UnionWith(reading.Described);
        }

        foreach (var claim in reading.Claims)
        {
            var run = (ofRun || (repeatedBy is not null && claim.Name == repeatedBy)) && claim.Work is null && !claim.Shortcut
                && (claim.Kind == ReadingKind.Execution || (claim.Kind == ReadingKind.NoChangeExecution && repeatedBy is not null));
            var read = run ? claim with { Shortcut = true }
                : afterRepeat && claim.Kind == ReadingKind.Readout ? claim with { AfterRepeat = true }
                : claim.Kind == ReadingKind.Readout && _described is { } described && claim.Name is { } readName && described.Contains(readName) ? claim with { LoopDescribed = true }
                : claim;
            AddClaim(lineNumber, read, original, stripped.ListItem && claim.StepNumber is not null);
        }

        if (!answered && reading.Answers.Count > 0 && _options.Answers.Allows(AnswerStyle.Prose))
        {
            if (_input?.Other is { } other)
            {
                AddIssue(lineNumber, original, _input.Reason(other));
            }
            else if (InventedTaskBy(lineNumber - 1))
            {
                AddIssue(lineNumber, original, InventedTaskReason);
            }
            else if (!_inCode && !_inDef)
            {
                // One answer per line: the last one the line states. Code ("result = 0") states no answer.
                var prose = reading.Answers[^1];
                // The line up to the answer's sentence may introduce it too ("For example, with def g(n): ... and n=3, the
                // output is 6": the sentence the answer reads from starts after "def g(n):").
                if (Examples.IntroducedOnLineOrAbove(prose.Text, _previousContent, _previousAnswered, _options.Answers.Asked)
                    || (Examples.DefinesAnotherFunction(original) && Examples.IntroducedOnLineOrAbove(original, _previousContent, _previousAnswered, _options.Answers.Asked)))
                {
                    // "Here is an example of how the function should work:" over "f(3) = ... = 5", as for a tag.
                    AddIssue(lineNumber, original, "an example answer, not an answer");
                }
                else
                {
                    // A weak "sum"/"result" with nearby work would read as an invented running total: only strong answers look.
                    var work = prose.Work ?? (prose.Strong ? AnswerReader.WorkNear(_lines, lineNumber - 1, prose.Value, _names) : null);
                    _events.Add(ReadEvent.ForAnswer(new ParsedAnswer(lineNumber, prose.Value, AnswerStyle.Prose, Bound(prose.Text)) { Work = work }, weak: !prose.Strong));
                }
            }
        }

        foreach (var problem in reading.Unreadable)
        {
            AddIssue(lineNumber, original, problem);
        }

        if (reading.Claims.Count == 0 && reading.Pending is null && reading.Unreadable.Count == 0 && reading.Answers.Count == 0 && reading.MentionsNameAndNumber)
        {
            AddIssue(lineNumber, original, "mentions a step or variable and a number but states no value the parser can read (write 'name = value')");
        }

        if (reading.Pending is { } statement)
        {
            _pending = _inLoopBody ? statement with { UnderLoop = true } : statement;
            _pendingLine = lineNumber;
            _pendingText = original;
            _events.Add(ReadEvent.ForReading(lineNumber, ReadingKind.CodeReprint));
        }

        if (_events.Count == before)
        {
            _events.Add(ReadEvent.ForReading(lineNumber, ReadingKind.Chatter));
        }
    }

    // Keeps _loopHeaderIndent and _inLoopBody for the line about to be read: only code re-printed in a fence counts, and
    // a line no deeper than the header ends its body (the comment giving the loop's end value often does).
    private void FollowLoopEcho(string raw, string trimmed)
    {
        _inLoopBody = false;
        if (!_inCode)
        {
            _loopHeaderIndent = -1;
            return;
        }

        var indent = raw.Length - trimmed.Length;
        if (_loopHeaderIndent >= 0 && indent > _loopHeaderIndent)
        {
            _inLoopBody = true;
            return;
        }

        _loopHeaderIndent = IsLoopHeader(trimmed) ? indent : -1;
    }

    // "for _ in range(n):", "for i in range(3):", "while i < 10:", as Python prints a loop.
    private static bool IsLoopHeader(string trimmed)
    {
        var line = trimmed.AsSpan().TrimEnd();
        return line.EndsWith(':')
            && ((line.StartsWith("for ", StringComparison.Ordinal) && line.Contains(" in ", StringComparison.Ordinal)) || line.StartsWith("while ", StringComparison.Ordinal));
    }

    // Whether the value that completes open is where its loop ends: the statement said it repeats ("(3 times)"), or it is
    // a re-printed loop's body and the completing line names no single pass ("# After iteration 1: n_0 = 2" does).
    private bool RunsToLoopEnd(PendingStatement open, string content) =>
        open.Repeated || (open.UnderLoop && !NamesOnePass(content));

    private bool NamesOnePass(string content)
    {
        // Rare (a value under a re-printed loop's body): a context of its own rather than the line reader's.
        var line = new LineContext(content, null, null, _names, LineSection.None, _knowledge);
        for (var s = 0; s < line.Sentences.Count; s++)
        {
            if (line.NamesOneIteration(s))
            {
                return true;
            }
        }

        return false;
    }

    // "n_2 = 1 - 1 - 1 - 1" over "n_2 = -3": the chain written above is the work of the value the name gets now, so a
    // merged chain is read as one (ruling 4: it executes the last statement it merges), not as the name's next write
    // (gpt35/complexity-redundant-cot/8, holdout26).
    private static void GiveChainItsValue(List<LineClaim> claims, PendingStatement open)
    {
        if (open.Repeated || open.Work.AsSpan().IndexOfAnyInRange('A', 'z') >= 0)
        {
            return;
        }

        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i] is { Kind: ReadingKind.Execution, Work: null } claim && claim.Name == open.Name)
            {
                claims[i] = claim with { Work = open.Work };
                return;
            }
        }
    }

    // Whether one of the line's claims gives the open statement its value (by name, or by step number when unnamed). A
    // loop, not List.Exists with a lambda: capturing the statement cost an allocation on every line read while one was open.
    private static bool Completes(List<LineClaim> claims, PendingStatement open)
    {
        foreach (var c in claims)
        {
            if ((c.Name is not null && c.Name == open.Name) || (c.Name is null && c.StepNumber is not null && c.StepNumber == open.StepNumber))
            {
                return true;
            }
        }

        return false;
    }

    // "**Initial values:**", "Final values of n_0 and n_1:", "**State after Iteration 1**": a heading that frames the lines below it.
    private static LineSection? Header(string raw, string content, AskedInput? asked)
    {
        // Spans until the line is known to be a heading: most lines are not, and this runs on every line.
        var trimmedRaw = raw.AsSpan().Trim();
        var heading = trimmedRaw.StartsWith('#') || (trimmedRaw.StartsWith("**", StringComparison.Ordinal) && trimmedRaw.EndsWith("**", StringComparison.Ordinal));
        var span = content.AsSpan().Trim().TrimEnd("* #");
        if (span.Length == 0 || span.Length > 80)
        {
            return null;
        }

        if (!(span.EndsWith(':') || heading))
        {
            // A sentence that puts the asked input into the closed forms above ("We now substitute n=3 to get the
            // values.") opens their values at the loops' ends, as a heading would (holdout76
            // gpt35/complexity-redundant-cot/726: a flip's end value below it went to the variable's second write, hiding
            // a wrong end value).
            return span.EndsWith('.') && SubstitutesInput(span, asked) ? LineSection.Readout : null;
        }

        if (HasLinkOutsideParentheses(span))
        {
            // "For `n=3`, the final values of the variables will be:", "..., the variables end up as follows:": a heading
            // whose only link names the asked input, over the values where the loops end (gpt4/complexity-cot/478,
            // holdout, and a few gpt4 replies more); any other line with a link is none.
            // (The words are tested first: a bold line "**s1 = 7**" reaches this on every line of some styles.)
            return span.EndsWith(':')
                && (span.Contains("the final values", StringComparison.OrdinalIgnoreCase) || span.Contains("end up as follows", StringComparison.OrdinalIgnoreCase)
                    || span.Contains("substitut", StringComparison.OrdinalIgnoreCase))
                && OnlyLinkNamesInput(span, asked)
                ? LineSection.Readout : null;
        }

        var text = span.ToString();
        var lower = span.TrimStart("*# ").ToString().ToLowerInvariant();
        if (StartsWithAny(lower, Lexicon.EchoHeaders))
        {
            return LineSection.Echo;
        }

        if (StartsWithAny(lower, Lexicon.ReadoutHeaders))
        {
            return LineSection.Readout;
        }

        if (StartsWithAny(lower, Lexicon.SnapshotHeaders))
        {
            return LineSection.Snapshot;
        }

        // "2. Iterate 3 times:", "After 10 iterations:": the lines below sum up a loop. "The inner loop ends, so we return to
        // the outer loop:" goes on to the enclosing loop's next pass, one write a line (holdout74 gpt35/complexity-cot/748:
        // read as loop ends, its single writes became five arithmetic errors its reader did not see).
        var loop = new LineContext(text, null, null, NameRules.Prose, LineSection.None, ReaderKnowledge.None);
        return loop.Sentences.Count > 0 && loop.IsShortcutSentence(loop.Sentences.Count - 1) && !ReturnsToLoop(lower) ? LineSection.Loop : LineSection.None;
    }

    // "substitute n=10", "substituting `n = 3`": the asked input put into expressions, the line's only link.
    private static bool SubstitutesInput(ReadOnlySpan<char> span, AskedInput? asked) =>
        span.Contains("substitut", StringComparison.OrdinalIgnoreCase) && HasLinkOutsideParentheses(span) && OnlyLinkNamesInput(span, asked);

    // "..., so we return to the fifth inner loop:", "go back to the second loop:": the walk goes on in another loop's pass.
    private static bool ReturnsToLoop(string lower) =>
        (lower.Contains(" return to ", StringComparison.Ordinal) || lower.Contains("back to ", StringComparison.Ordinal))
        && lower.Contains("loop", StringComparison.Ordinal);

    // "For `n=3`, the final values are:": the only link names the asked input, so the line may still be a heading.
    private static bool OnlyLinkNamesInput(ReadOnlySpan<char> span, AskedInput? asked)
    {
        if (asked is null)
        {
            return false;
        }

        var rest = span.ToString();
        foreach (var spelling in asked.Spellings())
        {
            rest = rest.Replace(spelling, "", StringComparison.Ordinal);
        }

        return rest.Length < span.Length && !HasLinkOutsideParentheses(rest);
    }

    // "n_0 = 5:" states a value, no heading; "**Iteration 1 (n=3):**" names the input in a parenthesis and is one.
    private static bool HasLinkOutsideParentheses(ReadOnlySpan<char> span)
    {
        var depth = 0;
        foreach (var c in span)
        {
            switch (c)
            {
                case '(':
                    depth++;
                    break;
                case ')' when depth > 0:
                    depth--;
                    break;
                case '=' or '<' or '|' when depth == 0:
                    return true;
            }
        }

        return false;
    }

    private void AddClaim(int lineNumber, LineClaim claim, string original, bool listItem = false)
    {
        // Work for another value of the input ("Here's the solution for n=4:") is another question's run, not this one's;
        // so is work after an invented task prompt (an exercise, found only when an answer asks, leaves claims as they are).
        if (_input?.Other is null && !_inventedTask)
        {
            _events.Add(ReadEvent.ForClaim(lineNumber, claim, Bound(original.Trim()), listItem));
        }
    }

    private void FlushPending()
    {
        if (_pending is { } statement)
        {
            _statementsWithoutValues++;
            AddIssue(_pendingLine, _pendingText, $"restates '{Bound(statement.Work)}' without a value; no claim made");
            _pending = null;
        }
    }

    private static bool StartsWithAny(string text, string[] prefixes, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Drops answers that repeat an example answer of the prompt when the reply gives another answer or when the
    /// echo comes before any work; keeps (and reports) one that is the reply's only answer after its work.
    /// </summary>
    private List<ParsedAnswer> FilterEchoedAnswers(List<ParsedAnswer> answers, List<ParsedClaim> claims)
    {
        var examples = _options.Answers.ExampleAnswers;
        if (examples.Count == 0 || answers.Count == 0)
        {
            return answers;
        }

        var exampleSet = new HashSet<string>(examples.Select(AnswerReader.Canonical), StringComparer.Ordinal);
        bool IsEcho(ParsedAnswer answer) =>
            exampleSet.Contains(AnswerReader.Canonical(answer.Text)) || (answer.Value is { } v && exampleSet.Contains(v.Text));

        var hasGenuine = answers.Exists(a => !IsEcho(a));
        var firstClaimLine = claims.Count > 0 ? claims[0].Line : int.MaxValue;
        var kept = new List<ParsedAnswer>(answers.Count);
        foreach (var answer in answers)
        {
            if (!IsEcho(answer))
            {
                kept.Add(answer);
            }
            else if (hasGenuine || answer.Line < firstClaimLine)
            {
                AddIssue(answer.Line, answer.Text, "echoes an example answer from the prompt; not counted");
            }
            else
            {
                kept.Add(answer);
                AddIssue(answer.Line, answer.Text, "equals an example answer from the prompt; counted because it is the reply's only answer after its work");
            }
        }

        return kept;
    }

    private void AddIssue(int line, string text, string reason)
    {
        if (_issues.Count >= _options.MaxIssues)
        {
            _droppedIssues++;
            return;
        }

        _issues.Add(new ParseIssue(line, Bound(text.Trim()), reason));
    }

    private static bool OnePerVariable(List<LineClaim> claims)
    {
        for (var i = 1; i < claims.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (claims[i].Name == claims[j].Name)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Bound(string text) => text.Length <= MaxTextInClaim ? text : text[..MaxTextInClaim] + "...";
}
