using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles;

/// <summary>A line of a JSONL file that could not be read, and why; reported, never thrown.</summary>
public sealed record LineIssue(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}({Line}): {Reason}";
}

/// <summary>What a run file holds.</summary>
/// <param name="Header">The header line, when present.</param>
/// <param name="Results">Every readable result, in file order; for a key written twice, the last one wins.</param>
/// <param name="Issues">Lines that could not be read.</param>
/// <param name="CompleteLength">Byte length of the file up to its last complete line; a resumed run truncates a torn tail to it.</param>
public sealed record RunFileContents(RunHeader? Header, IReadOnlyList<CaseResult> Results, IReadOnlyList<LineIssue> Issues, long CompleteLength)
{
    public static RunFileContents Empty { get; } = new(null, [], [], 0);

    public IReadOnlySet<string> CompletedKeys => Results.Select(RunFile.KeyOf).ToHashSet(StringComparer.Ordinal);
}
