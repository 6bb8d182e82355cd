using Faithful.Model;

namespace Faithful.Analyzers.Extraction;

/// <summary>
/// Either the extracted program, with where each of its steps sits in source, or the problems that prevent it (never
/// both). The program is the shared <see cref="StepProgram"/> itself; locations stay beside it, out of the model.
/// </summary>
internal sealed record ExtractionResult(StepProgram? Program, EquatableArray<LocationInfo> StepLocations, EquatableArray<ExtractionProblem> Problems)
{
    public bool Succeeded => Program is not null;

    public static ExtractionResult Failed(EquatableArray<ExtractionProblem> problems) => new(null, EquatableArray<LocationInfo>.Empty, problems);
}
