namespace Faithful.Traces.Results;

/// <summary>
/// The <c>explain-then-execute</c> protocol's record of a case: the rationale the model gave before executing,
/// judged step by step on which earlier values each step reads.
/// </summary>
/// <param name="Steps">Steps of the program.</param>
/// <param name="ExplainedSteps">Steps the rationale gives a reading for.</param>
/// <param name="CorrectSteps">Steps whose stated reads are exactly the step's reads.</param>
/// <param name="Mismatches">Steps explained wrongly or not at all (at most the first 50).</param>
public sealed record RationaleEvidence(int Steps, int ExplainedSteps, int CorrectSteps, IReadOnlyList<RationaleMismatch> Mismatches)
{
    /// <summary>Every step explained with exactly its reads.</summary>
    public bool Correct => Steps > 0 && CorrectSteps == Steps;

    /// <summary>Share of steps explained correctly.</summary>
    public double Share => Steps == 0 ? 1 : (double)CorrectSteps / Steps;
}

/// <summary>A step whose stated reads differ from its actual reads (names, sorted).</summary>
public sealed record RationaleMismatch(int StepIndex, IReadOnlyList<string> Expected, IReadOnlyList<string>? Stated);
