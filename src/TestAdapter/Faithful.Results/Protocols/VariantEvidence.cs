using Faithful.Model;

namespace Faithful.Traces.Results;

/// <summary>
/// The <c>metamorphic</c> protocol's record of one variant: how it was derived from the case's program and the base
/// case it belongs to. A variant is a function of the base program, its inputs and the variant's name, so it is
/// rebuilt from these rather than stored.
/// </summary>
/// <param name="Variant"><c>original</c>, <c>renamed</c>, <c>reordered</c>, <c>shifted</c> or <c>scheme</c>.</param>
/// <param name="BaseProgramId">The program the variant was derived from.</param>
/// <param name="BaseInputs">The base case's inputs.</param>
/// <param name="Description">What the transformation did (renaming, order, shifts).</param>
/// <param name="ProgramId">The variant program's id (the base program's for <c>original</c>).</param>
public sealed record VariantEvidence(string Variant, string BaseProgramId, EquatableArray<Value> BaseInputs, string Description, string ProgramId);
