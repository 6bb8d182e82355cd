using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Faithful.Model;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Parsing;

/// <summary>One parse of one reply: walks the lines once, keeping the state that spans lines.</summary>
internal sealed class ParseRun
{
    private const int MaxTextInClaim = 240;

    // Options are reused for every reply to a program; their name tables are built once.
    private static readonly ConditionalWeakTable<TraceParserOptions, NameRules> NamesCache = new();

    private readonly TraceParserOptions _options;
    private readonly Regex? _pattern;
    private readonly NameRules _names;
    private readonly HashSet<string> _singleWrite;
    private readonly string[] _lines;
    private readonly bool _truncated;

    private readonly List<ParsedClaim> _claims = [];
    private readonly List<ParsedAnswer> _answers = [];
    private readonly List<ParseIssue> _issues = [];
    private readonly TableReader _table = new();
    private readonly Dictionary<string, ParsedValue?> _claimedThisAttempt = new(StringComparer.Ordinal);
    private int? _possibleRestart;
    private int? _tentativeRestart;
    private int _droppedIssues;
    private int _attempt;
    private int _claimsThisAttempt;
    private int _answersThisAttempt;
    private int _statementsWithoutValues;
    private PendingStatement? _pending;
    private int _pendingLine;
    private string _pendingText = "";

    public ParseRun(string reply, TraceParserOptions options, Regex? pattern)
    {
        _options = options;
        _pattern = pattern;
        _names = NamesCache.GetValue(options, static o => new NameRules(o.KnownNames?.AsImmutableArray(), o.SingleWriteNames));
        _singleWrite = new HashSet<string>(options.SingleWriteNames, StringComparer.Ordinal);

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
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i].TrimEnd('\r');
            if (line.Length > options.MaxLineLength)
            {
                AddIssue(i + 1, line, $"line is {line.Length} characters long; only the first {options.MaxLineLength} were read");
                line = line[..options.MaxLineLength];
            }

            _lines[i] = line;
        }
    }

    public ParsedTrace Run()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            var raw = _lines[i];
            var trimmed = raw.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                // Fences only wrap content: what is inside is read like any other line.
                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            var claimText = raw;
            var answer = AnswerReader.Read(_lines, i, _options.Answers, _pattern, _names);
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
                    ReadLine(i + 1, claimText, raw);
                }
            }

            if (answer is { } given)
            {
                _answers.Add(given.Answer);
                _answersThisAttempt++;
                if (given.Problem is not null)
                {
                    AddIssue(given.Answer.Line, given.Answer.Text, $"{given.Problem}; counted as a missing answer");
                }

                i += given.ExtraLines;
            }
        }

        FlushPending();
        var answers = FilterEchoedAnswers();
        if (_droppedIssues > 0)
        {
            _issues.Add(new ParseIssue(0, "", $"{_droppedIssues} more issue(s) not listed"));
        }

        return new ParsedTrace(
            _claims.ToEquatableArray(),
            answers.ToEquatableArray(),
            _issues.ToEquatableArray(),
            _attempt + 1,
            _lines.Length,
            _truncated)
        {
            StatementsWithoutValues = _statementsWithoutValues,
        };
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

    private void ReadLine(int lineNumber, string text, string original)
    {
        var normalized = LineNormalizer.Normalize(text);
        var stripped = LinePrefix.Strip(normalized);
        var content = stripped.Rest;

        if (_claimsThisAttempt > 0 || _answersThisAttempt > 0)
        {
            switch (RestartPhrases.Classify(content))
            {
                case RestartKind.Definite:
                    StartAttempt();
                    break;
                case RestartKind.Tentative:
                    _tentativeRestart = _claims.Count;
                    break;
            }
        }

        if (_pending is { } pending)
        {
            // "s2 - s1 = 21 - 7 = 14" after "s3 = s2 - s1": the statement's work repeated, then its value.
            var continuation = AfterRepeatedWork(content, pending.Work) ?? content;
            var (completed, extended) = ClaimReader.ReadContinuation(continuation, pending, _names);
            if (completed is { } claim)
            {
                _pending = null;
                AddClaim(lineNumber, claim, original);
                return;
            }

            if (extended is { } longer)
            {
                _pending = longer;
                return;
            }
        }

        var reading = ClaimReader.Read(content, stripped.StepNumber, stripped.NameHint, _names);
        if (_pending is { } open)
        {
            var resolved = reading.Claims.Exists(c => (c.Name is not null && c.Name == open.Name) || (c.Name is null && c.StepNumber is not null && c.StepNumber == open.StepNumber));
            if (resolved)
            {
                _pending = null;
            }
            else if (reading.Claims.Count > 0 || reading.Pending is not null)
            {
                FlushPending();
            }
        }

        foreach (var claim in reading.Claims)
        {
            AddClaim(lineNumber, claim, original);
        }

        foreach (var problem in reading.Unreadable)
        {
            AddIssue(lineNumber, original, problem);
        }

        if (reading.Claims.Count == 0 && reading.Pending is null && reading.Unreadable.Count == 0 && reading.MentionsNameAndNumber)
        {
            AddIssue(lineNumber, original, "mentions a step or variable and a number but states no value the parser can read (write 'name = value')");
        }

        if (reading.Pending is { } statement)
        {
            _pending = statement;
            _pendingLine = lineNumber;
            _pendingText = original;
        }
    }

    /// <summary>The rest of <paramref name="content"/> after <paramref name="work"/> (spaces ignored) when an <c>=</c> follows it; else null.</summary>
    private static string? AfterRepeatedWork(string content, string work)
    {
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

    private void AddClaim(int lineNumber, LineClaim claim, string original)
    {
        // A single-assignment step claimed again (not as a repeat of the line just before) means the model went back.
        // With a new value it started over; with the same value it may only be checking, so the restart is decided
        // later: confirmed by a following re-claim with a new value, dropped by a claim of a step not yet claimed.
        var previous = _claims.Count > 0 ? _claims[^1] : null;
        var repeatsPrevious = previous is not null && previous.Name == claim.Name && previous.Value?.Text == claim.Value?.Text;
        if (_tentativeRestart is { } hesitatedAt)
        {
            // After "Hmm"/"Wait" the first claim decides. A step claimed again follows the silent-restart rule, from
            // the hesitation on; a variable written several times that is claimed again (not a verbatim repeat) is
            // taken as going back, since within one attempt it would read as its next write.
            _tentativeRestart = null;
            if (claim.Name is { } again && _claimedThisAttempt.ContainsKey(again) && !repeatsPrevious)
            {
                if (_singleWrite.Contains(again))
                {
                    _possibleRestart ??= hesitatedAt;
                }
                else
                {
                    StartAttemptAt(hesitatedAt);
                }
            }
        }

        if (claim.Name is { } name && _singleWrite.Contains(name) && !repeatsPrevious)
        {
            if (_claimedThisAttempt.TryGetValue(name, out var earlier))
            {
                var sameValue = earlier?.Text == claim.Value?.Text;
                if (!sameValue)
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

        if (claim.Name is not null)
        {
            _claimedThisAttempt[claim.Name] = claim.Value;
        }

        _claims.Add(new ParsedClaim(lineNumber, _attempt, claim.Name, claim.StepNumber, claim.Value, claim.Work, Bound(original.Trim())));
        _claimsThisAttempt++;
    }

    /// <summary>Starts a new attempt whose first claim is the one at <paramref name="claimIndex"/> (earlier claims may move into it).</summary>
    private void StartAttemptAt(int claimIndex)
    {
        StartAttempt();
        for (var i = claimIndex; i < _claims.Count; i++)
        {
            _claims[i] = _claims[i] with { Attempt = _attempt };
            if (_claims[i].Name is { } moved)
            {
                _claimedThisAttempt[moved] = _claims[i].Value;
            }

            _claimsThisAttempt++;
        }
    }

    private void StartAttempt()
    {
        _attempt++;
        _claimsThisAttempt = 0;
        _answersThisAttempt = 0;
        _claimedThisAttempt.Clear();
        _possibleRestart = null;
        _tentativeRestart = null;
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

    /// <summary>
    /// Drops answers that repeat an example answer of the prompt when the reply gives another answer or when the
    /// echo comes before any work; keeps (and reports) one that is the reply's only answer after its work.
    /// </summary>
    private List<ParsedAnswer> FilterEchoedAnswers()
    {
        var examples = _options.Answers.ExampleAnswers;
        if (examples.Count == 0 || _answers.Count == 0)
        {
            return _answers;
        }

        var exampleSet = new HashSet<string>(examples.Select(AnswerReader.Canonical), StringComparer.Ordinal);
        bool IsEcho(ParsedAnswer answer) =>
            exampleSet.Contains(AnswerReader.Canonical(answer.Text)) || (answer.Value is { } v && exampleSet.Contains(v.Text));

        var hasGenuine = _answers.Exists(a => !IsEcho(a));
        var firstClaimLine = _claims.Count > 0 ? _claims[0].Line : int.MaxValue;
        var kept = new List<ParsedAnswer>(_answers.Count);
        foreach (var answer in _answers)
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

    private static string Bound(string text) => text.Length <= MaxTextInClaim ? text : text[..MaxTextInClaim] + "...";
}
