using Faithful.Analyzers.Extraction;

namespace Faithful.SourcePrograms;

/// <summary>
/// Why a program could not be read: the problem kind, where (file, one-based line and column; line 0 when
/// the problem is in an argument rather than the text, e.g. the parameter list) and what to do.
/// </summary>
public sealed record SourceProblem(ProblemKind Kind, string Path, int Line, int Column, string Message, string? ProgramName = null)
{
    public override string ToString() =>
        (Line > 0 ? $"{Path}({Line},{Column})" : Path) + (ProgramName is null ? "" : $" [{ProgramName}]") + $": {Kind}: {Message}";
}
