namespace Faithful.Traces.Parsing;

/// <summary>
/// Which value of the asked input (<see cref="AskedInput"/>) each line of a reply answers for, line by line. A line
/// that names another value ("the output for n=4 is 10", "f(4) = &lt;result&gt;-6&lt;/result&gt;") answers for that
/// value; a line that announces a solution for another value ("Here's the solution for n=4:") opens a section whose
/// answers are for it, until a line names the asked value again. Values named in passing ("what happens when n = 1?")
/// switch nothing. An announcement after the line's answer ("&lt;result&gt;5&lt;/result&gt; Now for n=4:") opens its
/// section on the next line.
/// </summary>
internal sealed class InputTracker(AskedInput asked)
{
    private long? _otherSection;
    private long? _otherOnLine;
    private long? _sectionFromNextLine;

    // "n=2" alone on the line before: the value the next line's answers are for, that line only.
    private long? _aloneAbove;

    /// <summary>Whether the current line names the asked value itself ("So, for n=3, n_0 will be -1").</summary>
    public bool NamesAsked { get; private set; }

    /// <summary>The other value the current line's answers are for; null when they answer the question asked.</summary>
    public long? Other => _otherOnLine ?? _otherSection;

    /// <summary>Reads the next non-blank line of the reply, with the answer found on it, if any.</summary>
    public void Follow(string line, AnswerReader.Found? answer)
    {
        if (_sectionFromNextLine is { } pending)
        {
            _otherSection = pending == asked.Value ? null : pending;
            _sectionFromNextLine = null;
        }

        var cut = answer is { } found ? Math.Min(found.MarkerColumn, line.Length) : line.Length;
        var named = asked.MentionIn(line.AsSpan(0, cut));
        NamesAsked = named == asked.Value;
        if (NamesAsked)
        {
            _otherSection = null;
        }

        _otherOnLine = named is { } value && value != asked.Value ? value : null;

        // "Test", "n=2", "<result>-2</result>", "n=3", "<result>1</result>": a value of the input alone on its line is
        // what the answer right under it is for (holdout80 llamacodeinstruct/complexity-cot/399: the tag under "n=2" was
        // read as a first answer, a false self-correction). Only the next line: "n = 0" inside code opens no section.
        if (_aloneAbove is { } above && above != asked.Value && answer is not null)
        {
            _otherOnLine ??= above;
        }

        _aloneAbove = answer is null ? asked.AloneIn(line) : null;
        if (cut < line.Length)
        {
            _sectionFromNextLine = asked.AnnouncedIn(line.AsSpan(cut));
        }
        else if (asked.AnnouncedIn(line) is { } announced)
        {
            _otherSection = announced == asked.Value ? null : announced;
        }
    }

    /// <summary>The parse issue for an answer given for <paramref name="other"/>.</summary>
    public string Reason(long other) => $"answers for {asked.Name}={other}, not for the {asked.Name}={asked.Value} asked";
}
