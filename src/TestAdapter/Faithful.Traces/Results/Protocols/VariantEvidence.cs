using Faithful.Model;

namespace Faithful.Traces.Results;

/// <summary>
/// The <c>metamorphic</c> protocol's record of one variant: how it was derived from the case's program, the base
/// case it belongs to, and the variant program itself (<c>faithful.program/1</c> JSON), so the record is
/// self-contained for reports and exports.
/// </summary>
/// <param name="Variant"><c>original</c>, <c>renamed</c>, <c>reordered</c>, <c>shifted</c> or <c>scheme</c>.</param>
/// <param name="BaseProgramId">The program the variant was derived from.</param>
/// <param name="BaseInputs">The base case's inputs.</param>
/// <param name="Description">What the transformation did (renaming, order, shifts).</param>
/// <param name="ProgramJson">The variant program as <c>faithful.program/1</c> JSON.</param>
public sealed record VariantEvidence(string Variant, string BaseProgramId, EquatableArray<Value> BaseInputs, string Description, string ProgramJson);
