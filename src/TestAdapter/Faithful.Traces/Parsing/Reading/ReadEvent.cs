namespace Faithful.Traces.Parsing.Reading;

internal enum ReadEventKind
{
    Claim,
    Answer,
    Restart,
    Reading,
}

/// <summary>What the line pass found, in reply order, for the document pass to type and number.</summary>
internal sealed class ReadEvent
{
    private ReadEvent(ReadEventKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public ReadEventKind Kind { get; }

    public int Line { get; }

    public LineClaim Claim { get; set; }

    public string Text { get; private init; } = "";

    public ParsedAnswer? Answer { get; private init; }

    public RestartKind Restart { get; private init; }

    public ReadingKind Reading { get; private init; }

    /// <summary>Whether the claim's number is a list item's ("3.") rather than a step label's ("Step 3:").</summary>
    public bool ListItem { get; private init; }

    public static ReadEvent ForClaim(int line, LineClaim claim, string text, bool listItem = false) => new(ReadEventKind.Claim, line) { Claim = claim, Text = text, Reading = claim.Kind, ListItem = listItem };

    /// <summary>A prose answer about a running "sum" or "result" rather than the program's output: dropped if the trace goes on.</summary>
    public bool Weak { get; private init; }

    public static ReadEvent ForAnswer(ParsedAnswer answer, bool weak = false) => new(ReadEventKind.Answer, answer.Line) { Answer = answer, Reading = ReadingKind.Answer, Weak = weak };

    public static ReadEvent ForRestart(int line, RestartKind restart) => new(ReadEventKind.Restart, line) { Restart = restart, Reading = ReadingKind.Restart };

    public static ReadEvent ForReading(int line, ReadingKind reading) => new(ReadEventKind.Reading, line) { Reading = reading };

    /// <summary>A copy to read again: the document pass re-numbers the claims of the events it reads (benchmarks).</summary>
    internal ReadEvent Copy() => (ReadEvent)MemberwiseClone();
}
