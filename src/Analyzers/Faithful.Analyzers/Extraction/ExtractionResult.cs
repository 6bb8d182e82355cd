namespace Faithful.Analyzers.Extraction;

/// <summary>Either the extracted program or the problems that prevent it (never both).</summary>
public sealed record ExtractionResult(ProgramModel? Program, EquatableArray<ExtractionProblem> Problems)
{
    public bool Succeeded => Program is not null;
}
