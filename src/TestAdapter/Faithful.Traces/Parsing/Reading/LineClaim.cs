namespace Faithful.Traces.Parsing.Reading;

/// <summary>A claim read from one line, before line and attempt numbers are attached.</summary>
internal readonly record struct LineClaim(string? Name, int? StepNumber, ParsedValue? Value, string? Work);

/// <summary>
/// A statement restated without its value (<c>s3 = s2 - s1</c>, <c>a3 -= a2;</c>): a later continuation line
/// (<c>= 14 - 7 = 7</c>) may still give the value.
/// </summary>
internal readonly record struct PendingStatement(string? Name, int? StepNumber, string Work);

/// <summary>What one line says.</summary>
internal sealed class LineReading
{
    public List<LineClaim> Claims { get; } = [];

    /// <summary>A statement with no value on this line, or null.</summary>
    public PendingStatement? Pending { get; set; }

    /// <summary>Text that looked like a claim but had no readable value.</summary>
    public List<string> Unreadable { get; } = [];
}
