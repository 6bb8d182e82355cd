namespace Faithful.Traces.Parsing;

/// <summary>
/// What a span of a reply says, as a careful reader sees it. Only executions (and no-change executions) carry out
/// program steps; the other kinds restate, observe or frame the work. See docs/trace-parsing.md.
/// </summary>
public enum ReadingKind
{
    /// <summary>A step carried out, with its value: <c>a3 -= a2 -> a3 = 9</c>, "subtracting 2 gives -4", "iteration 2: n_0 = -4".</summary>
    Execution,

    /// <summary>A state snapshot that restates values the reply holds (<c>a0 = 1, a1 = 2, a2 = 5</c>): an observation, executes nothing.</summary>
    StateSnapshot,

    /// <summary>A restatement of an input or a declaration's given initial value ("n_0 starts at 1"): executes nothing.</summary>
    InputEcho,

    /// <summary>A statement shown to leave its variable unchanged (<c>a2 = a2 (no change)</c>, "a2 remains -2"): an execution.</summary>
    NoChangeExecution,

    /// <summary>A closing readout ("so the value of a4 at the end is -5") that restates a value the reply holds: an observation.</summary>
    Readout,

    /// <summary>A final answer (<c>&lt;result&gt;</c>, "Final answer:", "the function returns -12").</summary>
    Answer,

    /// <summary>A line with which the reply starts over ("Wait, let me redo this").</summary>
    Restart,

    /// <summary>A statement restated without a value (a re-print of the code): executes nothing.</summary>
    CodeReprint,

    /// <summary>Anything else: prose, headings, explanations.</summary>
    Chatter,
}
