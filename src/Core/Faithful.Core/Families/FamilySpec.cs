using Faithful.Model;

namespace Faithful.Families;

/// <summary>
/// One generated program, described by its family parameters and seed. The same spec generates the
/// same program on every platform; <see cref="ToString"/> gives a stable, parseable key (<see cref="FamilySpecText"/>).
/// </summary>
public abstract record FamilySpec
{
    /// <summary>The family's short name: <c>chain</c> or <c>register</c>.</summary>
    public abstract string Family { get; }

    /// <summary>Number of steps the program has.</summary>
    public abstract int Length { get; }

    /// <summary>The look-back depth the family was asked for (for grouping results).</summary>
    public abstract int Depth { get; }

    /// <summary>A short label of the operator/type variant, e.g. <c>long-mixed</c>, for grouping results.</summary>
    public abstract string Variant { get; }

    public abstract ulong Seed { get; }

    /// <summary>Builds the program, its steps annotated with the C# source text they are written as.</summary>
    public abstract StepProgram Generate();
}
