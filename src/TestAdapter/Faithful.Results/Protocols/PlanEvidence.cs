using Faithful.Model;

namespace Faithful.Traces.Results;

/// <summary>
/// The <c>plan-execute</c> protocol's record of a case: the plan the model wrote (statements over the inputs, not
/// evaluated), whether it has the program's dependency structure, and what executing it gave.
/// </summary>
/// <param name="PlannedSteps">Statements read from the plan.</param>
/// <param name="SameStructure">Same step count and every step reads the same earlier values as the program's.</param>
/// <param name="SameComputation">Every planned statement computes what the program's step computes (same expression).</param>
/// <param name="ExecutedAnswer">The answer of the executed plan, or null when it could not be read or faulted.</param>
/// <param name="Mismatches">Steps whose planned statement differs from the program's.</param>
/// <param name="Problem">Why the plan could not be read or executed, else null.</param>
public sealed record PlanEvidence(
    int PlannedSteps,
    bool SameStructure,
    bool SameComputation,
    Value? ExecutedAnswer,
    IReadOnlyList<PlanMismatch> Mismatches,
    string? Problem = null);

/// <summary>A planned statement that differs from the program's step.</summary>
/// <param name="StepIndex">Zero-based step index.</param>
/// <param name="Expected">The program's statement.</param>
/// <param name="Planned">The statement the plan holds for that step, or null when it has none.</param>
/// <param name="Reason">What differs (reads, operation, missing).</param>
public sealed record PlanMismatch(int StepIndex, string Expected, string? Planned, string Reason);
