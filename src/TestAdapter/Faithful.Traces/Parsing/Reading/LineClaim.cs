namespace Faithful.Traces.Parsing.Reading;

/// <summary>A value read from one line, typed, before line and attempt numbers are attached.</summary>
/// <param name="AfterRepeat">A readout stated after the reply says the walk repeats ("The process is then repeated two
/// more times. ... the final values are n_0 = 9, ..."), on its line or the line before: it gives where the repeats end.</param>
/// <param name="LoopDescribed">A readout of a name whose update the reply described earlier with a count but no value
/// ("subtract 2 from n_1 for 3 times"): the value that description ends at, a shortcut, not a closing list's restatement.</param>
/// <param name="ClosedForm">The value is a closed form in the asked input ("`n_0` will be `2n`"), evaluated for it: a
/// summary that a later claim of the same name supersedes (<see cref="ClosedForm.DropSuperseded"/>).</param>
/// <param name="StartsSummary">A bare value a loop summary gives a name before its loop words and a later value of the
/// same name ("n_0 = 1; the loop runs three times, ..., so n_0 goes 1, 0, -1"): where the loop may start, not its end.</param>
internal readonly record struct LineClaim(
    string? Name,
    int? StepNumber,
    ParsedValue? Value,
    string? Work,
    ReadingKind Kind = ReadingKind.Execution,
    bool Shortcut = false,
    bool AfterRepeat = false,
    bool ClosedForm = false,
    bool LoopDescribed = false,
    bool StartsSummary = false);

/// <summary>
/// A statement restated without its value (<c>s3 = s2 - s1</c>, <c>a3 -= a2;</c>): a later continuation line
/// (<c>= 14 - 7 = 7</c>) may still give the value.
/// </summary>
/// <param name="Repeated">The statement's line says it runs several times ("n_0 += -1 (3 times)"): the value that
/// completes it is the loop's end, a shortcut.</param>
/// <param name="UnderLoop">The statement is the body of a loop re-printed in a code block ("for _ in range(10):" above
/// it): a value given below it without naming one pass is the loop's end, a shortcut.</param>
internal readonly record struct PendingStatement(string? Name, int? StepNumber, string Work, bool Repeated = false, bool UnderLoop = false);

/// <summary>A final answer read from prose: "the output of the function is -5", <c>sum([7, 1]) = 8</c>.</summary>
/// <param name="Strong">Said of the whole program ("the output is", "returns") rather than a running "sum" or "result".</param>
internal readonly record struct ProseAnswer(ParsedValue Value, string? Work, string Text, bool Strong = true);

/// <summary>
/// What one line says: its readings (the best cover of its spans), a pending statement, prose answers, problems. Each
/// thread reuses one (<see cref="Cleared"/>), so its lists keep their capacity from line to line.
/// </summary>
internal sealed class LineReading
{
    public List<LineClaim> Claims { get; } = [];

    public List<ReadingKind> Kinds { get; } = [];

    public List<ProseAnswer> Answers { get; } = [];

    /// <summary>A statement with no value on this line, or null.</summary>
    public PendingStatement? Pending { get; set; }

    /// <summary>Whether the line's last sentence says the walk repeats ("Repeat steps 4-9 two more times."): the values the next line lists are its results.</summary>
    public bool EndsRepeating { get; set; }

    /// <summary>Whether the line names a step or variable and holds a number: if it yields nothing, that is worth reporting.</summary>
    public bool MentionsNameAndNumber { get; set; }

    /// <summary>Names whose update the line describes with a number but no value ("multiply n_0 by -1 for 3 times").</summary>
    public List<string> Described { get; } = [];

    /// <summary>Text that looked like a claim but had no readable value.</summary>
    public List<string> Unreadable { get; } = [];

    /// <summary>This reading emptied, for the next line (readings are reused per thread).</summary>
    public LineReading Cleared()
    {
        Claims.Clear();
        Kinds.Clear();
        Answers.Clear();
        Unreadable.Clear();
        Pending = null;
        MentionsNameAndNumber = false;
        Described.Clear();
        EndsRepeating = false;
        return this;
    }
}
