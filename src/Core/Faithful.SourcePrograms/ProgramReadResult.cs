using Faithful.Model;

namespace Faithful.SourcePrograms;

/// <summary>The programs that were read and the problems of those that could not be.</summary>
public sealed record ProgramReadResult(IReadOnlyList<StepProgram> Programs, IReadOnlyList<SourceProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>One program read from bare statements, or the problems that prevented it.</summary>
public sealed record StatementsReadResult(StepProgram? Program, IReadOnlyList<SourceProblem> Problems)
{
    public bool Succeeded => Program is not null;
}
